/** Yearly business figures → a bar (revenue) + line (orders) chart option. Pure, unit-tested. */
import type { BusinessFigures } from '../../../api/types';

export function figuresChartData(items: BusinessFigures[]) {
  const sorted = [...items].sort((a, b) => a.year - b.year);
  return {
    years: sorted.map((f) => String(f.year)),
    revenue: sorted.map((f) => f.revenue),
    orders: sorted.map((f) => f.orderCount),
  };
}

export function figuresChartOption(items: BusinessFigures[], labels: { revenue: string; orders: string }) {
  const data = figuresChartData(items);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [labels.revenue, labels.orders], bottom: 0 },
    grid: { left: 64, right: 48, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: data.years },
    yAxis: [
      { type: 'value', name: labels.revenue },
      { type: 'value', name: labels.orders, minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: labels.revenue, type: 'bar', data: data.revenue, barMaxWidth: 36, itemStyle: { color: '#1677ff' } },
      { name: labels.orders, type: 'line', yAxisIndex: 1, data: data.orders, itemStyle: { color: '#fa8c16' } },
    ],
  };
}
