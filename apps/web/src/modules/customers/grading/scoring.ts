/**
 * The weighted grade evaluation as the server computes it (grading.scoring.ts), for the live
 * preview in the forms: Σ score × weight / 100 over the active criteria, then the highest band
 * the total reaches. Pure, unit-tested.
 */
import type { Grade } from '../../../api/types';

export type WeightedCriterion = { key: string; weight: number; isActive: boolean };
export type Band = { grade: Grade; minScore: number };

export function weightSum(criteria: Pick<WeightedCriterion, 'weight' | 'isActive'>[]): number {
  return criteria.filter((c) => c.isActive).reduce((sum, c) => sum + (Number.isFinite(c.weight) ? c.weight : 0), 0);
}

/** `null` until every active criterion has a score. */
export function totalScore(
  criteria: WeightedCriterion[],
  scores: Record<string, number | null | undefined>,
): number | null {
  const active = criteria.filter((c) => c.isActive);
  if (active.length === 0 || active.some((c) => typeof scores[c.key] !== 'number')) return null;
  const weighted = active.reduce((sum, c) => sum + (scores[c.key] as number) * c.weight, 0);
  return Math.round(weighted) / 100;
}

export function gradeFor(total: number, bands: Band[]): Grade | null {
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore);
  return sorted.find((b) => total >= b.minScore)?.grade ?? sorted.at(-1)?.grade ?? null;
}

/** Bands must descend strictly A > B > C > D ≥ 0 (the server refuses anything else). */
export function bandsValid(bands: Band[]): boolean {
  const order: Grade[] = ['A', 'B', 'C', 'D'];
  const scores = order.map((g) => bands.find((b) => b.grade === g)?.minScore);
  return scores.every(
    (s, i) => typeof s === 'number' && s >= 0 && s <= 100 && (i === 0 || s < (scores[i - 1] as number)),
  );
}
