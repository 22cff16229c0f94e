import { SLA_METRICS, type SlaClockState, type SlaMetric } from '../sla.tables.js';
import { type Cycle, cyclesOf } from './clock-cycles.js';
import {
  type CalendarLookup,
  type ClockFacts,
  type ClockPolicy,
  type ClockSettings,
  type ComputedClock,
  clip,
  coalesce,
} from './clock-facts.js';

/**
 * The clock engine (pure, no database): every clock of a ticket computed from its timeline, the
 * policies, the SLA settings and the compiled calendars. The stored clocks (`sla_clocks`) are a
 * cache of this. Because the pauses come from the history at every run, a priority, type or grade
 * change keeps every paused minute (GLPI #15605) and a paused clock has no due time, so it cannot
 * breach (GLPI #24481). Semantics: docs/sla.md and ADR 0009.
 */

export { pauseSpans, resolvePolicy } from './clock-cycles.js';
export type * from './clock-facts.js';

const MINUTE = 60_000;

/** Minutes of a time basis: business minutes of a calendar, or wall-clock minutes. */
export type Basis = { due(start: number, minutes: number): number; elapsed(from: number, to: number): number };

const WALL: Basis = {
  due: (start, minutes) => start + minutes * MINUTE,
  elapsed: (from, to) => (to - from) / MINUTE,
};

export function basisOf(policy: Pick<ClockPolicy, 'timeBasis' | 'calendarId'>, calendars: CalendarLookup): Basis {
  if (policy.timeBasis !== 'business') return WALL;
  const calendar = calendars(policy.calendarId);
  return { due: (s, m) => calendar.due(s, m), elapsed: (f, t) => calendar.elapsed(f, t) };
}

/**
 * The due time of `target` minutes from `start`, the excluded spans not counting: for each span
 * after `cur`, the candidate due is taken when it falls before the span; else the minutes worked
 * up to the span are spent and the count resumes at its end. An open span leaves the clock paused.
 */
export function dueWithPauses(
  basis: Basis,
  start: number,
  target: number,
  excluded: readonly { from: number; to: number }[],
): { due: number | null; remaining: number } {
  let cur = start;
  let remaining = target;
  for (const span of excluded) {
    if (span.to <= cur) continue;
    if (span.from <= cur) {
      if (span.to === Number.POSITIVE_INFINITY) return { due: null, remaining };
      cur = span.to;
      continue;
    }
    const candidate = basis.due(cur, remaining);
    if (candidate <= span.from) return { due: candidate, remaining: 0 };
    remaining -= basis.elapsed(cur, span.from);
    if (span.to === Number.POSITIVE_INFINITY) return { due: null, remaining };
    cur = span.to;
  }
  return { due: basis.due(cur, remaining), remaining: 0 };
}

const at = (ms: number | null) => (ms === null ? null : new Date(ms));

/** A cycle's arithmetic: due, warnings, state, remaining and paused minutes, follow-up. */
function finish(cycle: Cycle, n: number, calendars: CalendarLookup, now: number, cancelled: boolean): ComputedClock {
  const { policy } = cycle;
  const basis = cycle.fixedDue !== undefined ? WALL : basisOf(policy, calendars);
  const end = cycle.stoppedAt ?? Number.POSITIVE_INFINITY;
  const pauses = clip(cycle.pauses, cycle.start, end);
  const stopped = clip(cycle.stopped, cycle.start, end);
  const excluded = coalesce([...pauses, ...stopped]);
  let due: number | null;
  let remaining = 0;
  let warnings: { percent: number; at: Date }[];
  const percents = [...new Set(policy.warnPercents)].filter((p) => p > 0 && p < 100).sort((a, b) => a - b);
  if (cycle.fixedDue !== undefined) {
    due = cycle.fixedDue;
    const span = due - cycle.start;
    warnings = percents.map((p) => ({ percent: p, at: new Date(cycle.start + (span * p) / 100) }));
  } else {
    const result = dueWithPauses(basis, cycle.start, policy.targetMinutes, excluded);
    due = result.due;
    remaining = result.remaining;
    warnings = [];
    for (const p of percents) {
      const w = dueWithPauses(basis, cycle.start, (policy.targetMinutes * p) / 100, excluded).due;
      if (w !== null) warnings.push({ percent: p, at: new Date(w) });
    }
  }
  const horizon = Math.min(end, now);
  const pausedMinutes = clip(pauses, cycle.start, horizon).reduce(
    (sum, s) => sum + basis.elapsed(s.from, Math.min(s.to, horizon)),
    0,
  );
  const openPause = cycle.stoppedAt === null ? pauses.find((s) => s.to === Number.POSITIVE_INFINITY) : undefined;
  let state: SlaClockState;
  if (cancelled) state = 'cancelled';
  else if (due === null) state = 'paused';
  else if (cycle.stoppedAt !== null) state = cycle.stoppedAt <= due ? 'met' : 'breached';
  else state = now >= due ? 'breached' : 'running';
  const remainingMinutes =
    state === 'cancelled'
      ? null
      : due === null
        ? Math.round(remaining)
        : Math.round(basis.elapsed(Math.min(cycle.stoppedAt ?? now, now), due));
  const breachedAt = state === 'breached' && due !== null ? due : null;
  let followUpDueAt: number | null = null;
  if (breachedAt !== null && policy.followUpMinutes)
    followUpDueAt = dueWithPauses(basis, breachedAt, policy.followUpMinutes, excluded).due;
  return {
    metric: cycle.metric,
    cycle: n,
    policy,
    departmentId: cycle.departmentId,
    startedAt: new Date(cycle.start),
    dueAt: at(due),
    state,
    pausedMinutes: Math.round(pausedMinutes),
    pausedSince: openPause && !cancelled ? new Date(openPause.from) : null,
    remainingMinutes,
    stoppedAt: at(cycle.stoppedAt),
    breachedAt: at(breachedAt),
    followUpDueAt: at(followUpDueAt),
    warnings,
    pauses: [...pauses, ...stopped]
      .sort((a, b) => a.from - b.from)
      .map((s) => ({
        from: new Date(s.from),
        to: at(s.to === Number.POSITIVE_INFINITY ? null : s.to),
        reason: s.reason,
      })),
  };
}

/**
 * Every clock of the ticket at `now`, in metric order then cycle. A merged ticket's clocks are
 * cancelled; a metric without a matching policy has no clock.
 */
export function computeClocks(
  facts: ClockFacts,
  policies: readonly ClockPolicy[],
  settings: ClockSettings,
  calendars: CalendarLookup,
  now: Date,
): ComputedClock[] {
  const cancelled = facts.ticket.status === 'merged';
  const cycles = cyclesOf(facts, policies, settings);
  const out: ComputedClock[] = [];
  for (const metric of SLA_METRICS) {
    const mine = cycles.filter((c) => c.metric === metric).sort((a, b) => a.start - b.start);
    mine.forEach((c, i) => {
      out.push(finish(c, i + 1, calendars, now.getTime(), cancelled));
    });
  }
  return out;
}

/** The calendars the policies refer to (to compile before computing). */
export function calendarIdsOf(policies: readonly ClockPolicy[]): string[] {
  return [...new Set(policies.filter((p) => p.isActive).map((p) => p.calendarId))];
}

export type { SlaMetric };
