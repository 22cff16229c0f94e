import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { dateRange, queueFrom, toTicketFilters, toTicketQuery } from './ticketQuery';

describe('ticket queue query', () => {
  it('maps the search form to the API’s filters and drops empty values', () => {
    expect(
      toTicketFilters({
        q: '  停电 投诉 ',
        status: ['investigating', 'received', 'bogus'],
        priority: 'urgent',
        channel: 'phone',
        typeKey: 'complaint',
        assigneeId: '',
        tag: '  ',
        complaint: 'true',
        major: true,
        replyOverdue: 'false',
        open: 'maybe',
        unknownKey: 'x',
      }),
    ).toEqual({
      q: '停电 投诉',
      status: 'received,investigating',
      priority: 'urgent',
      channel: 'phone',
      typeKey: 'complaint',
      complaint: 'true',
      major: 'true',
      replyOverdue: 'false',
    });
  });

  it('ignores unknown channels and empty multi-selects', () => {
    expect(toTicketFilters({ channel: 'fax', status: [], priority: ['nope'] })).toEqual({});
  });

  it('turns the created range into inclusive dates (strings or dayjs)', () => {
    expect(dateRange(['2026-03-01', '2026-03-31'])).toEqual({ createdFrom: '2026-03-01', createdTo: '2026-03-31' });
    expect(dateRange([dayjs('2026-03-05T23:30:00'), null])).toEqual({ createdFrom: '2026-03-05' });
    expect(dateRange('2026-03-01')).toEqual({});
  });

  it('builds the list query with paging, sort, queue and filters', () => {
    expect(
      toTicketQuery({ current: 3, pageSize: 50, keyword: 'toolbar', q: '发票' }, { nextReplyAt: 'ascend' }, 'team'),
    ).toEqual({ page: 3, pageSize: 50, queue: 'team', sort: 'nextReplyAt', q: '发票' });
    expect(toTicketQuery({}, { createdAt: 'descend' }, 'all')).toEqual({
      page: 1,
      pageSize: 20,
      queue: 'all',
      sort: '-createdAt',
    });
  });

  it('sorts overdue first by default (sla_due), the due column by sla_due, a search by its ranking', () => {
    expect(toTicketQuery({}, undefined, 'mine')).toEqual({ page: 1, pageSize: 20, queue: 'mine', sort: 'sla_due' });
    expect(toTicketQuery({}, { slaDueAt: 'ascend' }, 'mine').sort).toBe('sla_due');
    expect(toTicketQuery({}, { slaDueAt: 'descend' }, 'mine').sort).toBe('-sla_due');
    expect(toTicketQuery({ q: '空调' }, undefined, 'all').sort).toBeUndefined();
  });

  it('reads the queue tab from the address bar, defaulting to mine', () => {
    expect(queueFrom('unassigned')).toBe('unassigned');
    expect(queueFrom('everything')).toBe('mine');
    expect(queueFrom(null)).toBe('mine');
  });
});
