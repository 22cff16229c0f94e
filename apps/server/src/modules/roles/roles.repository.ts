import { asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { roles, users } from '../../db/schema/index.js';

export async function listRoleViews(db: DbOrTx, locale: 'zh-CN' | 'en') {
  const members = db
    .select({ roleKey: users.roleKey, n: count().as('n') })
    .from(users)
    .groupBy(users.roleKey)
    .as('members');
  return db
    .select({
      key: roles.key,
      name: locale === 'en' ? sql<string>`coalesce(${roles.nameEn}, ${roles.name})` : roles.name,
      description: roles.description,
      permissions: roles.permissions,
      dataScope: roles.dataScope,
      isSystem: roles.isSystem,
      userCount: sql<number>`coalesce(${members.n}, 0)::int`,
    })
    .from(roles)
    .leftJoin(members, eq(members.roleKey, roles.key))
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
  const [row] = await db.select({ n: count() }).from(users).where(eq(users.roleKey, key));
  return row?.n ?? 0;
}
