import type { Actor } from '../../../lib/actor.js';
import { badRequest } from '../../../lib/app-error.js';
import { addDays } from '../../../lib/calendar-day.js';
import type { Deps } from '../../../lib/deps.js';
import { CN_WORKDAYS, type CompiledCalendar, compiledCalendar, seedCalendars } from '../../calendars/index.js';
import { readSettings } from '../stats/settings.repository.js';
import {
  type ErlangCInput,
  ErlangCRangeError,
  type ErlangCResult,
  erlangC,
  erlangCIntervals,
  MAX_AGENTS,
} from './erlang-c.js';
import { dayGroup, forecastSlots, type SlotHistory, sampleDays } from './intraday.forecast.js';
import * as repo from './staffing.repository.js';
import type { ErlangCQuery, Intraday, IntradayQuery } from './staffing.schemas.js';

const HALF_HOUR = 1_800_000;

/** Erlang C; a load needing more than MAX_AGENTS agents is 400 `calls.staffing_too_large`. */
function withinBound<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof ErlangCRangeError) throw badRequest('calls.staffing_too_large', { max: MAX_AGENTS });
    throw error;
  }
}

export function erlangCFor(query: ErlangCQuery): ErlangCResult {
  return withinBound(() => erlangC(query));
}

/** The default business calendar (the built-in official working days), seeded on first use. */
async function businessCalendar(deps: Deps): Promise<CompiledCalendar> {
  const { db } = deps.database;
  try {
    return await compiledCalendar(db, CN_WORKDAYS);
  } catch {
    await seedCalendars(db);
    return compiledCalendar(db, CN_WORKDAYS);
  }
}

/** Hour and minute of an instant in a time zone. */
function wallClock(timeZone: string) {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric' });
  return (t: number) => {
    const parts = format.formatToParts(t);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return { hour: get('hour'), minute: get('minute') };
  };
}

/** The instant a local date begins in `timeZone` (its local midnight). */
function localMidnight(date: string, timeZone: string): number {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const offset = (t: number) => {
    const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - t;
  };
  const local = Date.parse(`${date}T00:00:00Z`);
  const guess = local - offset(local);
  return local - offset(guess);
}

/**
 * The intraday forecast of a day: per half hour, the calls expected (the average of the sample
 * days, intraday.forecast.ts), the AHT to plan with, and the agents Erlang C needs for the
 * service-level target (defaults: the call settings). Counts the inbound calls the reader sees.
 */
export async function intraday(deps: Deps, actor: Actor, query: IntradayQuery): Promise<Intraday> {
  const { db } = deps.database;
  const timeZone = deps.config.timezone;
  const [calendar, settings] = await Promise.all([businessCalendar(deps), readSettings(db)]);
  const kind = calendar.dayKind(query.date);
  const days = sampleDays(query.date, query.weeks, (d) => dayGroup(calendar.dayKind(d).kind));
  const rows = await repo.callsByHalfHour(db, actor, {
    timeZone,
    queue: query.queue,
    windows: days.map((d) => ({
      from: new Date(localMidnight(d, timeZone)),
      to: new Date(localMidnight(addDays(d, 1), timeZone)),
    })),
  });
  const history = new Map<number, SlotHistory>();
  for (const r of rows) {
    const h = history.get(r.slot) ?? { calls: 0, talkSum: 0, talkCount: 0 };
    h.calls += r.calls;
    h.talkSum += r.talkSum;
    h.talkCount += r.talkCount;
    history.set(r.slot, h);
  }

  // The day's half hours by the wall clock (46 or 50 of them on a daylight-saving change).
  const start = localMidnight(query.date, timeZone);
  const end = localMidnight(addDays(query.date, 1), timeZone);
  const clock = wallClock(timeZone);
  const intervals: { start: number; end: number; slot: number }[] = [];
  for (let t = start; t < end; t += HALF_HOUR) {
    const { hour, minute } = clock(t);
    intervals.push({ start: t, end: Math.min(t + HALF_HOUR, end), slot: hour * 2 + Math.floor(minute / 30) });
  }
  const bySlot = forecastSlots(48, days.length, history, {
    argument: query.ahtSeconds,
    fallback: (settings.ahtMinSeconds + settings.ahtMaxSeconds) / 2,
  });
  const targetAnswerSeconds = query.targetAnswerSeconds ?? settings.serviceLevelSeconds;
  const targetServiceLevel = Math.min(0.999, query.targetServiceLevel ?? settings.serviceLevelTarget);
  const shrinkage = query.shrinkage ?? 0;
  const plans = intervals.map((i) => bySlot[i.slot] ?? { calls: 0, ahtSeconds: 1, ahtSource: 'settings' as const });
  const inputs: ErlangCInput[] = intervals.map((i, k) => ({
    calls: plans[k]?.calls ?? 0,
    intervalSeconds: (i.end - i.start) / 1000,
    ahtSeconds: Math.max(1, plans[k]?.ahtSeconds ?? 1),
    targetAnswerSeconds,
    targetServiceLevel,
    shrinkage,
  }));
  const results = withinBound(() => erlangCIntervals(inputs));
  const out = intervals.map((i, k) => {
    const plan = plans[k];
    const r = results[k] as ErlangCResult;
    return {
      start: new Date(i.start).toISOString(),
      end: new Date(i.end).toISOString(),
      forecastCalls: Math.round((plan?.calls ?? 0) * 100) / 100,
      ahtSeconds: Math.round((inputs[k]?.ahtSeconds ?? 0) * 10) / 10,
      ahtSource: plan?.ahtSource ?? 'settings',
      trafficErlangs: r.trafficErlangs,
      agentsNeeded: r.agents,
      scheduledAgents: r.scheduledAgents,
      serviceLevel: r.serviceLevel,
      asaSeconds: r.asaSeconds,
      plannedAgents: null,
    };
  });
  return {
    date: query.date,
    dayKind: kind.kind,
    dayName: kind.name ?? null,
    timeZone,
    queue: query.queue ?? null,
    weeks: query.weeks,
    sampleDays: days,
    targetAnswerSeconds,
    targetServiceLevel,
    shrinkage,
    forecastCalls: Math.round(intervals.reduce((sum, _, k) => sum + (plans[k]?.calls ?? 0), 0) * 100) / 100,
    intervals: out,
  };
}
