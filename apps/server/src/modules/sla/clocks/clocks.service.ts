import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import {
  CN_WORKDAYS,
  type CompiledCalendar,
  calendarInfo,
  compiledCalendar,
  seedCalendars,
} from '../../calendars/index.js';
import { setTicketSla, type TicketClockFacts, ticketClockFacts } from '../../tickets/index.js';
import { nextCheckAt } from '../escalation/schedule.js';
import { type ClockPolicy, type ComputedClock, calendarIdsOf, computeClocks } from './clock-engine.js';
import * as repo from './clocks.repository.js';

export type LoadedCalendar = { compiled: CompiledCalendar; version: number; nameZh: string; nameEn: string };

/** The compiled calendars by id; the built-in one is seeded when missing, an unknown one is left out. */
export async function loadCalendars(db: DbOrTx, ids: readonly string[]): Promise<Map<string, LoadedCalendar>> {
  const out = new Map<string, LoadedCalendar>();
  for (const id of ids) {
    let info = await calendarInfo(db, id);
    if (!info && id === CN_WORKDAYS) {
      await seedCalendars(db);
      info = await calendarInfo(db, id);
    }
    if (!info) continue;
    try {
      const compiled = await compiledCalendar(db, id);
      out.set(id, { compiled, version: info.version, nameZh: info.nameZh, nameEn: info.nameEn });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'calendars.not_found')) throw error;
    }
  }
  return out;
}

export type TicketClocks = {
  facts: TicketClockFacts;
  policies: ClockPolicy[];
  pauseOn: string[];
  calendars: Map<string, LoadedCalendar>;
  clocks: ComputedClock[];
};

const lookup = (calendars: Map<string, LoadedCalendar>) => (id: string) => {
  const calendar = calendars.get(id);
  if (!calendar) throw new AppError('calendars.not_found', 404);
  return calendar.compiled;
};

/** What every ticket's clocks are computed with: the active policies, the settings, the calendars. */
export type ClockRules = { policies: ClockPolicy[]; pauseOn: string[]; calendars: Map<string, LoadedCalendar> };

/** The rules, read once (policies on a calendar that no longer exists are left out: a clock needs its calendar). */
export async function loadClockRules(db: DbOrTx): Promise<ClockRules> {
  const all = await repo.listActivePolicies(db);
  const calendars = await loadCalendars(db, calendarIdsOf(all));
  const policies = all.filter((p) => p.timeBasis !== 'business' || calendars.has(p.calendarId));
  return { policies, pauseOn: await repo.pauseOn(db), calendars };
}

/** The engine over one ticket's facts with the rules (`calendars` may swap in a draft calendar). */
export function clocksWith(rules: ClockRules, facts: TicketClockFacts, now: Date, calendars = lookup(rules.calendars)) {
  return computeClocks(facts, rules.policies, { pauseOn: rules.pauseOn }, calendars, now);
}

/** The ticket's clocks computed live from its history (the engine), with what they were computed from. */
export async function computeTicketClocks(
  db: DbOrTx,
  ticketId: string,
  now = new Date(),
): Promise<TicketClocks | undefined> {
  const facts = await ticketClockFacts(db, ticketId);
  if (!facts) return undefined;
  const rules = await loadClockRules(db);
  return { facts, ...rules, clocks: clocksWith(rules, facts, now) };
}

export { lookup as calendarLookup };

const live = (c: ComputedClock) =>
  c.stoppedAt === null && (c.state === 'running' || c.state === 'paused' || c.state === 'breached');

/**
 * The ticket's nearest due time and worst state for the queue: the earliest due time of its clocks
 * still going (a breached clock with a follow-up target counts with that target); `breached` if
 * one is past due, `warning` if one has passed its first warning, `ok` while one runs, `paused`
 * when all wait; null without a clock going.
 */
export function ticketSla(clocks: readonly ComputedClock[], now: Date) {
  const going = clocks.filter(live);
  const dues = going
    .map((c) => (c.state === 'breached' && c.followUpDueAt ? c.followUpDueAt : c.dueAt))
    .filter((d): d is Date => d !== null)
    .map((d) => d.getTime());
  const dueAt = dues.length > 0 ? new Date(Math.min(...dues)) : null;
  let state: 'ok' | 'warning' | 'breached' | 'paused' | null = null;
  if (going.some((c) => c.state === 'breached')) state = 'breached';
  else if (going.some((c) => c.state === 'running' && c.warnings.some((w) => w.at <= now))) state = 'warning';
  else if (going.some((c) => c.state === 'running')) state = 'ok';
  else if (going.length > 0) state = 'paused';
  return { dueAt, state };
}

/**
 * Rebuilds the ticket's stored clocks from its history (idempotent): UPSERT by ticket × metric ×
 * cycle keeping ids (firings stay attached), clocks no longer computed cancelled, `next_check_at`
 * = the earliest step not fired yet (escalation/schedule.ts), and the ticket's `sla_due_at` / `sla_state`.
 */
export async function recomputeTicketClocks(
  tx: DbOrTx,
  _deps: Deps | null,
  ticketId: string,
  now = new Date(),
): Promise<repo.StoredClock[]> {
  return (await refreshTicketClocks(tx, ticketId, now))?.rows ?? [];
}

/**
 * `recomputeTicketClocks`, also answering the engine's view it stored (the sweep reads each clock's
 * warning instants from it); undefined when the ticket is gone.
 */
export async function refreshTicketClocks(
  tx: DbOrTx,
  ticketId: string,
  now = new Date(),
): Promise<{ computed: TicketClocks; rows: repo.StoredClock[] } | undefined> {
  const computed = await computeTicketClocks(tx, ticketId, now);
  if (!computed) return undefined;
  // The sweep's per-ticket key first, then the rows: a sweep that holds one of this ticket's clocks
  // (SKIP LOCKED) and this recompute, holding another, would otherwise wait on each other.
  await repo.lockTicket(tx, ticketId);
  const existing = await repo.lockTicketClocks(tx, ticketId);
  const firings = await repo.firingsOfClocks(
    tx,
    existing.map((c) => c.id),
  );
  const ladders = await repo.laddersOf(tx, [
    ...new Set(computed.clocks.map((c) => c.policy.ladderId).filter((id): id is string => id !== null)),
  ]);
  const { ticket } = computed.facts;
  const rows: repo.StoredClock[] = [];
  for (const clock of computed.clocks) {
    const prior = existing.find((e) => e.metric === clock.metric && e.cycle === clock.cycle);
    const fired = prior ? firings.filter((f) => f.clockId === prior.id) : [];
    const ladder = clock.policy.ladderId ? ladders.get(clock.policy.ladderId) : undefined;
    const next = nextCheckAt({
      state: clock.state,
      dueAt: clock.dueAt,
      stoppedAt: clock.stoppedAt,
      followUpDueAt: clock.followUpDueAt,
      warnings: clock.warnings,
      ladderLimits: ladder ? ladder.levels.map((l) => l.limitMinutes) : null,
      fired,
    });
    const calendar = computed.calendars.get(clock.policy.calendarId);
    rows.push(
      await repo.upsertClock(tx, {
        ticketId,
        metric: clock.metric,
        cycle: clock.cycle,
        policyId: clock.policy.id,
        calendarId: clock.policy.calendarId,
        calendarVersion: calendar?.version ?? null,
        timeBasis: clock.metric === 'promised_reply' ? 'calendar' : clock.policy.timeBasis,
        targetMinutes: clock.policy.targetMinutes,
        state: clock.state,
        startedAt: clock.startedAt,
        dueAt: clock.dueAt,
        pausedSince: clock.pausedSince,
        pausedMinutes: clock.pausedMinutes,
        remainingMinutes: clock.remainingMinutes,
        stoppedAt: clock.stoppedAt,
        breachedAt: clock.breachedAt,
        followUpDueAt: clock.followUpDueAt,
        ladderId: clock.policy.ladderId,
        nextCheckAt: next,
        assigneeId: ticket.assigneeId,
        departmentId: clock.departmentId,
        typeKey: ticket.typeKey,
        priority: ticket.priority,
        customerGrade: ticket.customerGrade,
      }),
    );
  }
  await repo.cancelOtherClocks(
    tx,
    ticketId,
    rows.map((r) => r.id),
  );
  await setTicketSla(tx, ticketId, ticketSla(computed.clocks, now));
  return { computed, rows };
}
