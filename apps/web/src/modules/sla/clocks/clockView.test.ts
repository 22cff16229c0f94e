import { describe, expect, it } from 'vitest';
import {
  clockTone,
  elapsedPercent,
  escalationTargets,
  explainDefault,
  formatMinutes,
  groupByMetric,
  laddered,
  remainingText,
  skippedLevels,
  stateKey,
  warnPercents,
} from './clockView';
import { clock, LADDER, NOW, WARN_AT } from './fixtures';
import { formatDay, formatInstant, formatTimeOfDay } from './formatTime';

const zh = (unit: string, count: number) => `${count}${{ days: '天', hours: '小时', minutes: '分' }[unit]}`;
const now = NOW.getTime();

describe('clock wording', () => {
  it('formats minutes as the two largest units; business time without days', () => {
    expect(formatMinutes(200, zh, false)).toBe('3小时 20分');
    expect(formatMinutes(1560, zh, true)).toBe('1天 2小时');
    expect(formatMinutes(1560, zh, false)).toBe('26小时');
    expect(formatMinutes(1441, zh, true)).toBe('1天');
    expect(formatMinutes(0, zh, true)).toBe('0分');
    expect(formatMinutes(0.2, zh, true)).toBe('1分');
    expect(formatMinutes(-90, zh, true)).toBe('1小时 30分');
  });

  it('words remaining, paused, overdue and done clocks', () => {
    expect(remainingText(clock(), now)).toEqual({ key: 'remaining.business', minutes: 200, withDays: false });
    expect(remainingText(clock({ timeBasis: 'calendar' }), now)).toEqual({
      key: 'remaining.calendar',
      minutes: 200,
      withDays: true,
    });
    expect(remainingText(clock({ state: 'paused', dueAt: null, remainingMinutes: 90 }), now)).toEqual({
      key: 'remaining.pausedBusiness',
      minutes: 90,
      withDays: false,
    });
    // Overdue: wall-clock time since the due time, whatever the basis.
    expect(remainingText(clock({ state: 'breached', dueAt: '2026-10-08T04:00:00.000Z' }), now)).toEqual({
      key: 'remaining.overdue',
      minutes: 1560,
      withDays: true,
    });
    // Still "running" in a cached answer but past due: overdue too.
    expect(remainingText(clock({ dueAt: '2026-10-09T05:00:00.000Z', remainingMinutes: 0 }), now)?.key).toBe(
      'remaining.overdue',
    );
    expect(
      remainingText(
        clock({ state: 'breached', dueAt: '2026-10-08T04:00:00.000Z', stoppedAt: '2026-10-08T05:30:00.000Z' }),
        now,
      ),
    ).toEqual({ key: 'remaining.lateBy', minutes: 90, withDays: true });
    expect(remainingText(clock({ state: 'met', stoppedAt: '2026-10-08T03:00:00.000Z' }), now)).toEqual({
      key: 'remaining.metAt',
      at: '2026-10-08T03:00:00.000Z',
    });
    expect(remainingText(clock({ state: 'cancelled' }), now)).toBeNull();
  });

  it('colours: orange past the first warning, red when overdue, grey while paused', () => {
    expect(clockTone(clock({ remainingMinutes: 900 }), now, WARN_AT)).toBe('normal');
    expect(elapsedPercent(clock({ remainingMinutes: 480 }))).toBe(50);
    expect(clockTone(clock({ remainingMinutes: 480 }), now, WARN_AT)).toBe('warning');
    // Without the policy's thresholds: from 75 %.
    expect(clockTone(clock({ remainingMinutes: 480 }), now)).toBe('normal');
    expect(clockTone(clock({ remainingMinutes: 200 }), now)).toBe('warning');
    // A warning that fired (the API lists fired ones) colours it whatever the share.
    expect(
      clockTone(
        clock({ remainingMinutes: 900, warnings: [{ percent: 50, firedAt: NOW.toISOString(), late: false }] }),
        now,
      ),
    ).toBe('warning');
    expect(
      warnPercents(clock({ warnings: [{ percent: 100, firedAt: NOW.toISOString(), late: false }] }), [90, 50]),
    ).toEqual([50, 90]);
    expect(clockTone(clock({ state: 'breached' }), now)).toBe('danger');
    expect(clockTone(clock({ dueAt: '2026-10-09T05:00:00.000Z' }), now)).toBe('danger');
    expect(clockTone(clock({ state: 'paused' }), now)).toBe('paused');
    expect(stateKey(clock({ state: 'paused' }), 'customer', 'paused')).toBe('state.pausedCustomer');
    expect(stateKey(clock({ state: 'paused' }), null, 'paused')).toBe('state.pausedFeedback');
  });

  it('shows the latest cycle per metric and opens explain on an open business clock', () => {
    const clocks = [
      clock({ id: 'n1', metric: 'next_reply', cycle: 1, state: 'met', stoppedAt: NOW.toISOString() }),
      clock({ id: 'n2', metric: 'next_reply', cycle: 2, timeBasis: 'calendar', dueAt: '2026-10-09T07:00:00.000Z' }),
      clock({ id: 'r', metric: 'resolution' }),
      clock({ id: 'f', metric: 'first_response', state: 'met', stoppedAt: NOW.toISOString() }),
    ];
    const groups = groupByMetric(clocks);
    expect(groups.map((g) => [g.metric, g.current.id, g.earlier.map((c) => c.id)])).toEqual([
      ['first_response', 'f', []],
      ['next_reply', 'n2', ['n1']],
      ['resolution', 'r', []],
    ]);
    expect(explainDefault(clocks)?.id).toBe('r');
    expect(explainDefault(clocks.filter((c) => c.id === 'f'))?.id).toBe('f');
  });

  it('escalates above the current level; levels jumped over need a reason', () => {
    const c = clock({
      ladder: {
        ...LADDER,
        position: 1,
        levels: [...LADDER.levels, { ...(LADDER.levels[2] as (typeof LADDER.levels)[number]), level: 4 }],
      },
    });
    expect(escalationTargets(c)).toEqual([2, 3, 4]);
    expect(skippedLevels(c, 2)).toEqual([]);
    expect(skippedLevels(c, 4)).toEqual([2, 3]);
    expect(laddered([clock({ id: 'a', metric: 'first_response', ladder: null }), c]).map((x) => x.id)).toEqual([c.id]);
  });

  it('formats instants in the reader’s language with the weekday', () => {
    expect(formatInstant('2026-10-10T06:00:00.000Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年10月10日周六 14:00');
    expect(formatInstant('2026-10-10T06:00:00.000Z', 'en', 'Asia/Shanghai')).toBe('Sat, Oct 10, 2026, 14:00');
    expect(formatTimeOfDay('2026-10-10T01:00:00.000Z', 'zh-CN', 'Asia/Shanghai')).toBe('09:00');
    expect(formatDay('2026-10-10', 'zh-CN')).toBe('2026年10月10日周六');
  });
});
