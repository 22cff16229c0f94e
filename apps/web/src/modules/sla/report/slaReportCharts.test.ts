import { describe, expect, it } from 'vitest';
import type { SlaMetricFigures, SlaReportRow, SlaTrend } from './reportTypes';
import {
  bucketLabel,
  compareRate,
  defaultInterval,
  escalationsText,
  formatRate,
  metricBarOption,
  shownMetrics,
  trendOption,
  weightsText,
} from './slaReportCharts';

const none: SlaMetricFigures = { total: 0, met: 0, breached: 0, open: 0, rate: null };
const metrics = { first_response: none, next_reply: none, resolution: none, promised_reply: none, team_handling: none };
const totals = (m: Partial<SlaReportRow['metrics']> = {}, slaRate: number | null = null): SlaReportRow => ({
  key: 'total',
  label: 'Total',
  metrics: { ...metrics, ...m },
  pausedMinutes: 0,
  escalationsByLevel: {},
  lateFirings: 0,
  slaRate,
});
const weights = { first_response: 30, next_reply: 0, resolution: 40, promised_reply: 30, team_handling: 0 };
const labels = {
  first_response: '首次响应',
  next_reply: '下次回复',
  resolution: '解决',
  promised_reply: '承诺回复',
  team_handling: '部门处理',
};

describe('SLA report figures and charts', () => {
  it('formats rates and orders rows worst first, rows without a rate last', () => {
    expect(formatRate(0.725)).toBe('72.5%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
    const rows = [totals({}, null), totals({}, 0.9), totals({}, 0.4286)];
    expect(rows.sort(compareRate).map((r) => r.slaRate)).toEqual([0.4286, 0.9, null]);
  });

  it('shows the weighted metrics and any other with clocks; lists the weights', () => {
    const withNextReply = totals({ next_reply: { ...none, open: 2 } });
    expect(shownMetrics(weights, withNextReply)).toEqual([
      'first_response',
      'next_reply',
      'resolution',
      'promised_reply',
    ]);
    expect(weightsText(weights, labels)).toBe('首次响应 30% · 解决 40% · 承诺回复 30%');
    expect(escalationsText({ '2': 1, '1': 3, '3': 0 }, (l) => `L${l}`)).toBe('L1 ×3 · L2 ×1');
  });

  it('draws one bar per metric in % and the trend with the SLA rate first', () => {
    const bar = metricBarOption(
      totals({ first_response: { total: 4, met: 3, breached: 1, open: 0, rate: 0.75 } }),
      ['first_response', 'resolution'],
      labels,
    );
    expect(bar.xAxis.data).toEqual(['首次响应', '解决']);
    expect(bar.series[0]?.data.map((d) => d.value)).toEqual([75, null]);
    const trend: SlaTrend = {
      period: { from: '2025-03-01', to: '2025-03-02' },
      interval: 'day',
      weights,
      buckets: [
        {
          start: '2025-03-01',
          slaRate: 1,
          metrics: { ...metrics, promised_reply: { ...none, met: 1, total: 1, rate: 1 } },
        },
        { start: '2025-03-02', slaRate: null, metrics },
      ],
    };
    const line = trendOption(trend, ['promised_reply'], { ...labels, slaRate: 'SLA 达成率' });
    expect(line.xAxis.data).toEqual(['03-01', '03-02']);
    expect(line.series.map((s) => [s.name, s.data])).toEqual([
      ['SLA 达成率', [100, null]],
      ['承诺回复', [100, null]],
    ]);
    expect(bucketLabel('2025-03-01', 'month')).toBe('2025-03');
    expect([defaultInterval(31), defaultInterval(90), defaultInterval(365)]).toEqual(['day', 'week', 'month']);
  });
});
