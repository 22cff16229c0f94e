import { and, asc, eq, gt, inArray, isNull, ne, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { slaClocks, slaFirings, slaLadders, slaPolicies, slaSettings } from '../sla.tables.js';

export type StoredClock = typeof slaClocks.$inferSelect;
export type ClockUpsert = typeof slaClocks.$inferInsert;

export async function listActivePolicies(db: DbOrTx) {
  return db.select().from(slaPolicies).where(eq(slaPolicies.isActive, true)).orderBy(asc(slaPolicies.sortOrder));
}

/** What pauses the clocks (the settings row, or the defaults before it exists). */
export async function pauseOn(db: DbOrTx): Promise<string[]> {
  const [row] = await db.select({ pauseOn: slaSettings.pauseOn }).from(slaSettings).where(eq(slaSettings.id, 1));
  return row?.pauseOn ?? ['waiting_customer', 'waiting_third_party', 'feedback'];
}

/** The per-ticket advisory key of the clocks, taken by a recompute and by the sweep (to the end of the transaction). */
const ticketKey = (ticketId: string) => sql`hashtextextended(${`sla.sweep:${ticketId}`}, 0)`;

/** Waits for the ticket's key (a recompute). */
export async function lockTicket(db: DbOrTx, ticketId: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(${ticketKey(ticketId)})`);
}

/** Takes the ticket's key if nobody holds it (the sweep: another one leaves the ticket for its next run). */
export async function tryLockTicket(db: DbOrTx, ticketId: string): Promise<boolean> {
  const result = await db.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${ticketKey(ticketId)}) AS ok`);
  return Boolean(result.rows[0]?.ok);
}

/** The ticket's stored clocks, locked (the sweep and a recompute of the same clock take turns). */

export async function lockTicketClocks(db: DbOrTx, ticketId: string): Promise<StoredClock[]> {
  return db.select().from(slaClocks).where(eq(slaClocks.ticketId, ticketId)).for('update');
}

export async function ticketClocks(db: DbOrTx, ticketId: string): Promise<StoredClock[]> {
  return db.select().from(slaClocks).where(eq(slaClocks.ticketId, ticketId));
}

export async function firingsOfClocks(db: DbOrTx, clockIds: string[]) {
  if (clockIds.length === 0) return [];
  return db
    .select()
    .from(slaFirings)
    .where(inArray(slaFirings.clockId, clockIds))
    .orderBy(asc(slaFirings.firedAt), asc(slaFirings.id));
}

export async function laddersOf(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return new Map<string, typeof slaLadders.$inferSelect>();
  const rows = await db.select().from(slaLadders).where(inArray(slaLadders.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Writes the clock by ticket × metric × cycle, keeping its id (its firings stay attached) and ladder level. */
export async function upsertClock(db: DbOrTx, values: ClockUpsert): Promise<StoredClock> {
  const { ticketId: _t, metric: _m, cycle: _c, ladderLevel: _l, ...changes } = values;
  const [row] = await db
    .insert(slaClocks)
    .values(values)
    .onConflictDoUpdate({
      target: [slaClocks.ticketId, slaClocks.metric, slaClocks.cycle],
      set: { ...changes, updatedAt: sql`now()` },
    })
    .returning();
  return row as StoredClock;
}

/** Clocks of the ticket the engine no longer computes (the policy went away): cancelled, nothing pending. */
export async function cancelOtherClocks(db: DbOrTx, ticketId: string, keepIds: string[]): Promise<void> {
  await db
    .update(slaClocks)
    .set({ state: 'cancelled', nextCheckAt: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(slaClocks.ticketId, ticketId),
        ne(slaClocks.state, 'cancelled'),
        keepIds.length > 0 ? notInArray(slaClocks.id, keepIds) : undefined,
      ),
    );
}

/**
 * Tickets with clocks still going (not stopped, not cancelled) — on a calendar (null: any
 * business-time clock, e.g. the official days changed) — after `afterId`, in id order.
 */
export async function liveClockTicketIdsAfter(
  db: DbOrTx,
  filter: { calendarId?: string | null; policyId?: string },
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ ticketId: slaClocks.ticketId })
    .from(slaClocks)
    .where(
      and(
        isNull(slaClocks.stoppedAt),
        ne(slaClocks.state, 'cancelled'),
        filter.calendarId === undefined
          ? undefined
          : filter.calendarId === null
            ? eq(slaClocks.timeBasis, 'business')
            : and(eq(slaClocks.calendarId, filter.calendarId), eq(slaClocks.timeBasis, 'business')),
        filter.policyId ? eq(slaClocks.policyId, filter.policyId) : undefined,
        afterId ? gt(slaClocks.ticketId, afterId) : undefined,
      ),
    )
    .orderBy(asc(slaClocks.ticketId))
    .limit(limit);
  return rows.map((r) => r.ticketId);
}

/** Live business-time clocks on a calendar (the calendar preview), at most `limit`. */
export async function liveClocksOnCalendar(db: DbOrTx, calendarId: string, limit: number) {
  return db
    .select({ id: slaClocks.id, ticketId: slaClocks.ticketId, metric: slaClocks.metric, cycle: slaClocks.cycle })
    .from(slaClocks)
    .where(
      and(
        eq(slaClocks.calendarId, calendarId),
        eq(slaClocks.timeBasis, 'business'),
        isNull(slaClocks.stoppedAt),
        inArray(slaClocks.state, ['running', 'paused', 'breached']),
      ),
    )
    .orderBy(asc(slaClocks.ticketId), asc(slaClocks.id))
    .limit(limit);
}
