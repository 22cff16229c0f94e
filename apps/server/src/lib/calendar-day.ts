/** The calendar day (YYYY-MM-DD) of an instant in a time zone (e.g. the business time zone). */
export function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
