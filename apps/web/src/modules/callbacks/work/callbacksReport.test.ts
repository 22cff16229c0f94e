import { describe, expect, it } from 'vitest';
import {
  barChartHeight,
  breakdownName,
  formatRate,
  isEmptyReport,
  percentValue,
  rateColor,
  ratesBarOption,
  specialistRatesOption,
} from './callbacksReport';
import type { CallbackReport, UnreachedCallback } from './reportApi';

const sunli = { id: 'u-sun', displayName: '孙丽' };
const zhou = { id: 'u-zhou', displayName: '周杰' };
const unreached = (id: string, assignee: UnreachedCallback['assignee']): UnreachedCallback => ({
  id,
  customer: { id: `c-${id}`, name: `客户${id}` },
  dueDate: '2026-06-02',
  attempts: 3,
  assignee,
  writeUp: null,
});

/**
 * The server test's fixture (work.report.test.ts), computed by hand: 5 customers due, 3 with a
 * done callback → coverage 3/5 = 60.0 %; 3 done, 2 by their deadline → on-time 2/3 = 66.7 %.
 */
const report: CallbackReport = {
  from: '2026-06-01',
  to: '2026-06-30',
  customersDue: 5,
  customersCovered: 3,
  coverage: 0.6,
  completed: 3,
  completedOnTime: 2,
  onTimeRate: 2 / 3,
  unreachedCount: 4,
  bySpecialist: [
    {
      assignee: sunli,
      customersDue: 4,
      customersCovered: 2,
      coverage: 0.5,
      completed: 2,
      completedOnTime: 1,
      onTimeRate: 0.5,
      unreachedCount: 2,
    },
    {
      assignee: zhou,
      customersDue: 1,
      customersCovered: 1,
      coverage: 1,
      completed: 1,
      completedOnTime: 1,
      onTimeRate: 1,
      unreachedCount: 1,
    },
  ],
  byPlan: [
    {
      plan: null,
      customersDue: 5,
      customersCovered: 3,
      coverage: 0.6,
      completed: 3,
      completedOnTime: 2,
      onTimeRate: 2 / 3,
      unreachedCount: 4,
    },
  ],
  unreached: [unreached('1', sunli), unreached('2', null), unreached('3', zhou), unreached('4', sunli)],
};

describe('callback report figures', () => {
  it('formats the rates to a tenth of a percent', () => {
    expect(formatRate(report.coverage)).toBe('60.0%');
    expect(formatRate(report.onTimeRate)).toBe('66.7%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
    expect(percentValue(2 / 3)).toBe(66.7);
    expect(percentValue(null)).toBeNull();
  });

  it('colours a rate against the 100 % target', () => {
    expect(rateColor(1)).toBe('#389e0d');
    expect(rateColor(0.95)).toBe('#d48806');
    expect(rateColor(0.6)).toBe('#cf1322');
    expect(rateColor(null)).toBeUndefined();
  });

  it('is empty when nothing was due', () => {
    expect(isEmptyReport(report)).toBe(false);
    expect(isEmptyReport({ ...report, customersDue: 0, coverage: null })).toBe(true);
  });

  it('draws both rates against the target line', () => {
    const option = ratesBarOption(report, { coverage: '覆盖率', onTimeRate: '按时率', target: '目标 100%' });
    expect(option.xAxis.data).toEqual(['覆盖率', '按时率']);
    const [series] = option.series;
    if (!series) throw new Error('no series');
    expect(series.data.map((d) => d.value)).toEqual([60, 66.7]);
    expect(series.data.map((d) => d.itemStyle.color)).toEqual(['#cf1322', '#cf1322']);
    expect(series.markLine.data).toEqual([{ yAxis: 100 }]);
    expect(series.label.formatter({ value: null })).toBe('—');
    const none = ratesBarOption({ coverage: 1, onTimeRate: null }, { coverage: 'c', onTimeRate: 'o', target: 't' });
    expect(none.series[0]?.data.map((d) => d.value)).toEqual([100, null]);
  });

  it('names the breakdown rows and draws each specialist’s rates, lowest coverage on top', () => {
    expect(report.bySpecialist.map((r) => breakdownName(r, '回访池', '无计划'))).toEqual(['孙丽', '周杰']);
    expect(breakdownName({ ...report.bySpecialist[0], assignee: null } as never, '回访池', '无计划')).toBe('回访池');
    expect(breakdownName(report.byPlan[0] as never, '回访池', '无计划')).toBe('无计划');
    const option = specialistRatesOption(
      report.bySpecialist.map((r) => ({
        name: breakdownName(r, '', ''),
        coverage: r.coverage,
        onTimeRate: r.onTimeRate,
      })),
      { coverage: '覆盖率', onTimeRate: '按时完成率' },
    );
    // A horizontal bar chart draws its first category at the bottom: the lowest coverage sits on top.
    expect(option.yAxis.data).toEqual(['周杰', '孙丽']);
    expect(option.series[0]?.data).toEqual([100, 50]);
    expect(option.series[1]?.data).toEqual([100, 50]);
    expect(barChartHeight(2)).toBe(160);
    expect(barChartHeight(10)).toBe(360);
  });
});
