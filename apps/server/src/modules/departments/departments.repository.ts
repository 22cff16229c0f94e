import { asc, count, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { departments, users } from '../../db/schema/index.js';

const managers = alias(users, 'managers');

export async function listDepartmentViews(db: DbOrTx) {
  const members = db
    .select({ departmentId: users.departmentId, n: count().as('n') })
    .from(users)
    .groupBy(users.departmentId)
    .as('members');
  return db
    .select({
      id: departments.id,
      name: departments.name,
      parentId: departments.parentId,
      managerId: departments.managerId,
      managerName: managers.displayName,
      sortOrder: departments.sortOrder,
      memberCount: sql<number>`coalesce(${members.n}, 0)::int`,
    })
    .from(departments)
    .leftJoin(managers, eq(managers.id, departments.managerId))
    .leftJoin(members, eq(members.departmentId, departments.id))
    .orderBy(asc(departments.sortOrder), asc(departments.name));
}

export async function findDepartmentRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(departments).where(eq(departments.id, id)).limit(1);
  return row;
}

export async function insertDepartment(db: DbOrTx, values: typeof departments.$inferInsert) {
  const [row] = await db.insert(departments).values(values).returning();
  if (!row) throw new Error('insert department returned nothing');
  return row;
}

export async function updateDepartment(db: DbOrTx, id: string, values: Partial<typeof departments.$inferInsert>) {
  const [row] = await db
    .update(departments)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(departments.id, id))
    .returning();
  return row;
}

export async function deleteDepartment(db: DbOrTx, id: string) {
  await db.delete(departments).where(eq(departments.id, id));
}

/** True when `candidateId` is `departmentId` or one of its descendants. */
export async function isSelfOrDescendant(db: DbOrTx, departmentId: string, candidateId: string) {
  const result = await db.execute<{ found: boolean }>(sql`
    WITH RECURSIVE below(id) AS (
      SELECT ${departmentId}::uuid
      UNION
      SELECT d.id FROM departments d JOIN below b ON d.parent_id = b.id
    ) SELECT EXISTS (SELECT 1 FROM below WHERE id = ${candidateId}::uuid) AS found`);
  return Boolean(result.rows[0]?.found);
}

export async function countChildrenAndMembers(db: DbOrTx, id: string) {
  const [children] = await db.select({ n: count() }).from(departments).where(eq(departments.parentId, id));
  const [members] = await db.select({ n: count() }).from(users).where(eq(users.departmentId, id));
  return (children?.n ?? 0) + (members?.n ?? 0);
}
