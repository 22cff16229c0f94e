import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { durationParts, formatDuration, needsNextReply, nextReplyState, presetTimes } from './nextReply';

const now = Date.parse('2026-03-10T08:00:00.000Z');
const unit = (name: string, count: number) => `${count}${name[0]}`;

describe('next-reply countdown', () => {
  it('is due, overdue, missing or no longer relevant', () => {
    expect(nextReplyState('2026-03-10T10:30:00.000Z', true, now)).toEqual({ kind: 'due', ms: 2.5 * 3600_000 });
    expect(nextReplyState('2026-03-10T07:00:00.000Z', true, now)).toEqual({ kind: 'overdue', ms: 3600_000 });
    expect(nextReplyState(null, true, now)).toEqual({ kind: 'none' });
    expect(nextReplyState('2026-03-10T07:00:00.000Z', false, now)).toEqual({ kind: 'done' });
  });

  it('reads as the two largest units', () => {
    expect(durationParts(26 * 3600_000 + 5 * 60_000)).toEqual({ days: 1, hours: 2, minutes: 5 });
    expect(formatDuration(26 * 3600_000 + 5 * 60_000, unit)).toBe('1d 2h');
    expect(formatDuration(2 * 3600_000, unit)).toBe('2h');
    expect(formatDuration(90 * 60_000, unit)).toBe('1h 30m');
    expect(formatDuration(20_000, unit)).toBe('1m');
    expect(formatDuration(0, unit)).toBe('0m');
  });

  it('is required for a complaint not resolved in this contact only', () => {
    expect(needsNextReply(true, false)).toBe(true);
    expect(needsNextReply(true, true)).toBe(false);
    expect(needsNextReply(false, false)).toBe(false);
  });
});

describe('next-reply presets', () => {
  const fmt = (d: dayjs.Dayjs | null) => d?.format('YYYY-MM-DD HH:mm') ?? null;
  it('two hours later, today 17:30 while it is ahead, tomorrow 10:00 — whole minutes, local time', () => {
    const times = presetTimes(dayjs('2026-03-10T09:15:42'));
    expect(fmt(times.in2h)).toBe('2026-03-10 11:15');
    expect(times.in2h?.second()).toBe(0);
    expect(fmt(times.today1730)).toBe('2026-03-10 17:30');
    expect(fmt(times.tomorrow10)).toBe('2026-03-11 10:00');
  });
  it('drops today 17:30 once it has passed; tomorrow crosses the month', () => {
    const times = presetTimes(dayjs('2026-03-31T17:30:00'));
    expect(times.today1730).toBeNull();
    expect(fmt(times.in2h)).toBe('2026-03-31 19:30');
    expect(fmt(times.tomorrow10)).toBe('2026-04-01 10:00');
  });
});
