import { addDays } from '../../../lib/calendar-day.js';
import type { CompiledCalendar } from '../../calendars/index.js';
import { quietUntil } from '../../notifications/index.js';
import type { QuietWindow } from '../callbacks.tables.js';

/**
 * Scheduling rules of callbacks (docs/callbacks.md, "Scheduling"): pure date arithmetic over a
 * compiled business calendar, and the quiet windows (the notifications module's `quietUntil`,
 * the one reading of "quiet hours" in the product).
 */

export function isWorkingDay(calendar: CompiledCalendar, date: string): boolean {
  const { kind } = calendar.dayKind(date);
  return kind === 'workday' || kind === 'makeup';
}

/**
 * The date `offset` days after `anchor`: calendar days, or working days of the business calendar
 * (holidays off, 调休 make-up Saturdays/Sundays working). Working offset 0 is the anchor when it is
 * a working day, else the next working day; a negative offset counts back.
 */
export function offsetDate(calendar: CompiledCalendar, anchor: string, offset: number, kind: 'calendar' | 'working') {
  if (kind === 'calendar') return addDays(anchor, offset);
  const step = offset < 0 ? -1 : 1;
  let date = anchor;
  if (offset === 0) {
    for (let guard = 0; !isWorkingDay(calendar, date) && guard < 3660; guard += 1) date = addDays(date, 1);
    return date;
  }
  for (let left = Math.abs(offset), guard = 0; left > 0 && guard < 36600; guard += 1) {
    date = addDays(date, step);
    if (isWorkingDay(calendar, date)) left -= 1;
  }
  return date;
}

/** The notifications module's shape of a quiet period. */
export function quietPeriods(windows: readonly QuietWindow[]) {
  return windows.map((w) => ({ from: w.start, to: w.end }));
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatOf(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The instant `date` 00:00 begins in `timeZone`. */
function localMidnight(date: string, timeZone: string): Date {
  const utc = Date.parse(`${date}T00:00:00Z`);
  const offsetAt = (t: number) => {
    const parts = formatOf(timeZone).formatToParts(new Date(t));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - t;
  };
  const guess = utc - offsetAt(utc);
  return new Date(utc - offsetAt(guess));
}

/**
 * The first moment of `date` (local, `timeZone`) outside every quiet window: with the defaults
 * (12:00–14:00, 21:00–09:00) 09:00. A date wholly quiet (windows covering 24 h) gives its midnight
 * followed to the end of the windows, which may be the next day: the callback is never placed
 * inside a window.
 */
export function firstAllowedMoment(date: string, windows: readonly QuietWindow[], timeZone: string): Date {
  const midnight = localMidnight(date, timeZone);
  return quietUntil(midnight, quietPeriods(windows), timeZone) ?? midnight;
}

/** Minutes after local midnight of the first allowed moment (the same every day: windows are daily). */
export function firstAllowedMinutes(windows: readonly QuietWindow[], timeZone: string, date = '2026-01-05'): number {
  const midnight = localMidnight(date, timeZone);
  return Math.round((firstAllowedMoment(date, windows, timeZone).getTime() - midnight.getTime()) / 60_000);
}

/** Whether an instant lies inside a quiet window (for the tests and the work list). */
export function isQuiet(at: Date, windows: readonly QuietWindow[], timeZone: string): boolean {
  return quietUntil(at, quietPeriods(windows), timeZone) !== null;
}

/**
 * The deadline clock: the end (local midnight after) of the `workingDays`-th working day counted
 * from the due date itself (due date = day 1 when it is a working day).
 */
export function deadlineDate(calendar: CompiledCalendar, dueDate: string, workingDays: number): string {
  let date = dueDate;
  let counted = isWorkingDay(calendar, date) ? 1 : 0;
  for (let guard = 0; counted < workingDays && guard < 3660; guard += 1) {
    date = addDays(date, 1);
    if (isWorkingDay(calendar, date)) counted += 1;
  }
  return date;
}

export function endOfLocalDay(date: string, timeZone: string): Date {
  return localMidnight(addDays(date, 1), timeZone);
}
