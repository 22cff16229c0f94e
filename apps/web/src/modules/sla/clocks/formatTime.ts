/** Instants and dates in the reader's language (Intl), so "周二" / "Tue" tells a weekend at a glance. */

/** A due time with its weekday, in the browser's time zone: "2026年12月8日周二 14:00" / "Tue, Dec 8, 2026, 14:00". */
export function formatInstant(iso: string | null | undefined, locale: string, timeZone?: string): string {
  if (!iso) return '-';
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** The time of day of an instant in the calendar's time zone ("09:00"). */
export function formatTimeOfDay(iso: string, locale: string, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

/** A calendar date (`2026-10-10`) with its weekday, independent of the browser's time zone. */
export function formatDay(date: string, locale: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}
