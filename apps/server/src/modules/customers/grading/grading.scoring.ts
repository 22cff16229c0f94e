import { AppError } from '../../../lib/app-error.js';
import { dayIn } from '../../../lib/calendar-day.js';
import { GRADES, type Grade } from '../customers.tables.js';

/** Pure rules of the grade evaluation: weights, bands, the weighted total, evaluation periods. */

export type Criterion = { key: string; weight: number; isActive: boolean };
export type Band = { grade: Grade; minScore: number };

/** The active weights must add up to exactly 100, so that a total is on the same 0–100 scale as a score. */
export function assertWeights(criteria: Criterion[]): void {
  const sum = criteria.filter((c) => c.isActive).reduce((s, c) => s + c.weight, 0);
  if (sum !== 100) {
    throw new AppError('customers.criteria_weights_sum', 400, {
      params: { sum },
      fields: [{ path: 'items', message: `active weights sum to ${sum}, not 100` }],
    });
  }
}

/** One band per grade, thresholds strictly descending: A > B > C > D ≥ 0. */
export function assertBands(bands: Band[]): void {
  const byGrade = new Map(bands.map((b) => [b.grade, b.minScore]));
  const ordered = GRADES.map((g) => byGrade.get(g));
  const ok =
    bands.length === GRADES.length &&
    ordered.every((m, i) => m !== undefined && m >= 0 && m <= 100 && (i === 0 || m < (ordered[i - 1] as number)));
  if (!ok)
    throw new AppError('customers.grade_bands_order', 400, {
      fields: [{ path: 'items', message: 'A > B > C > D ≥ 0, one per grade' }],
    });
}

/** Every active criterion scored, nothing else: otherwise a 400 naming what is missing or unknown. */
export function assertScores(criteria: Criterion[], scores: Record<string, number>): void {
  const active = criteria.filter((c) => c.isActive).map((c) => c.key);
  const missing = active.filter((k) => scores[k] === undefined);
  const unknown = Object.keys(scores).filter((k) => !active.includes(k));
  if (missing.length > 0 || unknown.length > 0) {
    throw new AppError('customers.evaluation_scores_invalid', 400, {
      params: { missing: missing.join(', ') || '-', unknown: unknown.join(', ') || '-' },
      fields: [...missing, ...unknown].map((k) => ({
        path: `scores.${k}`,
        message: missing.includes(k) ? 'required' : 'unknown criterion',
      })),
    });
  }
}

/** Σ score × weight / 100 over the active criteria, to two decimals (e.g. 90/80/70/100 at 40/20/20/20 → 86). */
export function totalScore(criteria: Criterion[], scores: Record<string, number>): number {
  const weighted = criteria.filter((c) => c.isActive).reduce((s, c) => s + (scores[c.key] ?? 0) * c.weight, 0);
  return Math.round(weighted) / 100;
}

/** The highest grade whose threshold the total reaches; the lowest grade catches everything below. */
export function gradeFor(total: number, bands: Band[]): Grade {
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore);
  return sorted.find((b) => total >= b.minScore)?.grade ?? sorted.at(-1)?.grade ?? 'D';
}

/** Today's date (YYYY-MM-DD) in the business time zone. */
export function localDate(at: Date, timeZone: string): string {
  return dayIn(at, timeZone);
}

const QUARTER_NAMES = ['一', '二', '三', '四'];

/** The calendar quarter that ended before the quarter of `date` (YYYY-MM-DD), with the round's name. */
export function quarterBefore(date: string): { name: string; periodStart: string; periodEnd: string } {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const current = Math.floor((m - 1) / 3);
  const quarter = current === 0 ? 3 : current - 1;
  const year = current === 0 ? y - 1 : y;
  const startMonth = quarter * 3 + 1;
  const endDay = new Date(Date.UTC(year, startMonth + 2, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    name: `${year}年第${QUARTER_NAMES[quarter]}季度客户等级评定`,
    periodStart: `${year}-${pad(startMonth)}-01`,
    periodEnd: `${year}-${pad(startMonth + 2)}-${pad(endDay)}`,
  };
}
