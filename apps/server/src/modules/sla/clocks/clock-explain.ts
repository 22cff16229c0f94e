import type { CompiledCalendar } from '../../calendars/index.js';
import type { SlaMetric } from '../sla.tables.js';
import { basisOf, computeClocks } from './clock-engine.js';
import {
  type CalendarLookup,
  type ClockFacts,
  type ClockPolicy,
  type ClockSettings,
  type ComputedClock,
  coalesce,
  type PauseReason,
  type Span,
} from './clock-facts.js';

export type ExplainDayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday' | 'calendar_off' | 'calendar_work';

export type ExplainDay = {
  date: string;
  kind: ExplainDayKind;
  name: string | null;
  /** The working time that counted that day (pauses taken out). */
  periods: { from: Date; to: Date }[];
  minutes: number;
};

export type ClockExplanation = {
  clock: ComputedClock;
  days: ExplainDay[];
  pauses: { from: Date; to: Date | null; reason: PauseReason; minutes: number }[];
};

/** Days listed at most (a clock paused for months still explains its first year). */
const MAX_DAYS = 400;
const MINUTE = 60_000;

function dayKindOf(calendar: CompiledCalendar, date: string): { kind: ExplainDayKind; name: string | null } {
  const day = calendar.dayKind(date);
  const name = day.name ? day.name : null;
  switch (day.kind) {
    case 'holiday':
      return { kind: day.source === 'calendar' ? 'calendar_off' : 'holiday', name };
    case 'makeup':
      return { kind: day.source === 'calendar' ? 'calendar_work' : 'makeup_workday', name };
    default:
      return { kind: day.kind, name: null };
  }
}

/** [from, to) minus the excluded spans. */
function subtract(from: number, to: number, excluded: readonly Span[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let cur = from;
  for (const s of excluded) {
    if (s.to <= cur || s.from >= to) continue;
    if (s.from > cur) out.push({ from: cur, to: Math.min(s.from, to) });
    cur = Math.max(cur, s.to);
    if (cur >= to) break;
  }
  if (cur < to) out.push({ from: cur, to });
  return out;
}

/**
 * Why a clock's due time is what it is: per local day of its calendar from the start to the due
 * time (or now, while paused), what kind of day it was (workday, weekend, official holiday or
 * make-up working day 调休 with its name, or the calendar's own day off / working day), which
 * working periods counted and how many minutes; and the pauses, with their minutes. For a
 * calendar-time clock every minute counts; its days are still listed with their kind.
 */
export function explainClock(
  facts: ClockFacts,
  policies: readonly ClockPolicy[],
  settings: ClockSettings,
  calendars: CalendarLookup,
  now: Date,
  which: { metric: SlaMetric; cycle: number },
): ClockExplanation | null {
  const clock = computeClocks(facts, policies, settings, calendars, now).find(
    (c) => c.metric === which.metric && c.cycle === which.cycle,
  );
  if (!clock) return null;
  let calendar: CompiledCalendar | null = null;
  try {
    calendar = calendars(clock.policy.calendarId);
  } catch {
    // A calendar-time clock whose calendar is gone: no days to name, the pauses still explain it.
  }
  const business = clock.policy.timeBasis === 'business' && clock.metric !== 'promised_reply';
  const basis = business ? basisOf(clock.policy, calendars) : null;
  const start = clock.startedAt.getTime();
  const end = (clock.dueAt ?? (clock.stoppedAt && clock.stoppedAt < now ? clock.stoppedAt : now)).getTime();
  const excluded = coalesce(
    clock.pauses.map((p) => ({
      from: p.from.getTime(),
      to: p.to?.getTime() ?? Number.POSITIVE_INFINITY,
      reason: p.reason,
    })),
  );
  const days: ExplainDay[] = [];
  let date = calendar?.localDate(start) ?? '';
  for (let i = 0; calendar && i < MAX_DAYS; i += 1) {
    const dayStart = calendar.dayStart(date);
    if (dayStart >= end) break;
    const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const dayEnd = calendar.dayStart(next);
    const from = Math.max(start, dayStart);
    const to = Math.min(end, dayEnd);
    const working =
      from >= to
        ? []
        : business
          ? calendar.periodsBetween(from, to).map((p) => ({ from: p.start, to: p.end }))
          : [{ from, to }];
    const periods = working.flatMap((p) => subtract(p.from, p.to, excluded));
    const minutes = periods.reduce((sum, p) => sum + (p.to - p.from) / MINUTE, 0);
    days.push({
      date,
      ...dayKindOf(calendar, date),
      periods: periods.map((p) => ({ from: new Date(p.from), to: new Date(p.to) })),
      minutes: Math.round(minutes),
    });
    date = next;
  }
  const horizon = now.getTime();
  const pauses = clock.pauses.map((p) => {
    const to = Math.min(p.to?.getTime() ?? horizon, horizon);
    const minutes = basis ? basis.elapsed(p.from.getTime(), to) : (to - p.from.getTime()) / MINUTE;
    return { ...p, minutes: Math.max(0, Math.round(minutes)) };
  });
  return { clock, days, pauses };
}
