import { describe, expect, it } from 'vitest';
import { bucketStart } from '../../../lib/calendar-day.js';
import { csatOf, meanOf, npsBand, npsOf, responseRateOf } from './results.scoring.js';
import { rangeOf } from './results.service.js';

/** Hand-computed fixtures (docs/surveys.md), with the band edges 6/7, 8/9 (NPS) and 3/4 (CSAT). */
describe('survey figures', () => {
  it('puts NPS scores in bands with the edges 6/7 and 8/9', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsBand)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('computes NPS in points: promoters 4, passives 3, detractors 3 of 10 → 10', () => {
    const nps = npsOf([10, 9, 8, 7, 6, 0, 9, 7, 6, 10], 5);
    expect(nps).toEqual({ value: 10, sample: 10, suppressed: false, promoters: 4, passives: 3, detractors: 3 });
    // Only edges: 6 6 6 7 7 / 8 8 9 9 9 → (3 − 3) ÷ 10 = 0.
    expect(npsOf([6, 6, 6, 7, 7, 8, 8, 9, 9, 9], 1).value).toBe(0);
    expect(npsOf([6], 1).value).toBe(-100);
    expect(npsOf([7], 1).value).toBe(0);
    expect(npsOf([8], 1).value).toBe(0);
    expect(npsOf([9], 1).value).toBe(100);
    // (2 − 1) ÷ 3 = 33.3 → 33 points; never −0.
    expect(npsOf([9, 9, 6], 1).value).toBe(33);
    expect(Object.is(npsOf([9, 6, 7, 8], 1).value, 0)).toBe(true);
  });

  it('computes CSAT as the share of 4–5 (edge 3/4)', () => {
    expect(csatOf([3, 4, 5, 3, 4, 2, 1, 5], 5).value).toBe(0.5);
    expect(csatOf([3], 1).value).toBe(0);
    expect(csatOf([4], 1).value).toBe(1);
    expect(csatOf([4, 4, 3], 1).value).toBe(0.6667);
    expect(meanOf([5, 4, 4], 1).value).toBe(4.33);
  });

  it('suppresses every figure below the minimum sample size', () => {
    expect(npsOf([10, 10, 10, 10], 5)).toEqual({
      value: null,
      sample: 4,
      suppressed: true,
      promoters: 0,
      passives: 0,
      detractors: 0,
    });
    expect(csatOf([5, 5, 5, 5], 5)).toEqual({ value: null, sample: 4, suppressed: true });
    expect(csatOf([], 1)).toEqual({ value: null, sample: 0, suppressed: true });
    expect(responseRateOf(3, 4, 5).value).toBeNull();
    expect(responseRateOf(3, 8, 5).value).toBe(0.375);
    expect(responseRateOf(9, 8, 5).value).toBe(1);
  });

  it('buckets days by ISO week and month; defaults the range to the last 30 days', () => {
    expect(bucketStart('2026-12-06', 'week')).toBe('2026-11-30');
    expect(bucketStart('2026-12-07', 'week')).toBe('2026-12-07');
    expect(bucketStart('2026-12-07', 'month')).toBe('2026-12-01');
    expect(rangeOf({}, '2026-12-07')).toEqual({ from: '2026-11-08', to: '2026-12-07', period: 'week' });
    expect(() => rangeOf({ from: '2026-12-08', to: '2026-12-07' }, '2026-12-07')).toThrow();
  });
});
