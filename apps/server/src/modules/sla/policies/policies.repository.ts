import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { slaPolicies } from '../sla.tables.js';

export type PolicyRow = typeof slaPolicies.$inferSelect;
export type PolicyInsert = typeof slaPolicies.$inferInsert;

export async function listPolicies(db: DbOrTx): Promise<PolicyRow[]> {
  return db
    .select()
    .from(slaPolicies)
    .orderBy(asc(slaPolicies.metric), asc(slaPolicies.sortOrder), asc(slaPolicies.nameZh), asc(slaPolicies.id));
}

export async function findPolicy(db: DbOrTx, id: string, { forUpdate = false } = {}): Promise<PolicyRow | undefined> {
  const query = db.select().from(slaPolicies).where(eq(slaPolicies.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertPolicies(db: DbOrTx, values: PolicyInsert[]): Promise<PolicyRow[]> {
  if (values.length === 0) return [];
  return db.insert(slaPolicies).values(values).returning();
}

/** Updates the row and bumps its version when it still has `version`; undefined when it did not. */
export async function updatePolicy(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<PolicyInsert>,
): Promise<PolicyRow | undefined> {
  const [row] = await db
    .update(slaPolicies)
    .set({ ...values, version: sql`${slaPolicies.version} + 1`, updatedAt: new Date() })
    .where(and(eq(slaPolicies.id, id), eq(slaPolicies.version, version)))
    .returning();
  return row;
}

export async function deletePolicy(db: DbOrTx, id: string): Promise<void> {
  await db.delete(slaPolicies).where(eq(slaPolicies.id, id));
}

/** How many policies use the ladder (a ladder in use is not deleted). */
export async function countPoliciesWithLadder(db: DbOrTx, ladderId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(slaPolicies).where(eq(slaPolicies.ladderId, ladderId));
  return row?.n ?? 0;
}

export async function policyIdsWithLadder(db: DbOrTx, ladderId: string): Promise<string[]> {
  const rows = await db.select({ id: slaPolicies.id }).from(slaPolicies).where(eq(slaPolicies.ladderId, ladderId));
  return rows.map((r) => r.id);
}
