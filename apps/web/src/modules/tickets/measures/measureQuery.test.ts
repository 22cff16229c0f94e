import { describe, expect, it } from 'vitest';
import {
  filtersFromSearch,
  filtersToSearch,
  type MeasureFilters,
  measureActions,
  statusBody,
  toMeasureQuery,
} from './measureQuery';

const TICKET = '22222222-2222-4222-8222-222222222222';

describe('measure list query', () => {
  it('builds the API query from the filters, paging and sort', () => {
    const filters: MeasureFilters = { scope: 'mine', statuses: ['in_progress', 'open'], overdueOnly: true };
    expect(toMeasureQuery(filters, { current: 2, pageSize: 50 }, { dueDate: 'descend' })).toEqual({
      page: 2,
      pageSize: 50,
      sort: '-dueDate',
      mine: 'true',
      status: 'open,in_progress',
      overdue: 'true',
    });
  });

  it('leaves out filters that filter nothing', () => {
    const all: MeasureFilters = {
      scope: 'all',
      statuses: ['open', 'in_progress', 'done', 'cancelled'],
      overdueOnly: false,
      ticketId: TICKET,
    };
    expect(toMeasureQuery(all, {})).toEqual({ page: 1, pageSize: 20, ticketId: TICKET });
    expect(toMeasureQuery({ ...all, statuses: [], ticketId: undefined }, {})).toEqual({ page: 1, pageSize: 20 });
  });

  it('reads the filters from the address, with open measures and the default scope when absent', () => {
    expect(filtersFromSearch(new URLSearchParams(''), 'mine')).toEqual({
      scope: 'mine',
      statuses: ['open', 'in_progress'],
      overdueOnly: false,
      ticketId: undefined,
    });
    expect(
      filtersFromSearch(new URLSearchParams(`mine=0&status=done,bogus&overdue=1&ticketId=${TICKET}`), 'mine'),
    ).toEqual({ scope: 'all', statuses: ['done'], overdueOnly: true, ticketId: TICKET });
    expect(filtersFromSearch(new URLSearchParams('status='), 'all').statuses).toEqual([]);
  });

  it('writes the filters back to the address (round trip)', () => {
    const filters: MeasureFilters = { scope: 'mine', statuses: ['open'], overdueOnly: true, ticketId: TICKET };
    const search = new URLSearchParams(filtersToSearch(filters));
    expect(search.toString()).toBe(`mine=1&status=open&overdue=1&ticketId=${TICKET}`);
    expect(filtersFromSearch(search, 'all')).toEqual(filters);
  });
});

describe('measure actions', () => {
  it('offers start/done/cancel on open work and reopen on finished work', () => {
    expect(measureActions({ status: 'open' })).toEqual(['start', 'done', 'edit', 'cancel']);
    expect(measureActions({ status: 'in_progress' })).toEqual(['done', 'edit', 'cancel']);
    expect(measureActions({ status: 'done' })).toEqual(['reopen']);
    expect(measureActions({ status: 'cancelled' })).toEqual(['reopen']);
  });

  it('sends the status, and the trimmed note when done', () => {
    expect(statusBody('start')).toEqual({ status: 'in_progress' });
    expect(statusBody('done', '  培训已完成  ')).toEqual({ status: 'done', doneNote: '培训已完成' });
    expect(statusBody('cancel')).toEqual({ status: 'cancelled' });
    expect(statusBody('reopen')).toEqual({ status: 'open' });
  });
});
