/** Report periods: quick ranges and the query. Dates are calendar days (YYYY-MM-DD). Pure, unit-tested. */
import dayjs, { type Dayjs } from 'dayjs';
import type { RootCauseReportQuery } from './reportTypes';

export type Period = { from: string; to: string };
export const PERIOD_PRESETS = [
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'thisYear',
  'last30Days',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const DATE = 'YYYY-MM-DD';
const day = (value: Dayjs) => value.format(DATE);

/** The first day of the quarter `value` falls in (dayjs has no quarter unit without a plugin). */
function quarterStart(value: Dayjs): Dayjs {
  return value.startOf('month').month(Math.floor(value.month() / 3) * 3);
}

/**
 * A whole calendar month: `offset` 0 this month (1st to last day), -1 the previous calendar month
 * ("last month": in March, 1–28/29 February, never "the last 30 days").
 */
export function monthPeriod(offset: number, today: Dayjs = dayjs()): Period {
  const month = today.startOf('month').add(offset, 'month');
  return { from: day(month), to: day(month.endOf('month')) };
}

/** A quick range relative to `today` (the current month, quarter and year run up to today). */
export function presetPeriod(preset: PeriodPreset, today: Dayjs = dayjs()): Period {
  const now = today.startOf('day');
  switch (preset) {
    case 'thisMonth':
      return { from: day(now.startOf('month')), to: day(now) };
    case 'lastMonth':
      return monthPeriod(-1, now);
    case 'thisQuarter':
      return { from: day(quarterStart(now)), to: day(now) };
    case 'lastQuarter': {
      const start = quarterStart(now).subtract(3, 'month');
      return { from: day(start), to: day(start.add(2, 'month').endOf('month')) };
    }
    case 'thisYear':
      return { from: day(now.startOf('year')), to: day(now) };
    case 'last30Days':
      return { from: day(now.subtract(29, 'day')), to: day(now) };
    default: {
      const unreachable: never = preset;
      throw new Error(`unknown preset ${String(unreachable)}`);
    }
  }
}

/** The report's query: the period and, when chosen, the department (with those below it). */
export function toReportQuery(period: Period, departmentId?: string | null): RootCauseReportQuery {
  return departmentId ? { ...period, departmentId } : { ...period };
}

/** The period's length in days (inclusive); the previous period the server compares has the same. */
export function periodDays(period: Period): number {
  return dayjs(period.to).diff(dayjs(period.from), 'day') + 1;
}
