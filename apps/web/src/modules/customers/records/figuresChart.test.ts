import { describe, expect, it } from 'vitest';
import { figuresChartData, figuresChartOption } from './figuresChart';

const year = (y: number, revenue: number | null, orderCount: number | null) => ({
  year: y,
  revenue,
  orderCount,
  paymentRecord: null,
  notes: null,
});

describe('figures chart', () => {
  it('orders years ascending and keeps gaps', () => {
    expect(figuresChartData([year(2026, 200000, 3), year(2024, null, 1), year(2025, 300000, null)])).toEqual({
      years: ['2024', '2025', '2026'],
      revenue: [null, 300000, 200000],
      orders: [1, null, 3],
    });
  });

  it('puts revenue in bars and orders on a second axis', () => {
    const option = figuresChartOption([year(2026, 1, 2)], { revenue: '营业额', orders: '订单数' });
    expect(option.series.map((s) => [s.name, s.type, 'yAxisIndex' in s ? s.yAxisIndex : 0])).toEqual([
      ['营业额', 'bar', 0],
      ['订单数', 'line', 1],
    ]);
  });
});
