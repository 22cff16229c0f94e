import { describe, expect, it } from 'vitest';
import { historyChanges, wordHistoryEntry } from './history.text.js';

describe('ticket history in words', () => {
  it('names transitions, known actions, and others without showing the code', () => {
    const row = (action: string, extra = {}) => ({ action, before: null, after: null, note: null, ...extra });
    expect(wordHistoryEntry('zh-CN', row('transition:close')).title).toBe('状态变更：总结关闭');
    expect(wordHistoryEntry('en', row('transition:close')).title).toBe('Status: Summarise and close');
    expect(wordHistoryEntry('en', row('linked', { after: { number: 'GD0000002' } })).title).toBe('Linked to GD0000002');
    expect(wordHistoryEntry('zh-CN', row('merged_into', { after: { targetNumber: 'GD7' } })).title).toBe(
      '被合并到工单 GD7',
    );
    expect(wordHistoryEntry('en', row('something_new')).title).toBe('Other change');
    expect(wordHistoryEntry('en', row('transition:explode')).title).toBe('Status: explode');
  });

  it('words assignment strategies (stored as `manual` or `assign:manual`), bulk, and keeps a person’s note', () => {
    const assigned = (note: string) => ({ action: 'assigned', before: null, after: null, note });
    expect(wordHistoryEntry('zh-CN', assigned('manual')).noteText).toBe('分派方式：指定处理人');
    expect(wordHistoryEntry('en', assigned('assign:round_robin')).noteText).toBe('Assignment: Round-robin');
    expect(wordHistoryEntry('en', { ...assigned('bulk'), action: 'updated' }).noteText).toBe('Bulk action');
    expect(wordHistoryEntry('en', { ...assigned('客户再次来电'), action: 'transition:reopen' }).noteText).toBe(
      '客户再次来电',
    );
  });

  it('lists changed fields with labels and human values, hiding bookkeeping', () => {
    const changes = historyChanges(
      'en',
      { status: 'received', priority: 'normal', version: 1, facts: { identity: false } },
      { status: 'investigating', priority: 'normal', version: 2, facts: { identity: true }, isMajor: true },
    );
    expect(changes.map(({ field, label, beforeText, afterText }) => ({ field, label, beforeText, afterText }))).toEqual(
      [
        { field: 'status', label: 'Status', beforeText: 'Received', afterText: 'Investigating' },
        {
          field: 'facts.identity',
          label: 'Customer identity and contact verified',
          beforeText: 'no',
          afterText: 'yes',
        },
        { field: 'isMajor', label: 'Major complaint', beforeText: '—', afterText: 'yes' },
      ],
    );
    const measure = historyChanges('zh-CN', { measureId: 'x', status: 'open' }, { measureId: 'x', status: 'done' });
    expect(measure).toEqual([
      expect.objectContaining({ field: 'status', label: '状态', beforeText: '待办', afterText: '已完成' }),
    ]);
    const ids = historyChanges('zh-CN', null, { assigneeId: 'aee3a5cd-af37-45cc-b092-9d1019c1ad81' });
    expect(ids[0]).toMatchObject({ label: '处理人', afterText: null });
  });

  it('words a wait and its automatic end', () => {
    const row = { action: 'waiting', before: { waitingOn: 'customer' }, after: { waitingOn: null }, note: 'auto' };
    expect(wordHistoryEntry('en', row)).toMatchObject({
      title: 'Waiting changed',
      noteText: 'The customer wrote: no longer waiting on them',
      changes: [{ field: 'waitingOn', label: 'Waiting on', beforeText: 'Waiting on the customer', afterText: '—' }],
    });
  });
});
