import { addDays, bucketStart, monthStart } from '../../../lib/calendar-day.js';
import type { IntakeGranularity } from './intake.repository.js';

const DAY = 86_400_000;
const parse = (date: string) => new Date(`${date}T00:00:00Z`);

const isMonthStart = (date: string) => date.endsWith('-01');
const isMonthEnd = (date: string) => isMonthStart(addDays(date, 1));

function monthsBetween(from: string, to: string): number {
  const a = parse(from);
  const b = parse(addDays(to, 1));
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
}

/**
 * The period just before [from, to] (both inclusive): whole calendar months give as many whole
 * months before (March → February, Q2 → Q1); any other period the same number of days before.
 */
export function previousPeriodOf(from: string, to: string): { from: string; to: string } {
  if (isMonthStart(from) && isMonthEnd(to)) {
    return { from: monthStart(from, -monthsBetween(from, to)), to: addDays(from, -1) };
  }
  const days = Math.round((parse(to).getTime() - parse(from).getTime()) / DAY) + 1;
  return { from: addDays(from, -days), to: addDays(from, -1) };
}

/** The trend's default bucket size: days up to 62 days, ISO weeks up to 366, months beyond. */
export function defaultGranularity(from: string, to: string): IntakeGranularity {
  const days = Math.round((parse(to).getTime() - parse(from).getTime()) / DAY) + 1;
  return days <= 62 ? 'day' : days <= 366 ? 'week' : 'month';
}

/** Every bucket of [from, to], named by its first day; the first one clipped to `from`. */
export function bucketsOf(from: string, to: string, granularity: IntakeGranularity): string[] {
  const out: string[] = [];
  let start = bucketStart(from, granularity);
  while (start <= to) {
    out.push(start < from ? from : start);
    start =
      granularity === 'day' ? addDays(start, 1) : granularity === 'week' ? addDays(start, 7) : monthStart(start, 1);
  }
  return out;
}
