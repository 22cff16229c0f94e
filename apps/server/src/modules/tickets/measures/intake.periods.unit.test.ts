import { describe, expect, it } from 'vitest';
import { monthOf } from '../../../lib/calendar-day.js';
import { bucketsOf, defaultGranularity, previousPeriodOf } from './intake.periods.js';

describe('intake report periods', () => {
  it('takes whole calendar months before whole months, else as many days before', () => {
    expect(previousPeriodOf('2025-03-01', '2025-03-31')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(previousPeriodOf('2024-03-01', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(previousPeriodOf('2025-01-01', '2025-01-31')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(previousPeriodOf('2025-04-01', '2025-06-30')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(previousPeriodOf('2025-03-10', '2025-03-16')).toEqual({ from: '2025-03-03', to: '2025-03-09' });
    expect(previousPeriodOf('2025-03-01', '2025-03-15')).toEqual({ from: '2025-02-14', to: '2025-02-28' });
    expect(monthOf('2024-02-17')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('lists every bucket, the first clipped to the period, weeks from Monday', () => {
    expect(bucketsOf('2025-03-30', '2025-04-02', 'day')).toEqual([
      '2025-03-30',
      '2025-03-31',
      '2025-04-01',
      '2025-04-02',
    ]);
    expect(bucketsOf('2025-03-01', '2025-03-17', 'week')).toEqual([
      '2025-03-01',
      '2025-03-03',
      '2025-03-10',
      '2025-03-17',
    ]);
    expect(bucketsOf('2025-01-15', '2025-03-01', 'month')).toEqual(['2025-01-15', '2025-02-01', '2025-03-01']);
    expect([defaultGranularity('2025-01-01', '2025-03-03'), defaultGranularity('2025-01-01', '2025-03-04')]).toEqual([
      'day',
      'week',
    ]);
    expect(defaultGranularity('2024-01-01', '2025-03-31')).toBe('month');
  });
});
