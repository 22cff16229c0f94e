import { describe, expect, it } from 'vitest';
import {
  csvHeaders,
  formatPercent,
  formatTarget,
  IMPORT_POLL_MS,
  importPercent,
  importPollInterval,
  periodInstants,
  ragOf,
  targetOf,
  trendBucket,
} from './callKpis';
import { callFixture, settingsFixture } from './fixtures';
import { formatClock, liveQueue } from './wallboard';

describe('the red/amber/green rule', () => {
  it('marks a rate against its minimum: green at or above, amber within 10 % of the target, red below', () => {
    const target = { min: 0.8 };
    expect(ragOf(0.8, target)).toBe('green');
    expect(ragOf(0.95, target)).toBe('green');
    expect(ragOf(0.72, target)).toBe('amber');
    expect(ragOf(0.7199, target)).toBe('red');
    expect(ragOf(0.5, target)).toBe('red');
  });

  it('marks a wait against its maximum, and a range by the bound it misses', () => {
    expect(ragOf(20, { max: 20 })).toBe('green');
    expect(ragOf(22, { max: 20 })).toBe('amber');
    expect(ragOf(22.5, { max: 20 })).toBe('red');
    const aht = { min: 210, max: 330 };
    expect(ragOf(250, aht)).toBe('green');
    expect(ragOf(190, aht)).toBe('amber');
    expect(ragOf(180, aht)).toBe('red');
    expect(ragOf(360, aht)).toBe('amber');
    expect(ragOf(370, aht)).toBe('red');
  });

  it('gives no mark without a value (denominator 0) or without a target', () => {
    expect(ragOf(null, { min: 0.8 })).toBeUndefined();
    expect(ragOf(0.5, undefined)).toBeUndefined();
    expect(ragOf(0.5, {})).toBeUndefined();
  });

  it('takes the targets from the call settings, the outbound answer rate for outbound calls', () => {
    expect(targetOf('serviceLevelOffered', settingsFixture)).toEqual({ min: 0.8 });
    expect(targetOf('answerRate', settingsFixture)).toEqual({ min: 0.8 });
    expect(targetOf('answerRate', settingsFixture, 'outbound')).toEqual({ min: 0.6 });
    expect(targetOf('avgWaitAnsweredSeconds', settingsFixture)).toEqual({ max: 20 });
    expect(targetOf('avgHandlingSeconds', settingsFixture)).toEqual({ min: 210, max: 330 });
    expect(targetOf('avgRings', settingsFixture)).toEqual({ min: 2, max: 3 });
    expect(targetOf('abandonRate', settingsFixture)).toBeUndefined();
    expect(formatTarget('serviceLevelOffered', { min: 0.8 })).toBe('≥ 80.0%');
    expect(formatTarget('avgWaitAnsweredSeconds', { max: 20 })).toBe('≤ 20');
    expect(formatTarget('avgHandlingSeconds', { min: 210, max: 330 })).toBe('210–330');
  });
});

describe('figures and periods', () => {
  it('formats ratios, "—" for a null', () => {
    expect(formatPercent(0.8234)).toBe('82.3%');
    expect(formatPercent(null)).toBe('—');
  });

  it('turns the picker days into [from, to) instants', () => {
    const { from, to } = periodInstants({ from: '2026-12-01', to: '2026-12-07' });
    expect(new Date(from).getTime()).toBe(new Date(2026, 11, 1).getTime());
    expect(new Date(to).getTime()).toBe(new Date(2026, 11, 8).getTime());
  });

  it('buckets the trend by day, week or month after the length of the period', () => {
    expect(trendBucket({ from: '2026-12-01', to: '2026-12-31' })).toBe('day');
    expect(trendBucket({ from: '2026-07-01', to: '2026-12-31' })).toBe('week');
    expect(trendBucket({ from: '2026-01-01', to: '2026-12-31' })).toBe('month');
  });
});

describe('the import flow', () => {
  it('polls every second while the import is queued or running, then stops', () => {
    expect(importPollInterval({ status: 'queued' })).toBe(IMPORT_POLL_MS);
    expect(importPollInterval({ status: 'running' })).toBe(IMPORT_POLL_MS);
    expect(importPollInterval({ status: 'done' })).toBe(false);
    expect(importPollInterval({ status: 'failed' })).toBe(false);
    expect(importPollInterval(undefined)).toBe(false);
  });

  it('shows the progress in whole percent, 100 when done', () => {
    expect(importPercent({ status: 'running', progress: 0.426 })).toBe(42);
    expect(importPercent({ status: 'done', progress: 0.99 })).toBe(100);
    expect(importPercent({ status: 'queued', progress: 0 })).toBe(0);
  });

  it('reads the CSV headers after the delimiter the server detects', () => {
    expect(csvHeaders('\uFEFF"id","queue",time,result\r\n1,a,b,c')).toEqual(['id', 'queue', 'time', 'result']);
    expect(csvHeaders('id;queue;time')).toEqual(['id', 'queue', 'time']);
    expect(csvHeaders('呼叫ID\t队列\t时间')).toEqual(['呼叫ID', '队列', '时间']);
  });
});

describe('the live queue of the wall board', () => {
  const now = new Date('2026-12-07T10:05:00.000Z').getTime();
  it('counts live waiting calls, the longest wait and the agents on a call', () => {
    const calls = [
      callFixture({ id: 'a', enteredAt: '2026-12-07T10:03:00.000Z' }),
      callFixture({ id: 'b', enteredAt: '2026-12-07T10:04:30.000Z' }),
      callFixture({ id: 'c', outcome: 'answered', connectedAt: '2026-12-07T10:01:00.000Z', agent: 'PJSIP/8001' }),
      callFixture({ id: 'd', outcome: 'answered', connectedAt: '2026-12-07T10:02:00.000Z', agent: 'PJSIP/8001' }),
      // Ended, or imported from a file: not live.
      callFixture({ id: 'e', outcome: 'abandoned', endedAt: '2026-12-07T10:02:00.000Z' }),
      callFixture({ id: 'f', source: 'asterisk-queue-log', enteredAt: '2026-12-07T08:00:00.000Z' }),
    ];
    expect(liveQueue(calls, now)).toEqual({ waiting: 2, longestWaitSeconds: 120, agentsOnCall: 1 });
    expect(liveQueue([], now)).toEqual({ waiting: 0, longestWaitSeconds: null, agentsOnCall: 0 });
    expect(formatClock(125)).toBe('2:05');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(null)).toBe('—');
  });
});
