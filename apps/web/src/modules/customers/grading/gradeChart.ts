/** Grade history → the points of a step line (D at the bottom, A on top). Pure, unit-tested. */
import type { Grade, GradeHistoryEntry } from '../../../api/types';

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

type ChartLabels = { title: string; reasons: Record<string, string>; now: string };

/** The ECharts option of the grade history: a step line over time, A on top. */
export function gradeChartOption(points: GradePoint[], labels: ChartLabels) {
  return {
    grid: { left: 40, right: 24, top: 24, bottom: 32 },
    tooltip: {
      trigger: 'item',
      formatter: (param: { dataIndex: number }) => {
        const point = points[param.dataIndex];
        if (!point) return '';
        const when = point.at.slice(0, 10);
        if (!point.entry) return `${labels.now}: ${point.grade ?? '-'}`;
        const reason = labels.reasons[point.entry.reason ?? ''] ?? point.entry.reason ?? '';
        const score = point.entry.totalScore === null ? '' : ` (${point.entry.totalScore})`;
        return `${when}: ${point.entry.gradeBefore ?? '-'} → ${point.grade ?? '-'}${score}<br/>${reason}`;
      },
    },
    xAxis: { type: 'time' },
    yAxis: {
      type: 'value',
      min: 0,
      max: GRADE_AXIS.length - 1,
      interval: 1,
      axisLabel: { formatter: (value: number) => gradeOfLevel(value) },
    },
    series: [
      {
        name: labels.title,
        type: 'line',
        step: 'end',
        connectNulls: false,
        symbolSize: 8,
        data: points.map((p) => [p.at, p.level]),
        lineStyle: { width: 2, color: '#cf1322' },
        itemStyle: { color: '#cf1322' },
      },
    ],
  };
}
