import { describe, expect, it } from 'vitest';
import { type DayGroup, forecastSlots, sampleDays } from './intraday.forecast.js';

/** Weekends rest, plus a holiday Tuesday 2026-05-05 and a make-up Saturday 2026-05-09. */
function groupOf(date: string): DayGroup {
  if (date === '2026-05-05') return 'rest';
  if (date === '2026-05-09') return 'working';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6 ? 'rest' : 'working';
}

describe('intraday forecast rules', () => {
  it('takes the same weekday of the same kind, skipping a holiday', () => {
    expect(sampleDays('2026-05-12', 3, groupOf)).toEqual(['2026-04-28', '2026-04-21']);
    expect(sampleDays('2026-05-16', 2, groupOf)).toEqual(['2026-05-02']);
  });

  it('falls back to the most recent days of the kind when no same weekday is of it', () => {
    expect(sampleDays('2026-05-09', 3, groupOf)).toEqual(['2026-05-08', '2026-05-07', '2026-05-06']);
    expect(sampleDays('2026-05-05', 2, groupOf)).toEqual(['2026-05-03', '2026-05-02']);
  });

  it('averages calls over the sample days and picks the AHT source', () => {
    const history = new Map([
      [20, { calls: 30, talkSum: 1800, talkCount: 10 }],
      [21, { calls: 3, talkSum: 900, talkCount: 3 }],
    ]);
    const slots = forecastSlots(48, 3, history, { fallback: 270 });
    expect(slots[20]).toEqual({ calls: 10, ahtSeconds: 180, ahtSource: 'interval' });
    expect(slots[21]).toEqual({ calls: 1, ahtSeconds: 2700 / 13, ahtSource: 'sample' });
    expect(forecastSlots(48, 0, new Map(), { fallback: 270 })[0]).toEqual({
      calls: 0,
      ahtSeconds: 270,
      ahtSource: 'settings',
    });
    expect(forecastSlots(48, 3, history, { argument: 200, fallback: 270 })[20]?.ahtSource).toBe('argument');
  });
});
