/** The callback report → figures, colours and ECharts options. Pure, unit-tested. */
import type { CallbackReport } from './reportApi';

/** The target of both rates (docs/callbacks.md: every customer due is called back, on time). */
export const RATE_TARGET = 1;

/** `0.6` → `60.0%`; `2/3` → `66.7%`; `—` without a rate (nothing due / nothing done). */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** A rate in whole tenths of a percent for the charts (`2/3` → 66.7), null stays null. */
export const percentValue = (rate: number | null | undefined): number | null =>
  rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;

/** Green at the target, orange from 90 %, red below. */
export function rateColor(rate: number | null | undefined): string | undefined {
  if (rate === null || rate === undefined) return undefined;
  if (rate >= RATE_TARGET) return '#389e0d';
  if (rate >= 0.9) return '#d48806';
  return '#cf1322';
}

/** Nothing was due in the period (the rates are then null). */
export const isEmptyReport = (report: CallbackReport) => report.customersDue === 0;

/** Coverage and on-time rate as two bars against the 100 % target line. */
export function ratesBarOption(
  report: Pick<CallbackReport, 'coverage' | 'onTimeRate'>,
  labels: { coverage: string; onTimeRate: string; target: string },
) {
  const rates = [report.coverage, report.onTimeRate];
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (v == null ? '—' : `${v}%`),
    },
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [labels.coverage, labels.onTimeRate] },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 56,
        label: {
          show: true,
          position: 'top',
          formatter: ({ value }: { value: number | null }) => (value == null ? '—' : `${value}%`),
        },
        data: rates.map((rate) => ({ value: percentValue(rate), itemStyle: { color: rateColor(rate) ?? '#bfbfbf' } })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#389e0d' },
          label: { formatter: labels.target, position: 'insideEndTop' },
          data: [{ yAxis: RATE_TARGET * 100 }],
        },
      },
    ],
  };
}

export type BreakdownRow = CallbackReport['bySpecialist'][number] | CallbackReport['byPlan'][number];

/** A breakdown row's name: the specialist (or `poolLabel`), the plan (or `noPlanLabel`). */
export function breakdownName(row: BreakdownRow, poolLabel: string, noPlanLabel: string): string {
  if ('assignee' in row) return row.assignee?.displayName || poolLabel;
  return row.plan?.name || noPlanLabel;
}

/** Coverage and on-time rate per specialist, two bars each, lowest coverage at the top. */
export function specialistRatesOption(
  rows: { name: string; coverage: number | null; onTimeRate: number | null }[],
  labels: { coverage: string; onTimeRate: string },
) {
  const shown = [...rows].sort((a, b) => (b.coverage ?? -1) - (a.coverage ?? -1));
  const percent = (v: number | null) => percentValue(v);
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (v == null ? '—' : `${v}%`),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { width: 96, overflow: 'truncate' } },
    series: [
      { name: labels.coverage, type: 'bar', barMaxWidth: 16, data: shown.map((r) => percent(r.coverage)) },
      { name: labels.onTimeRate, type: 'bar', barMaxWidth: 16, data: shown.map((r) => percent(r.onTimeRate)) },
    ],
  };
}

/** The chart's height for `n` bars: 32 px each, at least 160. */
export const barChartHeight = (n: number) => Math.max(160, n * 32 + 40);
