import type { Locale } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { notFound } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { type CompiledCalendar, compileDraftCalendar } from '../../calendars/index.js';
import { findTicketSummaries, findTicketSummaryInScope, ticketClockFacts } from '../../tickets/index.js';
import { recipientNames } from '../escalation/recipients.js';
import { ensureSlaSeeded } from '../policies/policies.seed.js';
import type { ComputedClock } from './clock-engine.js';
import { explainClock } from './clock-explain.js';
import * as repo from './clocks.repository.js';
import type { CalendarPreviewInput } from './clocks.schemas.js';
import {
  calendarLookup,
  clocksWith,
  computeTicketClocks,
  loadClockRules,
  recomputeTicketClocks,
} from './clocks.service.js';

type Ctx = { actor: Actor; locale: Locale };
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const named = (locale: Locale, row: { nameZh: string; nameEn: string }) => (locale === 'en' ? row.nameEn : row.nameZh);
const sameClock = (a: { metric: string; cycle: number }, b: { metric: string; cycle: number }) =>
  a.metric === b.metric && a.cycle === b.cycle;

async function requireTicketInScope(db: DbOrTx, actor: Actor, ticketId: string) {
  const ticket = await findTicketSummaryInScope(db, actor, ticketId);
  if (!ticket) throw notFound('tickets.not_found');
  return ticket;
}

/**
 * The ticket's clocks, computed live from its history (always exact), merged with what fired: the
 * ladder position and each level reached (when, late, by hand, why, who was told) and the warnings.
 * A clock the cache does not hold yet (the listener runs just after the change) is stored first,
 * so that every clock has its id.
 */
export async function listTicketClocks(deps: Deps, ctx: Ctx, ticketId: string) {
  const db = deps.database.db;
  await ensureSlaSeeded(deps);
  await requireTicketInScope(db, ctx.actor, ticketId);
  const now = new Date();
  const computed = await computeTicketClocks(db, ticketId, now);
  if (!computed) throw notFound('tickets.not_found');
  let stored = await repo.ticketClocks(db, ticketId);
  if (computed.clocks.some((c) => !stored.some((s) => sameClock(s, c)))) {
    await db.transaction((tx) => recomputeTicketClocks(tx, deps, ticketId, now));
    stored = await repo.ticketClocks(db, ticketId);
  }
  const firings = await repo.firingsOfClocks(
    db,
    stored.map((s) => s.id),
  );
  const ladders = await repo.laddersOf(db, [
    ...new Set(computed.clocks.map((c) => c.policy.ladderId).filter((id): id is string => id !== null)),
  ]);
  const names = new Map(
    (
      await recipientNames(db, [
        ...new Set([
          ...firings.flatMap((f) => f.recipients),
          ...firings.flatMap((f) => (f.actorId ? [f.actorId] : [])),
        ]),
      ])
    ).map((r) => [r.id, r.name]),
  );
  const items = computed.clocks.flatMap((clock) => {
    const row = stored.find((s) => sameClock(s, clock));
    if (!row) return [];
    const mine = firings.filter((f) => f.clockId === row.id);
    const escalations = mine.filter((f) => f.kind === 'escalation');
    const ladder = clock.policy.ladderId ? ladders.get(clock.policy.ladderId) : undefined;
    const calendar = computed.calendars.get(clock.policy.calendarId);
    return [
      {
        id: row.id,
        metric: clock.metric,
        cycle: clock.cycle,
        policyId: clock.policy.id,
        policyName: named(ctx.locale, clock.policy),
        targetMinutes: clock.policy.targetMinutes,
        timeBasis: row.timeBasis,
        calendarId: clock.policy.calendarId,
        calendarName: calendar ? named(ctx.locale, calendar) : null,
        state: clock.state,
        startedAt: clock.startedAt.toISOString(),
        dueAt: iso(clock.dueAt),
        remainingMinutes: clock.remainingMinutes,
        pausedMinutes: clock.pausedMinutes,
        pausedSince: iso(clock.pausedSince),
        stoppedAt: iso(clock.stoppedAt),
        breachedAt: iso(clock.breachedAt),
        followUpDueAt: iso(clock.followUpDueAt),
        ladder: ladder
          ? {
              id: ladder.id,
              name: named(ctx.locale, ladder),
              position: Math.max(row.ladderLevel, ...escalations.map((f) => f.step)),
              levels: ladder.levels.map((level, i) => {
                const fired = escalations.find((f) => f.step === i + 1);
                return {
                  level: i + 1,
                  name: named(ctx.locale, level),
                  limitMinutes: level.limitMinutes,
                  reachedAt: iso(fired?.firedAt ?? null),
                  late: fired?.late ?? false,
                  manual: fired?.manual ?? false,
                  reason: fired?.reason ?? null,
                  actor: fired?.actorId ? { id: fired.actorId, name: names.get(fired.actorId) ?? '' } : null,
                  skipped: escalations.some((f) => f.skipped.includes(i + 1)),
                  recipients: (fired?.recipients ?? []).map((id) => ({ id, name: names.get(id) ?? '' })),
                };
              }),
            }
          : null,
        warnings: mine
          .filter((f) => f.kind === 'warning')
          .map((f) => ({ percent: f.step, firedAt: f.firedAt.toISOString(), late: f.late })),
      },
    ];
  });
  return { items, waitingOn: computed.facts.ticket.waitingOn };
}

/** Why a clock's due time is what it is: the days, working periods, holidays, make-up days and pauses. */
export async function explainTicketClock(deps: Deps, ctx: Ctx, ticketId: string, clockId: string) {
  const db = deps.database.db;
  await ensureSlaSeeded(deps);
  await requireTicketInScope(db, ctx.actor, ticketId);
  const row = (await repo.ticketClocks(db, ticketId)).find((c) => c.id === clockId);
  if (!row) throw notFound('sla.clock_not_found');
  const facts = await ticketClockFacts(db, ticketId);
  const rules = await loadClockRules(db);
  if (!facts) throw notFound('tickets.not_found');
  const explained = explainClock(
    facts,
    rules.policies,
    { pauseOn: rules.pauseOn },
    calendarLookup(rules.calendars),
    new Date(),
    row,
  );
  if (!explained) throw notFound('sla.clock_not_found');
  const { clock } = explained;
  const calendar = rules.calendars.get(clock.policy.calendarId);
  return {
    metric: clock.metric,
    cycle: clock.cycle,
    state: clock.state,
    startedAt: clock.startedAt.toISOString(),
    dueAt: iso(clock.dueAt),
    targetMinutes: clock.policy.targetMinutes,
    timeBasis: row.timeBasis,
    calendar: calendar
      ? {
          id: clock.policy.calendarId,
          name: named(ctx.locale, calendar),
          timeZone: calendar.compiled.spec.timeZone,
          version: calendar.version,
        }
      : null,
    days: explained.days.map((d) => ({
      ...d,
      periods: d.periods.map((p) => ({ from: p.from.toISOString(), to: p.to.toISOString() })),
    })),
    pauses: explained.pauses.map((p) => ({ ...p, from: p.from.toISOString(), to: iso(p.to) })),
  };
}

/** Clocks looked at by a preview at most, and moved ones listed. */
export const PREVIEW_SCAN = 10_000;
export const PREVIEW_ITEMS = 200;

/**
 * Which open deadlines a calendar draft would move: each open business-time clock on the calendar
 * computed with the saved calendar and with the draft (the same engine), those whose due time
 * differs listed (the first 200) and counted.
 */
export async function previewCalendar(deps: Deps, input: CalendarPreviewInput) {
  const db = deps.database.db;
  await ensureSlaSeeded(deps);
  const now = new Date();
  const rules = await loadClockRules(db);
  const draft = await compileDraftCalendar(db, input.draft);
  const saved = calendarLookup(rules.calendars);
  const withDraft = (id: string): CompiledCalendar => (id === input.calendarId ? draft : saved(id));
  const clocks = await repo.liveClocksOnCalendar(db, input.calendarId, PREVIEW_SCAN);
  const ticketIds = [...new Set(clocks.map((c) => c.ticketId))];
  const moved: { ticketId: string; clock: ComputedClock; after: ComputedClock | undefined }[] = [];
  if (rules.calendars.has(input.calendarId)) {
    for (const ticketId of ticketIds) {
      const facts = await ticketClockFacts(db, ticketId);
      if (!facts) continue;
      const before = clocksWith(rules, facts, now);
      const after = clocksWith(rules, facts, now, withDraft);
      for (const clock of before) {
        if (clock.policy.calendarId !== input.calendarId || clock.policy.timeBasis !== 'business') continue;
        if (clock.stoppedAt || clock.state === 'cancelled') continue;
        const other = after.find((a) => sameClock(a, clock));
        if (iso(clock.dueAt) !== iso(other?.dueAt ?? null)) moved.push({ ticketId, clock, after: other });
      }
    }
  }
  const listed = moved.slice(0, PREVIEW_ITEMS);
  const summaries = new Map(
    (await findTicketSummaries(db, [...new Set(listed.map((m) => m.ticketId))])).map((t) => [t.id, t]),
  );
  return {
    items: listed.map((m) => ({
      ticketId: m.ticketId,
      number: summaries.get(m.ticketId)?.number ?? '',
      subject: summaries.get(m.ticketId)?.subject ?? '',
      metric: m.clock.metric,
      dueBefore: iso(m.clock.dueAt),
      dueAfter: iso(m.after?.dueAt ?? null),
    })),
    total: moved.length,
    scanned: clocks.length,
  };
}
