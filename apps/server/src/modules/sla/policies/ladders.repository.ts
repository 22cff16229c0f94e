import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { slaLadders } from '../sla.tables.js';

export type LadderRow = typeof slaLadders.$inferSelect;
export type LadderInsert = typeof slaLadders.$inferInsert;

export async function listLadders(db: DbOrTx): Promise<LadderRow[]> {
  return db.select().from(slaLadders).orderBy(asc(slaLadders.nameZh), asc(slaLadders.id));
}

export async function findLadder(db: DbOrTx, id: string, { forUpdate = false } = {}): Promise<LadderRow | undefined> {
  const query = db.select().from(slaLadders).where(eq(slaLadders.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertLadder(db: DbOrTx, values: LadderInsert): Promise<LadderRow> {
  const [row] = await db.insert(slaLadders).values(values).returning();
  if (!row) throw new Error('sla_ladders insert returned no row');
  return row;
}

/** Updates the row and bumps its version when it still has `version`; undefined when it did not. */
export async function updateLadder(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<LadderInsert>,
): Promise<LadderRow | undefined> {
  const [row] = await db
    .update(slaLadders)
    .set({ ...values, version: sql`${slaLadders.version} + 1`, updatedAt: new Date() })
    .where(and(eq(slaLadders.id, id), eq(slaLadders.version, version)))
    .returning();
  return row;
}

export async function deleteLadder(db: DbOrTx, id: string): Promise<void> {
  await db.delete(slaLadders).where(eq(slaLadders.id, id));
}
