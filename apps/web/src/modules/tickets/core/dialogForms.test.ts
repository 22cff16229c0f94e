import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { editBody, transitionBody, valuesOf } from './dialogForms';
import type { Ticket } from './types';

describe('transition dialogs → request bodies', () => {
  it('resolve sends process and result (and first contact when ticked)', () => {
    expect(transitionBody('resolve', 4, { process: ' 更换电表 ', result: '已恢复供电', firstContact: true })).toEqual({
      version: 4,
      action: 'resolve',
      process: '更换电表',
      result: '已恢复供电',
      firstContact: true,
    });
  });

  it('feedback maps yes / no / could not be reached', () => {
    expect(transitionBody('feedback', 5, { satisfied: 'yes' }).satisfied).toBe(true);
    expect(transitionBody('feedback', 5, { satisfied: 'no', note: ' 仍不满意 ' })).toMatchObject({
      satisfied: false,
      note: '仍不满意',
    });
    expect(transitionBody('feedback', 5, { satisfied: 'unreachable' }).satisfied).toBeNull();
  });

  it('close sends the root cause and summary; reopen the reason and a new promise', () => {
    expect(
      transitionBody('close', 6, { rootCauseKey: 'process', rootCause: '派单遗漏', summary: '已整改', process: 'x' }),
    ).toEqual({ version: 6, action: 'close', rootCauseKey: 'process', rootCause: '派单遗漏', summary: '已整改' });
    const at = dayjs('2026-03-12T02:00:00.000Z');
    expect(transitionBody('reopen', 7, { note: '客户再次来电', nextReplyAt: at })).toEqual({
      version: 7,
      action: 'reopen',
      note: '客户再次来电',
      nextReplyAt: '2026-03-12T02:00:00.000Z',
    });
    expect(transitionBody('start', 1, { note: 'ignored' })).toEqual({ version: 1, action: 'start' });
  });

  it('passes the reason for sending a forbidden phrase anyway', () => {
    expect(
      transitionBody('resolve', 2, { process: 'a', result: 'b', forbiddenOverrideReason: ' 客户原话 ' }),
    ).toMatchObject({
      forbiddenOverrideReason: '客户原话',
    });
  });
});

describe('edit drawer → PATCH body', () => {
  const ticket = {
    version: 3,
    typeKey: 'complaint',
    channel: 'phone',
    priority: 'normal',
    subject: '停电',
    description: '整栋楼停电',
    tags: ['停电'],
    isMajor: false,
    nextReplyAt: '2026-03-11T09:00:00.000Z',
  } as Ticket;

  it('sends only changed fields with the version read', () => {
    const values = { ...valuesOf(ticket), priority: 'urgent' as const, subject: ' 停电 ' };
    expect(editBody(ticket, values)).toEqual({ priority: 'urgent', version: 3 });
  });

  it('treats the same minute as unchanged and a new time as changed', () => {
    const same = { ...valuesOf(ticket), nextReplyAt: dayjs('2026-03-11T09:00:30.000Z') };
    expect(editBody(ticket, same)).toEqual({ version: 3 });
    const later = { ...valuesOf(ticket), nextReplyAt: dayjs('2026-03-11T10:00:00.000Z') };
    expect(editBody(ticket, later)).toEqual({ nextReplyAt: '2026-03-11T10:00:00.000Z', version: 3 });
  });
});
