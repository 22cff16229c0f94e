import { describe, expect, it } from 'vitest';
import {
  causeName,
  changeRatio,
  formatShare,
  measuresChartOption,
  OUTCOME_COLOR,
  onTimeRate,
  rankCauses,
  rootCauseChartHeight,
  rootCauseChartOption,
} from './reportCharts';
import type { RootCauseItem } from './reportTypes';

const items: RootCauseItem[] = [
  { rootCauseKey: 'staff', name: '服务态度', nameEn: 'Staff attitude', count: 6, share: 0.6, previousCount: 3 },
  { rootCauseKey: 'product', name: '产品质量', nameEn: null, count: 3, share: 0.3, previousCount: 4 },
  { rootCauseKey: 'delivery', name: '配送延误', nameEn: 'Delivery', count: 1, share: 0.1, previousCount: 0 },
];
const measures = { total: 10, doneOnTime: 5, doneLate: 1, openOverdue: 2, open: 1, cancelled: 1 };

describe('root-cause report', () => {
  it('names causes in the UI language, falling back to Chinese', () => {
    expect(causeName(items[0] as RootCauseItem, 'en')).toBe('Staff attitude');
    expect(causeName(items[1] as RootCauseItem, 'en')).toBe('产品质量');
    expect(causeName(items[0] as RootCauseItem, 'zh-CN')).toBe('服务态度');
  });

  it('computes changes and formats shares', () => {
    expect(changeRatio(6, 3)).toBe(1);
    expect(changeRatio(3, 4)).toBe(-0.25);
    expect(changeRatio(1, 0)).toBeNull();
    expect(formatShare(0.1234)).toBe('12.3%');
    expect(formatShare(1)).toBe('100.0%');
    expect(formatShare(0)).toBe('0.0%');
  });

  it('ranks causes in the order the server gives (most frequent first)', () => {
    expect(rankCauses(items, 'en').map((c) => [c.rank, c.label, c.change])).toEqual([
      [1, 'Staff attitude', 1],
      [2, '产品质量', -0.25],
      [3, 'Delivery', null],
    ]);
  });

  it('draws rank 1 on top, this period against the previous one, and keeps the first N', () => {
    const option = rootCauseChartOption(rankCauses(items, 'zh-CN'), { current: '本期', previous: '上期' });
    expect(option.yAxis.data).toEqual(['配送延误', '产品质量', '服务态度']);
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['本期', [1, 3, 6]],
      ['上期', [0, 4, 3]],
    ]);
    const limited = rootCauseChartOption(rankCauses(items, 'zh-CN'), { current: 'a', previous: 'b' }, 2);
    expect(limited.yAxis.data).toEqual(['产品质量', '服务态度']);
    expect(rootCauseChartHeight(1)).toBe(200);
    expect(rootCauseChartHeight(40)).toBe(56 + 15 * 40);
  });

  it('shows measure outcomes as colored bars and the on-time rate without cancelled ones', () => {
    const option = measuresChartOption(measures, {
      doneOnTime: '按期完成',
      doneLate: '逾期完成',
      openOverdue: '逾期未完成',
      open: '未到期',
    });
    expect(option.xAxis.data).toEqual(['按期完成', '逾期完成', '逾期未完成', '未到期']);
    expect(option.series[0]?.data).toEqual([
      { value: 5, itemStyle: { color: OUTCOME_COLOR.doneOnTime } },
      { value: 1, itemStyle: { color: OUTCOME_COLOR.doneLate } },
      { value: 2, itemStyle: { color: OUTCOME_COLOR.openOverdue } },
      { value: 1, itemStyle: { color: OUTCOME_COLOR.open } },
    ]);
    expect(onTimeRate(measures)).toBeCloseTo(5 / 9);
    expect(onTimeRate({ ...measures, total: 1, cancelled: 1 })).toBeNull();
  });
});
