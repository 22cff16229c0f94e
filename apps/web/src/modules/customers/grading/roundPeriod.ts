export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4; start: string; end: string };

/** The calendar quarter `offset` quarters from the one of `today` (-1: the previous one). Pure. */
export function quarterOf(today: Date, offset = 0): Quarter {
  const index = today.getFullYear() * 4 + Math.floor(today.getMonth() / 3) + offset;
  const year = Math.floor(index / 4);
  const quarter = index - year * 4;
  const pad = (n: number) => String(n).padStart(2, '0');
  const startMonth = quarter * 3 + 1;
  const endDay = new Date(year, startMonth + 2, 0).getDate();
  return {
    year,
    quarter: (quarter + 1) as 1 | 2 | 3 | 4,
    start: `${year}-${pad(startMonth)}-01`,
    end: `${year}-${pad(startMonth + 2)}-${pad(endDay)}`,
  };
}

export const previousQuarter = (today: Date) => quarterOf(today, -1);

/**
 * The period a new round most likely covers: the quarter that just ended, unless it already has a
 * round (then the current one).
 */
export function suggestedQuarter(today: Date, takenStarts: string[]): Quarter {
  const previous = previousQuarter(today);
  return takenStarts.includes(previous.start) ? quarterOf(today, 0) : previous;
}

/** Evaluated vs total as a whole percentage (0 when there is nothing to evaluate). */
export const percent = (done: number, total: number) =>
  total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
