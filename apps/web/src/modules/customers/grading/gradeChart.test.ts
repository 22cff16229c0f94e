import { describe, expect, it } from 'vitest';
import type { GradeHistoryEntry } from '../../../api/types';
import { gradeChartOption, gradeOfLevel, gradeSeries } from './gradeChart';

const entry = (
  changedAt: string,
  gradeBefore: GradeHistoryEntry['gradeBefore'],
  gradeAfter: GradeHistoryEntry['gradeAfter'],
) =>
  ({
    id: changedAt,
    gradeBefore,
    gradeAfter,
    reason: 'evaluation',
    evaluationId: null,
    totalScore: null,
    roundId: null,
    roundName: null,
    changedBy: null,
    changedByName: null,
    changedAt,
  }) satisfies GradeHistoryEntry;

describe('gradeSeries', () => {
  it('orders changes and carries the last grade to now', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const points = gradeSeries(
      [entry('2026-03-01T00:00:00.000Z', 'C', 'A'), entry('2026-01-01T00:00:00.000Z', null, 'C')],
      now,
    );
    expect(points.map((p) => [p.at, p.grade, p.level])).toEqual([
      ['2026-01-01T00:00:00.000Z', 'C', 1],
      ['2026-03-01T00:00:00.000Z', 'A', 3],
      ['2026-06-01T00:00:00.000Z', 'A', 3],
    ]);
    expect(points.at(-1)?.entry).toBeNull();
  });

  it('leaves a gap for "no grade" and is empty without history', () => {
    const points = gradeSeries([entry('2026-01-01T00:00:00.000Z', 'B', null)], new Date('2026-01-01T00:00:00Z'));
    expect(points).toHaveLength(1);
    expect(points[0]?.level).toBeNull();
    expect(gradeSeries([])).toEqual([]);
  });

  it('labels levels', () => {
    expect(gradeOfLevel(0)).toBe('D');
    expect(gradeOfLevel(3)).toBe('A');
    expect(gradeOfLevel(7)).toBe('');
  });
});

describe('gradeChartOption', () => {
  it('draws a step line with A on top and explains each point', () => {
    const points = gradeSeries(
      [
        { ...entry('2026-01-01T00:00:00.000Z', null, 'C'), reason: 'initial' },
        { ...entry('2026-03-01T00:00:00.000Z', 'C', 'A'), totalScore: 88 },
      ],
      new Date('2026-04-01T00:00:00Z'),
    );
    const option = gradeChartOption(points, {
      title: '等级',
      reasons: { initial: '建档', evaluation: '评定' },
      now: '当前',
    });
    const series = option.series[0];
    expect(series?.step).toBe('end');
    expect(series?.data).toEqual([
      ['2026-01-01T00:00:00.000Z', 1],
      ['2026-03-01T00:00:00.000Z', 3],
      ['2026-04-01T00:00:00.000Z', 3],
    ]);
    expect(option.yAxis.axisLabel.formatter(3)).toBe('A');
    expect(option.tooltip.formatter({ dataIndex: 1 })).toBe('2026-03-01: C → A (88)<br/>评定');
    expect(option.tooltip.formatter({ dataIndex: 0 })).toBe('2026-01-01: - → C<br/>建档');
    expect(option.tooltip.formatter({ dataIndex: 2 })).toBe('当前: A');
  });
});
