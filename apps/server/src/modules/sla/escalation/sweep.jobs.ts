import { z } from 'zod';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { defineJob } from '../../../jobs/definition.js';
import type { Deps } from '../../../lib/deps.js';
import { findTicketSummaries } from '../../tickets/index.js';
import * as clocksRepo from '../clocks/clocks.repository.js';
import { computeTicketClocks, refreshTicketClocks } from '../clocks/clocks.service.js';
import type { LadderLevel } from '../sla.tables.js';
import * as repo from './escalation.repository.js';
import { fireStep, scheduleInput } from './firing.js';
import { dueSteps, nextCheckAt, type ScheduleInput } from './schedule.js';

const MINUTE = 60_000;

type Fresh = { clock: repo.ClockRow; warnings: ScheduleInput['warnings'] };

/**
 * The ticket's clocks brought up to date at `now` by the recompute (state, breach, due, the
 * ticket's sla_due_at / sla_state), each with its warning instants from the engine (pause-aware).
 * Null when the ticket is gone.
 */
async function refreshedClocks(tx: Tx, ticketId: string, now: Date) {
  const refreshed = await refreshTicketClocks(tx, ticketId, now);
  if (!refreshed) return null;
  const fresh = new Map<string, Fresh>();
  for (const row of refreshed.rows) {
    const engine = refreshed.computed.clocks.find((c) => c.metric === row.metric && c.cycle === row.cycle);
    fresh.set(row.id, { clock: row, warnings: engine?.warnings ?? [] });
  }
  return fresh;
}

/** The engine's warning instants of one stored clock (for the schedule after a manual escalation). */
export async function clockWarnings(db: DbOrTx, clock: repo.ClockRow, now: Date): Promise<ScheduleInput['warnings']> {
  const computed = await computeTicketClocks(db, clock.ticketId, now);
  const engine = computed?.clocks.find((c) => c.metric === clock.metric && c.cycle === clock.cycle);
  return engine?.warnings ?? [];
}

/**
 * Only one sweep works on a ticket at a time (its recompute locks every clock of the ticket: two
 * sweeps holding one clock each would deadlock); the other leaves it for its next run.
 */
const tryLockTicket = (tx: DbOrTx, ticketId: string) => clocksRepo.tryLockTicket(tx, ticketId);

export type SweepResult = { clocks: number; fired: number };

/**
 * One sweep: takes up to SWEEP_BATCH clocks whose next check has come (rows another instance's
 * sweep holds are skipped), brings their tickets' clocks up to date, fires each clock's due steps
 * in order, exactly once (sla.firing.ts), and moves the clock on: the highest level reached and
 * the next instant to look at it. A step whose instant passed while nothing ran (the system was
 * down) fires now, marked late; several overdue levels fire one after the other in the same run.
 */
export async function sweepDueClocks(tx: Tx, deps: Deps, now = new Date()): Promise<SweepResult> {
  const clocks = await repo.lockDueClocks(tx, now);
  if (clocks.length === 0) return { clocks: 0, fired: 0 };
  const byTicket = new Map<string, repo.ClockRow[]>();
  for (const clock of clocks) byTicket.set(clock.ticketId, [...(byTicket.get(clock.ticketId) ?? []), clock]);
  const current: Fresh[] = [];
  for (const [ticketId, due] of byTicket) {
    if (!(await tryLockTicket(tx, ticketId))) continue;
    const fresh = await refreshedClocks(tx, ticketId, now);
    for (const clock of due) current.push(fresh?.get(clock.id) ?? { clock, warnings: [] });
  }
  const firings = await repo.firingsOf(
    tx,
    current.map((c) => c.clock.id),
  );
  const ladders = await repo.laddersById(tx, [
    ...new Set(current.map((c) => c.clock.ladderId).filter((id): id is string => id !== null)),
  ]);
  const tickets = new Map((await findTicketSummaries(tx, [...byTicket.keys()])).map((t) => [t.id, t]));
  let fired = 0;
  for (const { clock, warnings } of current) {
    const levels: LadderLevel[] | null = clock.ladderId ? (ladders.get(clock.ladderId)?.levels ?? null) : null;
    const history = firings.filter((f) => f.clockId === clock.id);
    const ctx = { clock, ticket: tickets.get(clock.ticketId) ?? null, levels, timeZone: deps.config.timezone };
    for (const step of dueSteps(scheduleInput(clock, warnings, levels, history), now)) {
      const row = await fireStep(tx, ctx, step, now);
      if (row) {
        history.push(row);
        fired += 1;
      }
    }
    const reached = Math.max(clock.ladderLevel, ...history.filter((f) => f.kind === 'escalation').map((f) => f.step));
    let next = nextCheckAt(scheduleInput(clock, warnings, levels, history));
    // Never leave a clock due again at once (a step the schedule keeps but cannot fire).
    if (next && next <= now) next = new Date(now.getTime() + MINUTE);
    await repo.updateClockProgress(tx, clock.id, { ladderLevel: reached, nextCheckAt: next });
  }
  return { clocks: clocks.length, fired };
}

/**
 * Every minute: warnings, breach notices, ladder levels and follow-ups that are due. Safe to run on
 * several instances at once (each takes other clocks: FOR UPDATE SKIP LOCKED) and after a restart
 * (the unique firing row makes each step fire once). A full batch sends the next run at once.
 */
export const slaSweep = defineJob({
  name: 'sla.sweep',
  schema: z.object({}),
  cron: '* * * * *',
  retryLimit: 3,
  retryDelaySeconds: 5,
  expireInSeconds: 120,
  async handler({ tx, deps }) {
    const result = await sweepDueClocks(tx, deps);
    if (result.clocks >= repo.SWEEP_BATCH && deps.jobs.started) await deps.jobs.send('sla.sweep', {}, { tx });
  },
});
