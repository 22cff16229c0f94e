import { describe, expect, it } from 'vitest';
import { percent, previousQuarter, quarterOf, suggestedQuarter } from './roundPeriod';

describe('previousQuarter', () => {
  it('is the quarter before, across the year boundary', () => {
    expect(previousQuarter(new Date(2026, 10, 23))).toEqual({
      year: 2026,
      quarter: 3,
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(previousQuarter(new Date(2026, 1, 10))).toEqual({
      year: 2025,
      quarter: 4,
      start: '2025-10-01',
      end: '2025-12-31',
    });
    expect(previousQuarter(new Date(2024, 4, 1))).toEqual({
      year: 2024,
      quarter: 1,
      start: '2024-01-01',
      end: '2024-03-31',
    });
  });

  it('moves by quarters and skips a quarter that already has a round', () => {
    expect(quarterOf(new Date(2026, 10, 23), 0).start).toBe('2026-10-01');
    expect(quarterOf(new Date(2026, 10, 23), 1)).toMatchObject({ year: 2027, quarter: 1, end: '2027-03-31' });
    expect(suggestedQuarter(new Date(2026, 10, 23), []).start).toBe('2026-07-01');
    expect(suggestedQuarter(new Date(2026, 10, 23), ['2026-07-01'])).toMatchObject({ quarter: 4, end: '2026-12-31' });
  });

  it('computes a bounded percentage', () => {
    expect(percent(5, 16)).toBe(31);
    expect(percent(3, 0)).toBe(0);
    expect(percent(20, 10)).toBe(100);
  });
});
