import { describe, expect, it } from 'vitest';
import { durationParts, formatDuration, needsNextReply, nextReplyState } from './nextReply';

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
