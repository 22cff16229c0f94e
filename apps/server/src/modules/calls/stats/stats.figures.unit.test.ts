import { describe, expect, it } from 'vitest';
import { average, EMPTY_SUMS, figuresOf, ratio } from './stats.figures.js';

describe('call KPI figures', () => {
  it('gives null, never 0, when a ratio or average has nothing to divide by', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(average(0, 0)).toBeNull();
    const f = figuresOf(EMPTY_SUMS);
    expect(f).toMatchObject({
      offered: 0,
      serviceLevelOffered: null,
      serviceLevelAnswered: null,
      answerRate: null,
      avgRings: null,
    });
  });

  it('rounds ratios to 4 places and averages to 0.01', () => {
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(2, 3)).toBe(0.6667);
    expect(average(10, 3)).toBe(3.33);
  });

  it('keeps short abandons in offered, and out of the one service level that says so', () => {
    const f = figuresOf({
      ...EMPTY_SUMS,
      offered: 10,
      answered: 6,
      abandoned: 4,
      shortAbandoned: 2,
      answeredWithinThreshold: 5,
    });
    expect(f.serviceLevelOffered).toBe(0.5);
    expect(f.serviceLevelOfferedExShortAbandons).toBe(0.625);
    expect(f.serviceLevelAnswered).toBe(0.8333);
    expect(f.abandonRate).toBe(0.4);
  });

  it('counts the answering phone plus each ring-no-answer as rings', () => {
    expect(figuresOf({ ...EMPTY_SUMS, offered: 4, answered: 4, ringNoAnswerAnswered: 6 }).avgRings).toBe(2.5);
  });
});
