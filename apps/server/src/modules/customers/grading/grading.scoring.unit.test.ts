import { describe, expect, it } from 'vitest';
import { assertBands, gradeFor, localDate, quarterBefore, totalScore } from './grading.scoring.js';

const CRITERIA = [
  { key: 'business_importance', weight: 40, isActive: true },
  { key: 'market_influence', weight: 20, isActive: true },
  { key: 'payment_timeliness', weight: 20, isActive: true },
  { key: 'satisfaction', weight: 20, isActive: true },
];
const BANDS = [
  { grade: 'A' as const, minScore: 85 },
  { grade: 'B' as const, minScore: 70 },
  { grade: 'C' as const, minScore: 55 },
  { grade: 'D' as const, minScore: 0 },
];

describe('grading rules', () => {
  it('weighs scores and finds the grade band', () => {
    expect(
      totalScore(CRITERIA, {
        business_importance: 90,
        market_influence: 80,
        payment_timeliness: 70,
        satisfaction: 100,
      }),
    ).toBe(86);
    expect(
      totalScore(CRITERIA, {
        business_importance: 84.5,
        market_influence: 85,
        payment_timeliness: 85,
        satisfaction: 85,
      }),
    ).toBe(84.8);
    expect(
      totalScore([...CRITERIA, { key: 'old', weight: 50, isActive: false }], {
        business_importance: 100,
        market_influence: 100,
        payment_timeliness: 100,
        satisfaction: 100,
        old: 0,
      }),
    ).toBe(100);
    expect([85, 84.99, 70, 55, 54.99, 0].map((s) => gradeFor(s, BANDS))).toEqual(['A', 'B', 'B', 'C', 'D', 'D']);
    expect(gradeFor(3, [...BANDS.slice(0, 3), { grade: 'D', minScore: 10 }])).toBe('D');
  });

  it('checks the band order', () => {
    expect(() => assertBands(BANDS)).not.toThrow();
    expect(() => assertBands([...BANDS.slice(0, 3), { grade: 'D', minScore: 55 }])).toThrow();
    expect(() => assertBands([...BANDS.slice(0, 3), { grade: 'C', minScore: 0 }])).toThrow();
  });

  it('names the quarter that just ended, in the business time zone', () => {
    expect(quarterBefore('2026-10-01')).toEqual({
      name: '2026年第三季度客户等级评定',
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
    });
    expect(quarterBefore('2027-01-01')).toEqual({
      name: '2026年第四季度客户等级评定',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
    });
    expect(quarterBefore('2028-04-01')).toEqual({
      name: '2028年第一季度客户等级评定',
      periodStart: '2028-01-01',
      periodEnd: '2028-03-31',
    });
    expect(quarterBefore('2026-07-15').periodEnd).toBe('2026-06-30');
    expect(localDate(new Date('2026-12-31T23:30:00Z'), 'Asia/Shanghai')).toBe('2027-01-01');
  });
});
