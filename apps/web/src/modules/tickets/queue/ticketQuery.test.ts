import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  chipActive,
  chipQuery,
  formValuesFrom,
  readQueueUrl,
  toggleChip,
  urlFiltersFrom,
  writeQueueUrl,
} from './queueUrl';
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

  it('leaves the order to the server by default (overdue first, by due time); columns sort by their field', () => {
    expect(toTicketQuery({}, undefined, 'mine')).toEqual({ page: 1, pageSize: 20, queue: 'mine' });
    expect(toTicketQuery({}, { dueAt: 'ascend' }, 'mine').sort).toBe('dueAt');
    expect(toTicketQuery({}, { slaDueAt: 'ascend' }, 'mine').sort).toBe('sla_due');
    expect(toTicketQuery({}, { slaDueAt: 'descend' }, 'mine').sort).toBe('-sla_due');
    expect(toTicketQuery({ q: '空调' }, undefined, 'all').sort).toBeUndefined();
  });

  it('passes the chips (overdue, due) and created dates given as strings', () => {
    expect(
      toTicketFilters({ overdue: 'true', due: 'today', open: 'true', createdFrom: '2026-12-01', createdTo: 'x' }),
    ).toEqual({ overdue: 'true', due: 'today', open: 'true', createdFrom: '2026-12-01' });
    expect(toTicketFilters({ due: 'week' })).toEqual({});
  });
});

describe('queue address ↔ state', () => {
  const read = (query: string) => readQueueUrl(new URLSearchParams(query));

  it('"mine" without parameters is open work only; other tabs show everything', () => {
    expect(read('')).toEqual({
      queue: 'mine',
      chips: { open: true, overdue: false, complaint: false, major: false },
      filters: {},
    });
    expect(read('open=0').chips.open).toBe(false);
    expect(read('queue=all').chips.open).toBe(false);
    expect(read('queue=all&open=1').chips.open).toBe(true);
    expect(read('queue=bogus').queue).toBe('mine');
  });

  it('reads the home page’s links: chips, due, dates, type and assignee (bad values dropped)', () => {
    expect(
      read(
        'queue=team&overdue=1&complaint=1&major=true&due=hour&createdFrom=2026-12-01&createdTo=2026-12-31&typeKey=complaint&assigneeId=u1',
      ),
    ).toEqual({
      queue: 'team',
      chips: { open: false, overdue: true, due: 'hour', complaint: true, major: true },
      filters: { typeKey: 'complaint', assigneeId: 'u1', createdFrom: '2026-12-01', createdTo: '2026-12-31' },
    });
    expect(read('due=week&createdFrom=yesterday').chips.due).toBeUndefined();
    expect(read('createdFrom=yesterday').filters).toEqual({});
  });

  it('writes the canonical address (defaults left out) and reads it back', () => {
    expect(writeQueueUrl(read('')).toString()).toBe('');
    expect(writeQueueUrl(read('queue=mine&open=1')).toString()).toBe('');
    const state = read('queue=all&open=1&overdue=1&complaint=1&typeKey=complaint&createdFrom=2026-12-01');
    const written = writeQueueUrl(state).toString();
    expect(written).toBe('queue=all&open=1&overdue=1&complaint=1&typeKey=complaint&createdFrom=2026-12-01');
    expect(read(written)).toEqual(state);
    expect(writeQueueUrl({ ...read(''), chips: { ...read('').chips, open: false } }).toString()).toBe('open=0');
  });

  it('toggles chips; overdue and due today exclude each other', () => {
    const chips = read('').chips;
    const overdue = toggleChip(chips, 'overdue');
    expect(overdue).toMatchObject({ overdue: true, open: true });
    const today = toggleChip(overdue, 'dueToday');
    expect(today).toMatchObject({ overdue: false, due: 'today' });
    expect(chipActive(today, 'dueToday')).toBe(true);
    expect(toggleChip(today, 'overdue').due).toBeUndefined();
    expect(toggleChip(today, 'dueToday').due).toBeUndefined();
    expect(toggleChip(chips, 'open').open).toBe(false);
  });

  it('maps chips to the API query and the address filters to the form and back', () => {
    expect(chipQuery(read('overdue=1&major=1').chips)).toEqual({ open: 'true', overdue: 'true', major: 'true' });
    expect(chipQuery(read('queue=all&due=today').chips)).toEqual({ due: 'today' });
    const filters = read('typeKey=complaint&priority=high,urgent&createdFrom=2026-12-01&createdTo=2026-12-31').filters;
    const form = formValuesFrom(filters);
    expect(form).toEqual({
      typeKey: 'complaint',
      priority: ['high', 'urgent'],
      created: ['2026-12-01', '2026-12-31'],
    });
    // The form → the API query → the address: the same filters.
    expect(urlFiltersFrom(toTicketFilters(form))).toEqual(filters);
  });

  it('reads the queue tab from the address bar, defaulting to mine', () => {
    expect(queueFrom('unassigned')).toBe('unassigned');
    expect(queueFrom('everything')).toBe('mine');
    expect(queueFrom(null)).toBe('mine');
  });
});
