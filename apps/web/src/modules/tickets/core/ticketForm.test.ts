import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { factsRecord, newTicketParams, phoneDigits, pickContact, toCreateBody } from './ticketForm';

const base = {
  typeKey: 'complaint',
  channel: 'phone' as const,
  subject: ' 抢修人员迟到 ',
  description: '客户说约定上午九点上门，十一点仍未到。',
};

describe('new ticket form → create body', () => {
  it('sends a complaint with its facts, the promised next reply and the caller from the archive', () => {
    const at = dayjs('2026-03-11T09:00:00.000Z');
    const body = toCreateBody(
      {
        ...base,
        customerId: 'c1',
        contactId: 'k1',
        facts: ['identity', 'demand'],
        isMajor: true,
        nextReplyAt: at,
        assign: 'me',
      },
      { isComplaint: true, meId: 'u1' },
    );
    expect(body).toMatchObject({
      typeKey: 'complaint',
      channel: 'phone',
      subject: '抢修人员迟到',
      customerId: 'c1',
      contactId: 'k1',
      isMajor: true,
      nextReplyAt: '2026-03-11T09:00:00.000Z',
      assign: 'manual',
      assigneeId: 'u1',
    });
    expect(body.facts).toEqual({
      identity: true,
      time_place: false,
      product_order: false,
      details: false,
      demand: true,
    });
    expect(body.resolvedAtFirstContact).toBeUndefined();
  });

  it('leaves the next reply unset when none is given (the server then refuses a complaint)', () => {
    const body = toCreateBody(
      { ...base, caller: 'unknown', contactName: ' 王先生 ', contactPhone: '13800000000' },
      {
        isComplaint: true,
      },
    );
    expect(body.nextReplyAt).toBeUndefined();
    expect(body).toMatchObject({ contactName: '王先生', contactPhone: '13800000000', assign: 'none' });
    expect(body.customerId).toBeUndefined();
  });

  it('sends process and result instead of a next reply when resolved in this contact', () => {
    const body = toCreateBody(
      { ...base, resolvedNow: true, process: ' 已致歉并改约 ', result: '今天下午两点上门', nextReplyAt: dayjs() },
      { isComplaint: true },
    );
    expect(body.resolvedAtFirstContact).toEqual({ process: '已致歉并改约', result: '今天下午两点上门' });
    expect(body.nextReplyAt).toBeUndefined();
  });

  it('never marks a non-complaint major and sends no facts for it', () => {
    const body = toCreateBody(
      { ...base, typeKey: 'consultation', isMajor: true, facts: ['identity'] },
      {
        isComplaint: false,
      },
    );
    expect(body.isMajor).toBe(false);
    expect(body.facts).toBeUndefined();
  });

  it('assigns manually, automatically or not at all', () => {
    expect(toCreateBody({ ...base, assign: 'manual', assigneeId: 'u9' }, { isComplaint: false })).toMatchObject({
      assign: 'manual',
      assigneeId: 'u9',
    });
    const rr = toCreateBody({ ...base, assign: 'round_robin', assigneeId: 'u9' }, { isComplaint: false });
    expect(rr.assign).toBe('round_robin');
    expect(rr.assigneeId).toBeUndefined();
    expect(toCreateBody({ ...base, assign: 'me' }, { isComplaint: false }).assign).toBe('none');
  });

  it('de-duplicates tags and passes the override reason', () => {
    const body = toCreateBody(
      { ...base, tags: ['停电', ' 停电', ''], forbiddenOverrideReason: ' 客户原话 ' },
      {
        isComplaint: false,
      },
    );
    expect(body.tags).toEqual(['停电']);
    expect(body.forbiddenOverrideReason).toBe('客户原话');
    expect(factsRecord(undefined)).toEqual({
      identity: false,
      time_place: false,
      product_order: false,
      details: false,
      demand: false,
    });
  });
});

describe('new-ticket pre-fill', () => {
  const contacts = [
    { id: 'a', mobile: '13900000001', phone: null, isPrimary: false },
    { id: 'b', mobile: null, phone: '021-62345678', isPrimary: true },
  ];
  it('picks the caller’s contact by number (+86 ignored), else the primary, else the first', () => {
    expect(phoneDigits('+86 139-0000-0001')).toBe('13900000001');
    expect(pickContact(contacts, '+8613900000001')).toBe('a');
    expect(pickContact(contacts, '02162345678')).toBe('b');
    expect(pickContact(contacts, '13700000000')).toBe('b');
    expect(pickContact(contacts)).toBe('b');
    expect(pickContact([{ id: 'x' }])).toBe('x');
    expect(pickContact([])).toBeUndefined();
  });
  it('reads the address: a customer id, an incoming call’s number and channel; drops what is not one', () => {
    const channels = ['phone', 'email'] as const;
    const id = '0b9f1c8e-1111-4222-8333-444455556666';
    expect(newTicketParams(new URLSearchParams(`customerId=${id}`), channels)).toEqual({ customerId: id });
    expect(newTicketParams(new URLSearchParams('phone=13802900701&channel=phone'), channels)).toEqual({
      phone: '13802900701',
      channel: 'phone',
    });
    expect(newTicketParams(new URLSearchParams('customerId=x&phone=12&channel=fax'), channels)).toEqual({});
  });
});
