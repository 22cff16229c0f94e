/** The root-cause report → table rows and ECharts options. Pure, unit-tested. */
import type { MeasureCompletion, RootCauseItem } from './reportTypes';

/** The category's name in the UI language (the report carries the Chinese name and the English one). */
export function causeName(item: Pick<RootCauseItem, 'name' | 'nameEn'>, locale: string): string {
  return locale === 'en' && item.nameEn ? item.nameEn : item.name;
}

/** Change against the previous period, as a ratio (0.5 = +50 %); null when there was nothing before. */
export function changeRatio(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / previous;
}

/** `0.1234` → `12.3%`. */
export function formatShare(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

export type RankedCause = RootCauseItem & { rank: number; label: string; change: number | null };

/** The report's items (already most frequent first) with their rank, name and change. */
export function rankCauses(items: readonly RootCauseItem[], locale: string): RankedCause[] {
  return items.map((item, index) => ({
    ...item,
    rank: index + 1,
    label: causeName(item, locale),
    change: changeRatio(item.count, item.previousCount),
  }));
}

type CauseLabels = { current: string; previous: string };

/**
 * Horizontal bars, the most frequent root cause on top: this period against the previous one.
 * Long lists keep the first `limit` causes (the table has them all).
 */
export function rootCauseChartOption(causes: readonly RankedCause[], labels: CauseLabels, limit = 15) {
  // ECharts draws the first category at the bottom: reverse so rank 1 is on top.
  const shown = causes.slice(0, limit).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: [labels.current, labels.previous], bottom: 0 },
    grid: { left: 8, right: 40, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((cause) => cause.label) },
    series: [
      {
        name: labels.current,
        type: 'bar',
        barMaxWidth: 16,
        data: shown.map((cause) => cause.count),
        itemStyle: { color: '#1677ff' },
        label: { show: true, position: 'right' },
      },
      {
        name: labels.previous,
        type: 'bar',
        barMaxWidth: 16,
        data: shown.map((cause) => cause.previousCount),
        itemStyle: { color: '#bfbfbf' },
      },
    ],
  };
}

/** Chart height for `count` causes (two bars each). */
export function rootCauseChartHeight(count: number, limit = 15): number {
  return Math.max(200, 56 + Math.min(count, limit) * 40);
}

export const MEASURE_OUTCOMES = ['doneOnTime', 'doneLate', 'openOverdue', 'open'] as const;
export type MeasureOutcome = (typeof MEASURE_OUTCOMES)[number];
export const OUTCOME_COLOR: Record<MeasureOutcome, string> = {
  doneOnTime: '#52c41a',
  doneLate: '#faad14',
  openOverdue: '#ff4d4f',
  open: '#1677ff',
};

/** Measures done on time among those due in the period that were not cancelled; null when none. */
export function onTimeRate(measures: MeasureCompletion): number | null {
  const counted = measures.total - measures.cancelled;
  return counted > 0 ? measures.doneOnTime / counted : null;
}

/** One bar per outcome (done on time, done late, open and overdue, open), each in its color. */
export function measuresChartOption(measures: MeasureCompletion, labels: Record<MeasureOutcome, string>) {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: MEASURE_OUTCOMES.map((outcome) => labels[outcome]) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
        data: MEASURE_OUTCOMES.map((outcome) => ({
          value: measures[outcome],
          itemStyle: { color: OUTCOME_COLOR[outcome] },
        })),
      },
    ],
  };
}
