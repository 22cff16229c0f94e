/** Grade history → the points of a step line (D at the bottom, A on top). Pure, unit-tested. */
import type { Grade, GradeHistoryEntry } from '../../api/types';

export const GRADE_AXIS: Grade[] = ['D', 'C', 'B', 'A'];

export type GradePoint = { at: string; level: number | null; grade: Grade | null; entry: GradeHistoryEntry | null };

/**
 * One point per change (oldest first), plus one at `now` carrying the current grade forward so the
 * last step reaches today. A change to "no grade" is a gap (null), not a drop to D.
 */
export function gradeSeries(history: GradeHistoryEntry[], now: Date = new Date()): GradePoint[] {
  const sorted = [...history].sort((a, b) => Date.parse(a.changedAt) - Date.parse(b.changedAt));
  const points: GradePoint[] = sorted.map((entry) => ({
    at: entry.changedAt,
    grade: entry.gradeAfter,
    level: entry.gradeAfter ? GRADE_AXIS.indexOf(entry.gradeAfter) : null,
    entry,
  }));
  const last = points.at(-1);
  if (last && Date.parse(last.at) < now.getTime()) {
    points.push({ at: now.toISOString(), grade: last.grade, level: last.level, entry: null });
  }
  return points;
}

/** The y-axis label of a level (0 = D … 3 = A). */
export const gradeOfLevel = (level: number): Grade | '' => GRADE_AXIS[level] ?? '';
