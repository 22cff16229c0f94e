import { describe, expect, it } from 'vitest';
import {
  attemptOutcome,
  deadlineClock,
  dueWords,
  parseView,
  rowTags,
  span,
  toOutcomeBody,
  viewQuery,
} from './callbackRules';

const now = new Date('2026-12-07T10:00:00+08:00').getTime();

describe('callback list views', () => {
  it('maps each view to the server filter, mine only, today by default', () => {
    expect(parseView(null)).toBe('today');
    expect(parseView('nonsense')).toBe('today');
    expect(parseView('done')).toBe('done');
    expect(viewQuery('today')).toEqual({ mine: 'true', page: 1, pageSize: 20, due: 'today' });
    expect(viewQuery('overdue', 2, 10)).toEqual({ mine: 'true', page: 2, pageSize: 10, due: 'overdue' });
    expect(viewQuery('unreached').status).toBe('unreached');
    expect(viewQuery('pending').status).toBe('pending');
    expect(viewQuery('done').status).toBe('done');
  });

  it('tags a row most urgent first', () => {
    expect(rowTags({ overdue: true, needsWriteUp: false, sourceKind: 'low_score', complaintTicketId: null })).toEqual([
      'overdue',
      'lowScore',
    ]);
    expect(rowTags({ overdue: false, needsWriteUp: true, sourceKind: 'milestone', complaintTicketId: 'x' })).toEqual([
      'writeUp',
      'complaint',
    ]);
    expect(rowTags({ overdue: false, needsWriteUp: false, sourceKind: 'ticket', complaintTicketId: null })).toEqual([]);
  });
});

describe('due and deadline words', () => {
  it('rounds to the largest unit, at least a minute', () => {
    expect(span(10_000)).toEqual({ count: 1, unit: 'minutes' });
    expect(span(-45 * 60_000)).toEqual({ count: 45, unit: 'minutes' });
    expect(span(90 * 60_000)).toEqual({ count: 2, unit: 'hours' });
    expect(span(50 * 3_600_000)).toEqual({ count: 2, unit: 'days' });
  });

  it('says whether the call is due already', () => {
    expect(dueWords('2026-12-07T12:00:00+08:00', now)).toEqual({ past: false, count: 2, unit: 'hours' });
    expect(dueWords('2026-12-07T09:00:00+08:00', now)).toEqual({ past: true, count: 1, unit: 'hours' });
  });

  it('runs the deadline clock only while the callback is open', () => {
    expect(deadlineClock('2026-12-10T00:00:00+08:00', 'pending', now)).toEqual({
      kind: 'left',
      count: 3,
      unit: 'days',
    });
    expect(deadlineClock('2026-12-07T08:00:00+08:00', 'unreached', now)).toEqual({
      kind: 'past',
      count: 2,
      unit: 'hours',
    });
    expect(deadlineClock('2026-12-07T08:00:00+08:00', 'done', now)).toEqual({ kind: 'none' });
    expect(deadlineClock(null, 'pending', now)).toEqual({ kind: 'none' });
  });
});

describe('the outcome form', () => {
  it('sends the record as entered, trimmed, so the server can name what is missing', () => {
    expect(
      toOutcomeBody({
        satisfaction: 4,
        opinion: '  很满意 ',
        staffRatings: [
          { role: 'photographer', name: ' 高远 ', score: 5 },
          { role: 'stylist', name: '  ', score: 3 },
        ],
      }),
    ).toEqual({
      satisfaction: 4,
      opinion: '很满意',
      staffRatings: [
        { role: 'photographer', name: '高远', score: 5 },
        { role: 'stylist', name: null, score: 3 },
      ],
    });
    expect(toOutcomeBody({})).toEqual({ satisfaction: 0, opinion: '', staffRatings: [] });
  });

  it('reads a try: retry at a time, unreached with the write-up due, or reached', () => {
    const base = { attempts: 1, reached: false, nextAttemptAt: null, writeUpDueAt: null };
    expect(attemptOutcome({ ...base, status: 'pending', nextAttemptAt: '2026-12-07T11:00:00Z' })).toEqual({
      kind: 'retry',
      at: '2026-12-07T11:00:00Z',
      attempts: 1,
    });
    expect(attemptOutcome({ ...base, status: 'unreached', writeUpDueAt: '2026-12-07T16:00:00Z' })).toEqual({
      kind: 'unreached',
      writeUpDueAt: '2026-12-07T16:00:00Z',
    });
    expect(attemptOutcome({ ...base, status: 'pending', reached: true })).toEqual({ kind: 'reached' });
  });
});
