import { describe, expect, it } from 'vitest';
import { historyAction, historyChanges, historyNote, isUuid } from './historyFormat';

describe('ticket history entries', () => {
  it('names transitions, known actions and leaves others as written', () => {
    expect(historyAction('transition:close')).toEqual({ kind: 'transition', action: 'close' });
    expect(historyAction('next_reply_promised')).toEqual({ kind: 'known', key: 'next_reply_promised' });
    expect(historyAction('transition:explode')).toEqual({ kind: 'other', raw: 'transition:explode' });
    expect(historyAction('something_new')).toEqual({ kind: 'other', raw: 'something_new' });
  });

  it('lists what changed, before and after', () => {
    expect(
      historyChanges(
        { status: 'received', priority: 'normal', version: 1 },
        { status: 'investigating', priority: 'normal', version: 2, classifiedAt: '2026-03-10T08:00:00.000Z' },
      ),
    ).toEqual([
      { field: 'status', before: 'received', after: 'investigating' },
      { field: 'classifiedAt', before: null, after: '2026-03-10T08:00:00.000Z' },
    ]);
    expect(historyChanges(null, { subject: '停电' })).toEqual([{ field: 'subject', before: null, after: '停电' }]);
  });
});

describe('history notes and ids', () => {
  it('reads an assignment strategy note and keeps other notes as written', () => {
    expect(historyNote('assign:round_robin')).toEqual({ kind: 'assign', strategy: 'round_robin' });
    expect(historyNote('客户再次来电')).toEqual({ kind: 'text', text: '客户再次来电' });
    expect(historyNote(null)).toBeNull();
  });

  it('hides bookkeeping and recognises ids', () => {
    expect(historyChanges(null, { measureId: 'x', title: '整改' })).toEqual([
      { field: 'title', before: null, after: '整改' },
    ]);
    expect(isUuid('aee3a5cd-af37-45cc-b092-9d1019c1ad81')).toBe(true);
    expect(isUuid('complaint')).toBe(false);
  });
});
