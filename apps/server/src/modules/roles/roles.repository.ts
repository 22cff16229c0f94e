import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { roleMemberCountSql } from '../users/index.js';
import { roles } from './roles.tables.js';

export async function listRoleViews(db: DbOrTx, locale: 'zh-CN' | 'en') {
  return db
    .select({
      key: roles.key,
      name: locale === 'en' ? sql<string>`coalesce(${roles.nameEn}, ${roles.name})` : roles.name,
      description: roles.description,
      permissions: roles.permissions,
      dataScope: roles.dataScope,
      isSystem: roles.isSystem,
      userCount: roleMemberCountSql(roles.key),
    })
    .from(roles)
    .orderBy(asc(roles.isSystem), asc(roles.createdAt), asc(roles.key));
}

export async function findRoleRow(db: DbOrTx, key: string) {
  const [row] = await db.select().from(roles).where(eq(roles.key, key)).limit(1);
  return row;
}

export async function insertRole(db: DbOrTx, values: typeof roles.$inferInsert) {
  const [row] = await db.insert(roles).values(values).returning();
  if (!row) throw new Error('insert role returned nothing');
  return row;
}

export async function updateRole(db: DbOrTx, key: string, values: Partial<typeof roles.$inferInsert>) {
  const [row] = await db
    .update(roles)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(roles.key, key))
    .returning();
  return row;
}

export async function deleteRole(db: DbOrTx, key: string) {
  await db.delete(roles).where(eq(roles.key, key));
}

export async function countUsersWithRole(db: DbOrTx, key: string) {
  const [row] = await db
    .select({ n: roleMemberCountSql(roles.key) })
    .from(roles)
    .where(eq(roles.key, key));
  return row?.n ?? 0;
}

/** Every role's grant, for telling in a list which users the caller may manage. */
export async function roleGrants(db: DbOrTx) {
  return db.select({ key: roles.key, permissions: roles.permissions, dataScope: roles.dataScope }).from(roles);
}
