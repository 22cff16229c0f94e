import { describe, expect, it } from 'vitest';
import { quietUntil } from './quiet-hours.js';

const NIGHT = [{ from: '21:00', to: '08:30' }];
const TZ = 'Asia/Shanghai';

describe('quietUntil (Asia/Shanghai = UTC+8)', () => {
  it('is null outside the quiet period', () => {
    expect(quietUntil(new Date('2026-03-02T04:00:00Z'), NIGHT, TZ)).toBeNull(); // 12:00 local
    expect(quietUntil(new Date('2026-03-02T00:30:00Z'), NIGHT, TZ)).toBeNull(); // 08:30 local: over
  });

  it('ends a period that spans midnight on the next morning', () => {
    // 22:15:30 local on 2 March → 08:30 local on 3 March = 00:30 UTC
    expect(quietUntil(new Date('2026-03-02T14:15:30Z'), NIGHT, TZ)?.toISOString()).toBe('2026-03-03T00:30:00.000Z');
    // 02:00 local → 08:30 the same morning
    expect(quietUntil(new Date('2026-03-02T18:00:00Z'), NIGHT, TZ)?.toISOString()).toBe('2026-03-03T00:30:00.000Z');
  });

  it('ends a daytime period on the same day and follows an adjoining one', () => {
    const lunch = [
      { from: '12:00', to: '13:00' },
      { from: '13:00', to: '13:30' },
    ];
    // 12:10 local → 13:30 local = 05:30 UTC
    expect(quietUntil(new Date('2026-03-02T04:10:00Z'), lunch, TZ)?.toISOString()).toBe('2026-03-02T05:30:00.000Z');
  });

  it('ignores an empty period (from = to)', () => {
    expect(quietUntil(new Date('2026-03-02T04:10:00Z'), [{ from: '10:00', to: '10:00' }], TZ)).toBeNull();
  });
});
