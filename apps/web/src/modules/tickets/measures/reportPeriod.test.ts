import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { monthPeriod, PERIOD_PRESETS, periodDays, presetPeriod, toReportQuery } from './reportPeriod';

const today = dayjs('2026-05-14T10:30:00');

describe('report periods', () => {
  it('computes the quick ranges relative to today', () => {
    expect(Object.fromEntries(PERIOD_PRESETS.map((preset) => [preset, presetPeriod(preset, today)]))).toEqual({
      thisMonth: { from: '2026-05-01', to: '2026-05-14' },
      lastMonth: { from: '2026-04-01', to: '2026-04-30' },
      thisQuarter: { from: '2026-04-01', to: '2026-05-14' },
      lastQuarter: { from: '2026-01-01', to: '2026-03-31' },
      thisYear: { from: '2026-01-01', to: '2026-05-14' },
      last30Days: { from: '2026-04-15', to: '2026-05-14' },
    });
  });

  it('crosses year boundaries', () => {
    const january = dayjs('2026-01-20');
    expect(presetPeriod('lastMonth', january)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('lastQuarter', january)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetPeriod('thisQuarter', dayjs('2026-12-31'))).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('lastMonth', dayjs('2024-03-31'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('takes "last month" as the previous calendar month, whatever day it is', () => {
    expect(presetPeriod('lastMonth', dayjs('2026-03-31'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('lastMonth', dayjs('2026-03-01'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthPeriod(-1, dayjs('2026-07-31T23:59:00'))).toEqual({ from: '2026-06-01', to: '2026-06-30' });
    expect(monthPeriod(0, dayjs('2026-02-10'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthPeriod(-1, dayjs('2026-01-05'))).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('builds the query, with the department only when chosen', () => {
    const period = { from: '2026-05-01', to: '2026-05-31' };
    expect(toReportQuery(period)).toEqual(period);
    expect(toReportQuery(period, null)).toEqual(period);
    expect(toReportQuery(period, 'd1')).toEqual({ ...period, departmentId: 'd1' });
    expect(periodDays(period)).toBe(31);
    expect(periodDays({ from: '2026-05-14', to: '2026-05-14' })).toBe(1);
  });
});
