import { describe, expect, it } from 'vitest';
import type { IntakeReport } from './intakeApi';
import { delta, intakeGroupsOption, intakeTrendOption, isEmptyIntake } from './intakeCharts';

const zero = { received: 0, closed: 0, open: 0, overdue: 0, major: 0 };
const report: IntakeReport = {
  period: { from: '2025-03-01', to: '2025-03-31' },
  previousPeriod: { from: '2025-02-01', to: '2025-02-28' },
  groupBy: 'type',
  granularity: 'day',
  totals: { received: 4, closed: 2, open: 2, overdue: 2, major: 2 },
  previousTotals: zero,
  groups: [
    { key: 'complaint', name: '投诉', received: 2, closed: 2, open: 1, overdue: 1, major: 1 },
    { key: 'service', name: '服务投诉', received: 2, closed: 0, open: 1, overdue: 1, major: 1 },
  ],
  trend: [
    { bucket: '2025-03-01', received: 1, closed: 0 },
    { bucket: '2025-03-02', received: 3, closed: 2 },
  ],
};
const labels = { received: '受理', closed: '办结', open: '未结', overdue: '超时', major: '重大' };

describe('intake report charts', () => {
  it('signs the change against the previous period', () => {
    expect([delta(5, 2), delta(2, 5), delta(3, 3)]).toEqual(['+3', '-3', '0']);
  });

  it('draws received and closed per bucket, and each group’s five figures', () => {
    const trend = intakeTrendOption(report.trend, labels);
    expect(trend.xAxis.data).toEqual(['03-01', '03-02']);
    expect(trend.series.map((s) => [s.name, s.data])).toEqual([
      ['受理', [1, 3]],
      ['办结', [0, 2]],
    ]);
    const groups = intakeGroupsOption(report.groups, labels);
    expect(groups.xAxis.data).toEqual(['投诉', '服务投诉']);
    expect(groups.series.map((s) => s.data)).toEqual([
      [2, 2],
      [2, 0],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it('is empty when nothing came in or was closed in either period', () => {
    expect(isEmptyIntake(report)).toBe(false);
    expect(isEmptyIntake({ ...report, totals: { ...zero, open: 1 } })).toBe(true);
  });
});
