import { describe, expect, it } from 'vitest';
import { dueLabel } from './dueLabel';

describe('due column words', () => {
  const now = Date.parse('2026-12-07T08:00:00Z');
  const at = (ms: number) => new Date(now + ms).toISOString();
  const H = 3_600_000;

  it('rounds to the largest unit, ahead or overdue', () => {
    expect(dueLabel(at(2 * H), false, now)).toEqual({ kind: 'in', count: 2, unit: 'hours' });
    expect(dueLabel(at(20 * 60_000), false, now)).toEqual({ kind: 'in', count: 20, unit: 'minutes' });
    expect(dueLabel(at(3 * 24 * H), false, now)).toEqual({ kind: 'in', count: 3, unit: 'days' });
    expect(dueLabel(at(-90 * 60_000), true, now)).toEqual({ kind: 'overdue', count: 2, unit: 'hours' });
    expect(dueLabel(at(10_000), false, now)).toEqual({ kind: 'in', count: 1, unit: 'minutes' });
  });

  it('a breached time limit is overdue although its due time is ahead; no due time: none', () => {
    expect(dueLabel(at(5 * H), true, now)).toEqual({ kind: 'breached' });
    expect(dueLabel(null, true, now)).toEqual({ kind: 'breached' });
    expect(dueLabel(null, false, now)).toEqual({ kind: 'none' });
  });
});
