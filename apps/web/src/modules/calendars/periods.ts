import type { Period } from './types';

/** Weekdays in the order a Chinese week is shown: Monday first (indices as in `weekly`: 0 = Sunday). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** 540 → "09:00"; 1440 → "24:00". */
export function formatMinute(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** [[540, 720], [810, 1080]] → "09:00-12:00, 13:30-18:00" (empty: ""). */
export function formatPeriods(periods: readonly Period[]): string {
  return periods.map(([from, to]) => `${formatMinute(from)}-${formatMinute(to)}`).join(', ');
}

const PERIOD = /^(\d{1,2}):(\d{2})\s*[-–~至]\s*(\d{1,2}):(\d{2})$/;

/**
 * "09:00-12:00, 13:30-18:00" → periods, sorted; `undefined` when a part is not a period, a period
 * is empty or backwards, or two overlap. Empty text = no working time that day.
 */
export function parsePeriods(text: string): Period[] | undefined {
  const parts = text
    .split(/[,，;；\s]+(?=\d)/)
    .map((part) => part.trim())
    .filter(Boolean);
  const periods: Period[] = [];
  for (const part of parts) {
    const match = PERIOD.exec(part);
    if (!match) return undefined;
    const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
    const from = h1 * 60 + m1;
    const to = h2 * 60 + m2;
    if (m1 > 59 || m2 > 59 || to > 1440 || from >= to) return undefined;
    periods.push([from, to]);
  }
  periods.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < periods.length; i++)
    if ((periods[i] as Period)[0] < (periods[i - 1] as Period)[1]) return undefined;
  return periods;
}

/** Minutes worked in the periods. */
export const periodMinutes = (periods: readonly Period[]) => periods.reduce((sum, [from, to]) => sum + to - from, 0);

/**
 * The working week in a few words: consecutive weekdays (Monday first) with the same periods share
 * a line, e.g. ["Mon–Fri 09:00-18:00", "Sat 09:00-12:00"]; days off are left out.
 */
export function weeklySummary(weekly: readonly (readonly Period[])[], dayName: (weekday: number) => string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 1; i <= WEEK_ORDER.length; i++) {
    const first = weekly[WEEK_ORDER[start] as number] ?? [];
    const current = i < WEEK_ORDER.length ? (weekly[WEEK_ORDER[i] as number] ?? []) : undefined;
    if (current && formatPeriods(current) === formatPeriods(first)) continue;
    if (first.length > 0) {
      const from = dayName(WEEK_ORDER[start] as number);
      const to = dayName(WEEK_ORDER[i - 1] as number);
      lines.push(`${i - 1 > start ? `${from}–${to}` : from} ${formatPeriods(first)}`);
    }
    start = i;
  }
  return lines;
}
