import type { CalendarOwnDay, Period, YearDay } from './types';

/**
 * What a day is in a calendar, as the year view marks it (the same words as the SLA explain view):
 * a working or weekend day of the week, an official holiday or make-up working day (调休上班), or a
 * day the calendar sets itself.
 */
export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'makeup_workday', 'calendar_off', 'calendar_work'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export type DayCell = {
  date: string;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  kind: DayKind;
  name: string | null;
  /** The override that makes it so (official or the calendar's own), if any. */
  override: YearDay | null;
};

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month + 1)}-${pad(day)}`;

/** The weekday of a calendar date (0 = Sunday), independent of the browser's time zone. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function classifyDay(weekly: readonly (readonly Period[])[], date: string, override?: YearDay | null): DayKind {
  if (override) {
    if (override.source === 'calendar') return override.kind === 'off' ? 'calendar_off' : 'calendar_work';
    return override.kind === 'off' ? 'holiday' : 'makeup_workday';
  }
  return (weekly[weekdayOf(date)] ?? []).length > 0 ? 'workday' : 'weekend';
}

/** The year's overrides with the draft's own days on top (a day the draft drops falls back to the official one). */
export function withOwnDays(official: readonly YearDay[], ownDays: readonly CalendarOwnDay[]): Map<string, YearDay> {
  const byDate = new Map<string, YearDay>();
  for (const day of official) if (day.source === 'official') byDate.set(day.date, day);
  for (const day of ownDays) byDate.set(day.date, { ...day, source: 'calendar' });
  return byDate;
}

/**
 * One month as weeks (Monday first) of day cells; `null` pads the first and last week.
 * `month` is 0-based.
 */
export function monthWeeks(
  year: number,
  month: number,
  weekly: readonly (readonly Period[])[],
  overrides: ReadonlyMap<string, YearDay>,
): (DayCell | null)[][] {
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells: (DayCell | null)[] = [];
  const firstWeekday = new Date(Date.UTC(year, month, 1)).getUTCDay();
  for (let i = 0; i < (firstWeekday + 6) % 7; i++) cells.push(null);
  for (let day = 1; day <= days; day++) {
    const date = isoDate(year, month, day);
    const override = overrides.get(date) ?? null;
    cells.push({
      date,
      day,
      weekday: weekdayOf(date),
      kind: classifyDay(weekly, date, override),
      name: override?.name || null,
      override,
    });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (DayCell | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** How many days of each kind the year has (for the legend). */
export function countKinds(
  year: number,
  weekly: readonly (readonly Period[])[],
  overrides: ReadonlyMap<string, YearDay>,
): Record<DayKind, number> {
  const counts = Object.fromEntries(DAY_KINDS.map((k) => [k, 0])) as Record<DayKind, number>;
  for (let month = 0; month < 12; month++)
    for (const week of monthWeeks(year, month, weekly, overrides))
      for (const cell of week) if (cell) counts[cell.kind] += 1;
  return counts;
}
