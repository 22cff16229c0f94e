import { asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { departmentMemberCountSql, userNameSql } from '../users/index.js';
import { departments } from './departments.tables.js';

export async function listDepartmentViews(db: DbOrTx) {
  return db
    .select({
      id: departments.id,
      name: departments.name,
      parentId: departments.parentId,
      managerId: departments.managerId,
      managerName: userNameSql(departments.managerId),
      sortOrder: departments.sortOrder,
      memberCount: departmentMemberCountSql(departments.id),
    })
    .from(departments)
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
  const [row] = await db
    .select({ children: count(), members: departmentMemberCountSql(sql`${id}::uuid`) })
    .from(departments)
    .where(eq(departments.parentId, id));
  return (row?.children ?? 0) + (row?.members ?? 0);
}

/** The manager of the department or, when it has none, of the nearest department above it. */
export async function responsibleManager(db: DbOrTx, departmentId: string | null): Promise<string | null> {
  if (!departmentId) return null;
  const result = await db.execute<{
    manager_id: string | null;
  }>(sql`WITH RECURSIVE up(id, parent_id, manager_id, depth) AS (
      SELECT id, parent_id, manager_id, 0 FROM departments WHERE id = ${departmentId}::uuid
      UNION ALL
      SELECT d.id, d.parent_id, d.manager_id, up.depth + 1 FROM departments d JOIN up ON d.id = up.parent_id
      WHERE up.depth < 20
    ) SELECT manager_id FROM up WHERE manager_id IS NOT NULL ORDER BY depth LIMIT 1`);
  return result.rows[0]?.manager_id ?? null;
}
