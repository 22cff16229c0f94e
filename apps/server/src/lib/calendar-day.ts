/** The calendar day (YYYY-MM-DD) of an instant in a time zone (e.g. the business time zone). */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/* Arithmetic on calendar dates (YYYY-MM-DD), done in UTC so that no time zone shifts a day. */
const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (date: string) => new Date(`${date}T00:00:00Z`);

export const addDays = (date: string, days: number) => iso(new Date(parse(date).getTime() + days * DAY_MS));

/** The first day of the month `offset` months from `date`'s. */
export function monthStart(date: string, offset = 0): string {
  const d = parse(date);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)));
}

/** The calendar month of `date` (first and last day). */
export function monthOf(date: string): { from: string; to: string } {
  return { from: monthStart(date), to: addDays(monthStart(date, 1), -1) };
}

/** The first day of the day / ISO week (Monday) / month holding `date`. */
export function bucketStart(date: string, bucket: 'day' | 'week' | 'month'): string {
  if (bucket === 'day') return date;
  if (bucket === 'month') return monthStart(date);
  const weekday = (parse(date).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}
