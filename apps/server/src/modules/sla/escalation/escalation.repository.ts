import { and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { slaClocks, slaFirings } from '../sla.tables.js';

export type ClockRow = typeof slaClocks.$inferSelect;
export type FiringRow = typeof slaFirings.$inferSelect;
export type FiringInsert = typeof slaFirings.$inferInsert;

/** How many clocks one sweep transaction takes at most. */
export const SWEEP_BATCH = 500;

/**
 * The sweep's "find what is due": the clocks whose next check has come, earliest first, locked for
 * this transaction; rows another sweep holds are skipped (it fires them), so instances running at
 * the same time share the work. Read along the partial index `sla_clocks_next_check_idx`.
 */
export function dueClocksQuery(db: DbOrTx, now: Date, limit = SWEEP_BATCH) {
  return db
    .select()
    .from(slaClocks)
    .where(and(isNotNull(slaClocks.nextCheckAt), sql`${slaClocks.nextCheckAt} <= ${now.toISOString()}::timestamptz`))
    .orderBy(asc(slaClocks.nextCheckAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function lockDueClocks(db: DbOrTx, now: Date, limit = SWEEP_BATCH): Promise<ClockRow[]> {
  return dueClocksQuery(db, now, limit);
}

/** The clock of this ticket, locked (a manual escalation and the sweep never fire the same step twice). */
export async function lockClock(db: DbOrTx, ticketId: string, clockId: string): Promise<ClockRow | undefined> {
  const [row] = await db
    .select()
    .from(slaClocks)
    .where(and(eq(slaClocks.id, clockId), eq(slaClocks.ticketId, ticketId)))
    .for('update');
  return row;
}

export async function findClocks(db: DbOrTx, ids: string[]): Promise<ClockRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(slaClocks).where(inArray(slaClocks.id, ids));
}

/**
 * Records a step once: the unique (clock, kind, step) index makes a second insert — another
 * instance, a redelivered job, a sweep after a restart — return nothing.
 */
export async function insertFiringOnce(db: DbOrTx, values: FiringInsert): Promise<FiringRow | undefined> {
  const [row] = await db.insert(slaFirings).values(values).onConflictDoNothing().returning();
  return row;
}

export async function setFiringRecipients(db: DbOrTx, id: number, recipients: string[], channels: string[]) {
  await db.update(slaFirings).set({ recipients, channels }).where(eq(slaFirings.id, id));
}

/** After the sweep or an escalation: the level reached and the next instant to look at the clock. */
export async function updateClockProgress(
  db: DbOrTx,
  id: string,
  values: { ladderLevel: number; nextCheckAt: Date | null },
) {
  await db
    .update(slaClocks)
    .set({ ladderLevel: values.ladderLevel, nextCheckAt: values.nextCheckAt })
    .where(eq(slaClocks.id, id));
}

/**
 * One page of the clocks at risk — running or breached, not stopped, with a due time — among the
 * tickets `visible` selects, by due time (the breached ones first, most overdue first).
 */
export async function listAtRiskClocks(
  db: DbOrTx,
  visible: SQL,
  filter: { metric?: string },
  page: { limit: number; offset: number },
) {
  // Literals, the predicate of the partial index `sla_clocks_running_due_idx` (a parameter there
  // would keep the planner from matching the index).
  const where = and(
    sql`${slaClocks.state} IN ('running', 'breached') AND ${slaClocks.stoppedAt} IS NULL AND ${slaClocks.dueAt} IS NOT NULL`,
    filter.metric ? eq(slaClocks.metric, filter.metric as ClockRow['metric']) : undefined,
    visible,
  );
  const items = await db
    .select()
    .from(slaClocks)
    .where(where)
    .orderBy(asc(slaClocks.dueAt), asc(slaClocks.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(slaClocks)
    .where(where);
  return { items, total: count?.n ?? 0 };
}

// The firings and ladders of clocks: one query each, shared with the clocks.
export { firingsOfClocks as firingsOf, laddersOf as laddersById } from '../clocks/clocks.repository.js';
