import { describe, expect, it } from 'vitest';
import { afterUnreachedTry, missingOutcomeParts } from './work.rules.js';

const rules = {
  retriesPerDay: 2,
  retryGapMinutes: 60,
  quietWindows: [
    { start: '12:00', end: '14:00' },
    { start: '21:00', end: '09:00' },
  ],
};
const TZ = 'Asia/Shanghai';
/** A local Shanghai time on 2026-03-02 as an instant. */
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00+08:00`);

describe('afterUnreachedTry (same-day retries, never in quiet hours)', () => {
  it('retries after the gap when it is outside quiet hours', () => {
    expect(afterUnreachedTry(at('09:30'), 1, rules, TZ)).toEqual({ kind: 'retry', at: at('10:30') });
  });
  it('moves a retry that falls in the lunch window to its end, the same day', () => {
    expect(afterUnreachedTry(at('11:30'), 1, rules, TZ)).toEqual({ kind: 'retry', at: at('14:00') });
    expect(afterUnreachedTry(at('12:10'), 2, rules, TZ)).toEqual({ kind: 'retry', at: at('14:00') });
  });
  it('gives up for the day when the retry would fall in the evening window (next day)', () => {
    expect(afterUnreachedTry(at('20:30'), 1, rules, TZ)).toEqual({ kind: 'unreached' });
  });
  it('stops after the day’s retries: unreached', () => {
    expect(afterUnreachedTry(at('10:00'), 2, rules, TZ).kind).toBe('retry');
    expect(afterUnreachedTry(at('10:00'), 3, rules, TZ)).toEqual({ kind: 'unreached' });
    expect(afterUnreachedTry(at('10:00'), 1, { ...rules, retriesPerDay: 0 }, TZ)).toEqual({ kind: 'unreached' });
  });
});

describe('missingOutcomeParts (complete record)', () => {
  it('names what is missing', () => {
    expect(missingOutcomeParts({ satisfaction: 4, opinion: '很好', staffRatings: [] })).toEqual([]);
    expect(missingOutcomeParts({ satisfaction: null, opinion: ' ', staffRatings: null })).toEqual([
      'satisfaction',
      'opinion',
      'staffRatings',
    ]);
    expect(
      missingOutcomeParts({ satisfaction: 3, opinion: '一般', staffRatings: [{ role: 'stylist', score: 3 }] }),
    ).toEqual(['staffRatings.0.name']);
  });
});
