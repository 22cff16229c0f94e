import { describe, expect, it } from 'vitest';
import { bandsValid, gradeFor, totalScore, weightSum } from './scoring';

const criteria = [
  { key: 'importance', weight: 40, isActive: true },
  { key: 'influence', weight: 20, isActive: true },
  { key: 'payment', weight: 20, isActive: true },
  { key: 'satisfaction', weight: 20, isActive: true },
  { key: 'old', weight: 50, isActive: false },
];
const bands = [
  { grade: 'A' as const, minScore: 85 },
  { grade: 'B' as const, minScore: 70 },
  { grade: 'C' as const, minScore: 55 },
  { grade: 'D' as const, minScore: 0 },
];

describe('scoring', () => {
  it('sums active weights only', () => {
    expect(weightSum(criteria)).toBe(100);
    expect(weightSum([{ weight: Number.NaN, isActive: true }])).toBe(0);
  });

  it('weights the scores like the server (90/80/70/100 → 86)', () => {
    expect(totalScore(criteria, { importance: 90, influence: 80, payment: 70, satisfaction: 100 })).toBe(86);
    expect(totalScore(criteria, { importance: 92, influence: 88, payment: 85, satisfaction: 90 })).toBe(89.4);
    expect(totalScore(criteria, { importance: 90 })).toBeNull();
  });

  it('finds the grade of a total and checks band order', () => {
    expect(gradeFor(86, bands)).toBe('A');
    expect(gradeFor(70, bands)).toBe('B');
    expect(gradeFor(10, bands)).toBe('D');
    expect(bandsValid(bands)).toBe(true);
    expect(bandsValid([...bands.slice(0, 3), { grade: 'D', minScore: 60 }])).toBe(false);
    expect(bandsValid(bands.slice(0, 3))).toBe(false);
  });
});
