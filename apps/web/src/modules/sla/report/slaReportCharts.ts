/** The SLA report → figures, table rows and ECharts options. Pure, unit-tested. */
import type { SlaMetricName, SlaReport, SlaReportRow, SlaTrend, SlaTrendInterval, SlaWeights } from './reportTypes';

export const SLA_REPORT_METRICS = [
  'first_response',
  'next_reply',
  'resolution',
  'promised_reply',
  'team_handling',
] as const satisfies readonly SlaMetricName[];

/** `0.725` → `72.5%`; `—` without a rate. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** Green from 95 %, orange from 80 %, red below (the rate figure, the bars, the table). */
export function rateColor(rate: number | null | undefined): string | undefined {
  if (rate === null || rate === undefined) return undefined;
  if (rate >= 0.95) return '#389e0d';
  if (rate >= 0.8) return '#d48806';
  return '#cf1322';
}

/** The metrics worth showing: those with a weight, and any other that has clocks in the period. */
export function shownMetrics(weights: SlaWeights, totals: SlaReportRow): SlaMetricName[] {
  return SLA_REPORT_METRICS.filter((m) => weights[m] > 0 || totals.metrics[m].total > 0 || totals.metrics[m].open > 0);
}

/** Nothing at all to show: no clock ended nor started in the period. */
export function isEmptyReport(report: SlaReport): boolean {
  return SLA_REPORT_METRICS.every((m) => report.totals.metrics[m].total === 0 && report.totals.metrics[m].open === 0);
}

/** The weights in force, for the definition under the SLA rate: `首次响应 30% · 解决 40%`. */
export function weightsText(weights: SlaWeights, labels: Record<SlaMetricName, string>, separator = ' · '): string {
  return SLA_REPORT_METRICS.filter((m) => weights[m] > 0)
    .map((m) => `${labels[m]} ${weights[m]}%`)
    .join(separator);
}

/** Sums of the totals row: clocks ended, breached, escalations (every level), paused hours. */
export function headline(report: SlaReport) {
  const metrics = SLA_REPORT_METRICS.map((m) => report.totals.metrics[m]);
  return {
    ended: metrics.reduce((sum, f) => sum + f.total, 0),
    breached: metrics.reduce((sum, f) => sum + f.breached, 0),
    open: metrics.reduce((sum, f) => sum + f.open, 0),
    escalations: Object.values(report.totals.escalationsByLevel).reduce((sum, n) => sum + n, 0),
    pausedHours: Math.round((report.totals.pausedMinutes / 60) * 10) / 10,
  };
}

/** `{ '1': 2, '3': 1 }` → `L1 ×2 · L3 ×1` (levels in order); empty when none. */
export function escalationsText(byLevel: Record<string, number>, levelLabel: (level: number) => string): string {
  return Object.entries(byLevel)
    .map(([level, n]) => [Number(level), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0])
    .map(([level, n]) => `${levelLabel(level)} ×${n}`)
    .join(' · ');
}

/** Worst SLA rate first, rows without a rate last (as the server sends them; kept for client sorting). */
export function compareRate(a: SlaReportRow, b: SlaReportRow): number {
  if (a.slaRate === b.slaRate) return 0;
  if (a.slaRate === null) return 1;
  if (b.slaRate === null) return -1;
  return a.slaRate - b.slaRate;
}

const percentValue = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** One bar per shown metric: its achievement rate (%) over the period, colored by level. */
export function metricBarOption(
  totals: SlaReportRow,
  metrics: readonly SlaMetricName[],
  labels: Record<SlaMetricName, string>,
) {
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (v == null ? '—' : `${v}%`),
    },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: metrics.map((m) => labels[m]),
      axisLabel: { interval: 0, width: 64, overflow: 'break' },
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        label: {
          show: true,
          position: 'top',
          formatter: ({ value }: { value: number | null }) => (value == null ? '—' : `${value}%`),
        },
        data: metrics.map((m) => {
          const rate = totals.metrics[m].rate;
          return { value: percentValue(rate), itemStyle: { color: rateColor(rate) ?? '#bfbfbf' } };
        }),
      },
    ],
  };
}

/** The bucket's label on the axis: `03-14` for days and weeks, `2025-03` for months. */
export function bucketLabel(start: string, interval: SlaTrendInterval): string {
  return interval === 'month' ? start.slice(0, 7) : start.slice(5);
}

/** The SLA rate (bold) and each shown metric's rate per bucket, in %; gaps bridged. */
export function trendOption(
  trend: SlaTrend,
  metrics: readonly SlaMetricName[],
  labels: Record<SlaMetricName, string> & { slaRate: string },
) {
  const line = (name: string, data: (number | null)[], width: number) => ({
    name,
    type: 'line',
    connectNulls: true,
    showSymbol: true,
    symbolSize: width > 2 ? 6 : 4,
    lineStyle: { width },
    data,
  });
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${v}%`) },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: trend.buckets.map((b) => bucketLabel(b.start, trend.interval)) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      line(
        labels.slaRate,
        trend.buckets.map((b) => percentValue(b.slaRate)),
        3,
      ),
      ...metrics.map((m) =>
        line(
          labels[m],
          trend.buckets.map((b) => percentValue(b.metrics[m].rate)),
          1.5,
        ),
      ),
    ],
  };
}

/** The trend's interval that suits a period: days up to ~2 months, weeks up to ~9 months, else months. */
export function defaultInterval(days: number): SlaTrendInterval {
  if (days <= 62) return 'day';
  if (days <= 270) return 'week';
  return 'month';
}
