/** The complaint intake report → ECharts options and deltas. Pure, unit-tested. */
import { INTAKE_FIGURES, type IntakeFigure, type IntakeGroup, type IntakeReport } from './intakeApi';

export const FIGURE_COLOR: Record<IntakeFigure, string> = {
  received: '#1677ff',
  closed: '#52c41a',
  open: '#faad14',
  overdue: '#ff4d4f',
  major: '#722ed1',
};

/** Difference against the previous period: `+3`, `-2`, `0`. */
export function delta(current: number, previous: number): string {
  const d = current - previous;
  return d > 0 ? `+${d}` : String(d);
}

/** Received and closed per bucket: two lines. */
export function intakeTrendOption(trend: IntakeReport['trend'], labels: Record<'received' | 'closed', string>) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.received, labels.closed], bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: trend.map((b) => b.bucket.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['received', 'closed'] as const).map((figure) => ({
      name: labels[figure],
      type: 'line',
      smooth: true,
      showSymbol: trend.length <= 31,
      itemStyle: { color: FIGURE_COLOR[figure] },
      data: trend.map((b) => b[figure]),
    })),
  };
}

/** One group of bars per type/channel/department (the first `limit`), one bar per figure. */
export function intakeGroupsOption(groups: readonly IntakeGroup[], labels: Record<IntakeFigure, string>, limit = 12) {
  const shown = groups.slice(0, limit);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: INTAKE_FIGURES.map((f) => labels[f]), bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      data: shown.map((g) => g.name),
      axisLabel: { interval: 0, width: 80, overflow: 'truncate' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: INTAKE_FIGURES.map((figure) => ({
      name: labels[figure],
      type: 'bar',
      barMaxWidth: 14,
      itemStyle: { color: FIGURE_COLOR[figure] },
      data: shown.map((g) => g[figure]),
    })),
  };
}

/** Nothing received nor closed in either period. */
export function isEmptyIntake(report: IntakeReport): boolean {
  return (
    report.totals.received + report.totals.closed + report.previousTotals.received + report.previousTotals.closed === 0
  );
}
