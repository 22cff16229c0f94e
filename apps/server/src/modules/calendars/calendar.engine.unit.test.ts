import { describe, expect, it } from 'vitest';
import { type CalendarSpec, CompiledCalendar, type DayOverride, dayKey, dayNumber } from './calendar.engine.js';

const H = 60;
const NINE_TO_SIX: [number, number][] = [[9 * H, 18 * H]];
const LUNCH: [number, number][] = [
  [8 * H + 30, 12 * H],
  [13 * H + 30, 17 * H + 30],
];

/** Spring Festival 2024 (国办发明电〔2023〕7号): 2-10 … 2-17 off; Sunday 2-4 and Sunday 2-18 work. */
const OVERRIDES: DayOverride[] = [
  ...[
    '2024-02-10',
    '2024-02-11',
    '2024-02-12',
    '2024-02-13',
    '2024-02-14',
    '2024-02-15',
    '2024-02-16',
    '2024-02-17',
  ].map((date) => ({ date, kind: 'off' as const, name: '春节' })),
  { date: '2024-02-04', kind: 'work', name: '春节调休' },
  { date: '2024-02-18', kind: 'work', name: '春节调休' },
  // National Day 2024: 10-1 … 10-7 off; Sunday 9-29 and Saturday 10-12 work.
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2024-10-0${d}`, kind: 'off' as const, name: '国庆节' })),
  { date: '2024-09-29', kind: 'work', name: '国庆节调休' },
  { date: '2024-10-12', kind: 'work', name: '国庆节调休' },
];

function spec(periods: [number, number][], overrides: DayOverride[] = OVERRIDES): CalendarSpec {
  return {
    timeZone: 'Asia/Shanghai',
    weekly: [[], periods, periods, periods, periods, periods, []],
    workday: periods,
    overrides,
    fromYear: 2023,
    toYear: 2025,
  };
}

const at = (local: string) => Date.parse(`${local}+08:00`);
const iso = (instant: number) => new Date(instant + 8 * 3600_000).toISOString().slice(0, 16);

describe('business calendar (Asia/Shanghai, 调休)', () => {
  const cal = new CompiledCalendar(spec(NINE_TO_SIX));

  it('counts within a day and ends exactly at the end of a period, not the next morning', () => {
    expect(iso(cal.due(at('2024-03-04T09:00'), 60))).toBe('2024-03-04T10:00');
    expect(iso(cal.due(at('2024-03-04T17:00'), 60))).toBe('2024-03-04T18:00');
    expect(iso(cal.due(at('2024-03-04T17:00'), 61))).toBe('2024-03-05T09:01');
  });

  it('starts outside working time count from the next working instant', () => {
    expect(iso(cal.due(at('2024-03-04T07:13'), 30))).toBe('2024-03-04T09:30');
    expect(iso(cal.due(at('2024-03-08T20:00'), 30))).toBe('2024-03-11T09:30'); // Friday night → Monday
    expect(iso(cal.due(at('2024-03-09T10:00'), 0))).toBe('2024-03-11T09:00');
  });

  it('skips the Spring Festival and works the make-up Sundays', () => {
    // Friday 2-9 17:00 + 2 h: the 8 days off, then Sunday 2-18 is a make-up working day.
    expect(iso(cal.due(at('2024-02-09T17:00'), 120))).toBe('2024-02-18T10:00');
    // Saturday 2-3 is a weekend; Sunday 2-4 works.
    expect(iso(cal.due(at('2024-02-03T12:00'), 60))).toBe('2024-02-04T10:00');
    expect(cal.dayKind('2024-02-04')).toEqual({ kind: 'makeup', name: '春节调休' });
    expect(cal.dayKind('2024-02-12')).toEqual({ kind: 'holiday', name: '春节' });
    expect(cal.dayKind('2024-02-24').kind).toBe('weekend');
  });

  it('a start on a holiday counts from the first working day after it', () => {
    expect(iso(cal.due(at('2024-10-03T11:00'), 9 * 60))).toBe('2024-10-08T18:00');
  });

  it('spans several holidays (15 working days from late September 2024)', () => {
    // Mon 9-23 09:00 + 15 × 9 h: 9-23…9-27 (5), Sun 9-29 (1), 9-30 (1), 10-8…10-11 (4), Sat 10-12 (1), 10-14…10-16 (3).
    expect(iso(cal.due(at('2024-09-23T09:00'), 15 * 9 * 60))).toBe('2024-10-16T18:00');
    expect(cal.elapsed(at('2024-09-23T09:00'), at('2024-10-16T18:00'))).toBe(15 * 9 * 60);
  });

  it('honours a lunch break', () => {
    const lunch = new CompiledCalendar(spec(LUNCH));
    expect(iso(lunch.due(at('2024-03-04T11:30'), 60))).toBe('2024-03-04T14:00');
    expect(iso(lunch.due(at('2024-03-04T12:10'), 30))).toBe('2024-03-04T14:00');
    expect(iso(lunch.due(at('2024-03-04T11:00'), 60))).toBe('2024-03-04T12:00');
    expect(lunch.elapsed(at('2024-03-04T08:00'), at('2024-03-04T20:00'))).toBe(7 * 60 + 30);
  });

  it('elapsed is negative backwards and zero inside a closed stretch', () => {
    expect(cal.elapsed(at('2024-03-04T10:00'), at('2024-03-04T09:00'))).toBe(-60);
    expect(cal.elapsed(at('2024-02-10T09:00'), at('2024-02-17T23:00'))).toBe(0);
  });

  it('refuses instants outside the compiled years', () => {
    expect(() => cal.due(at('2031-01-01T09:00'), 10)).toThrow(/outside/);
  });

  it('a zone with daylight saving time keeps wall-clock periods', () => {
    const berlin = new CompiledCalendar({ ...spec(NINE_TO_SIX, []), timeZone: 'Europe/Berlin' });
    // Friday 2024-03-29 17:00 CET + 2 h → Monday 2024-04-01 10:00 CEST (the clocks moved on Sunday).
    expect(new Date(berlin.due(Date.parse('2024-03-29T16:00:00Z'), 120)).toISOString()).toBe(
      '2024-04-01T08:00:00.000Z',
    );
  });
});

/** xorshift32: reproducible random cases. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** The reference: step minute by minute through local wall time (fixed +08:00 zone, no DST). */
function referenceDue(calSpec: CalendarSpec, start: number, minutes: number): number {
  const overrides = new Map(calSpec.overrides.map((o) => [o.date, o]));
  const byDay = new Map<number, readonly (readonly [number, number])[]>();
  const periodsOf = (day: number) => {
    let periods = byDay.get(day);
    if (!periods) {
      const o = overrides.get(dayKey(day));
      periods =
        o?.kind === 'off'
          ? []
          : o?.kind === 'work'
            ? calSpec.workday
            : (calSpec.weekly[new Date(day * 86_400_000).getUTCDay()] ?? []);
      byDay.set(day, periods);
    }
    return periods;
  };
  const working = (t: number) => {
    const local = t + 8 * 3600_000;
    const day = Math.floor(local / 86_400_000);
    const minute = Math.floor((local - day * 86_400_000) / 60_000);
    return periodsOf(day).some(([s, e]) => minute >= s && minute < e);
  };
  let t = start;
  if (minutes === 0) {
    while (!working(t)) t += 60_000;
    return t;
  }
  let left = minutes;
  for (;;) {
    if (working(t)) left -= 1;
    t += 60_000;
    if (left === 0) return t;
  }
}

describe('business calendar properties', () => {
  const calSpec = spec(LUNCH);
  const cal = new CompiledCalendar(calSpec);
  const first = dayNumber('2023-06-01') * 86_400_000 - 8 * 3600_000;
  const span = (dayNumber('2025-06-01') - dayNumber('2023-06-01')) * 1440;

  it('elapsed(start, due(start, n)) == n for random starts and durations', () => {
    const next = random(42);
    for (let i = 0; i < 20_000; i += 1) {
      const start = first + Math.floor(next() * span) * 60_000 + Math.floor(next() * 60_000);
      const minutes = Math.floor(next() * 20_000);
      expect(cal.elapsed(start, cal.due(start, minutes))).toBeCloseTo(minutes, 9);
    }
  });

  it('equals a minute-stepping reference on 100,000 random cases', () => {
    const next = random(7);
    let mismatches = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const start = first + Math.floor(next() * span) * 60_000;
      const minutes = Math.floor(next() * next() * 1_500);
      if (cal.due(start, minutes) !== referenceDue(calSpec, start, minutes)) mismatches += 1;
    }
    expect(mismatches).toBe(0);
  }, 120_000);
});
