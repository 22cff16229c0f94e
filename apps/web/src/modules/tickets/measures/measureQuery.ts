/** The measures list's filters ↔ the API query and the URL; which follow-up actions a measure offers. Pure. */
import { type SortOrderMap, toSortParam } from '../../../api/listQuery';
import type { Measure, MeasureQuery, MeasureStatus } from './types';

export const MEASURE_STATUSES: readonly MeasureStatus[] = ['open', 'in_progress', 'done', 'cancelled'];
/** Still to be seen through: the list's default. */
export const OPEN_MEASURE_STATUSES: readonly MeasureStatus[] = ['open', 'in_progress'];

export const STATUS_COLOR: Record<MeasureStatus, string> = {
  open: 'default',
  in_progress: 'processing',
  done: 'success',
  cancelled: 'default',
};

export type MeasureFilters = {
  /** Only the caller's own measures, or all those they may see. */
  scope: 'mine' | 'all';
  statuses: MeasureStatus[];
  overdueOnly: boolean;
  ticketId?: string;
};

const isStatus = (value: string): value is MeasureStatus => (MEASURE_STATUSES as readonly string[]).includes(value);

/** ProTable paging and sorting + the filters → `GET /improvement-measures` query (no empty values). */
export function toMeasureQuery(
  filters: MeasureFilters,
  paging: { current?: number; pageSize?: number },
  sort?: SortOrderMap,
): MeasureQuery {
  const query: MeasureQuery = { page: paging.current ?? 1, pageSize: paging.pageSize ?? 20 };
  const sortParam = toSortParam(sort);
  if (sortParam) query.sort = sortParam;
  if (filters.scope === 'mine') query.mine = 'true';
  const statuses = MEASURE_STATUSES.filter((s) => filters.statuses.includes(s));
  if (statuses.length > 0 && statuses.length < MEASURE_STATUSES.length) query.status = statuses.join(',');
  if (filters.overdueOnly) query.overdue = 'true';
  if (filters.ticketId) query.ticketId = filters.ticketId;
  return query;
}

/**
 * Filters from the address (`?mine=1&overdue=1&status=open,done&ticketId=…`), so a link (e.g. from
 * a notification or a ticket) opens the list already filtered. `defaultScope` when not given.
 */
export function filtersFromSearch(search: URLSearchParams, defaultScope: MeasureFilters['scope']): MeasureFilters {
  const mine = search.get('mine');
  const status = search.get('status');
  const statuses = status === null ? [...OPEN_MEASURE_STATUSES] : status.split(',').filter(isStatus);
  return {
    scope: mine === null ? defaultScope : mine === '1' || mine === 'true' ? 'mine' : 'all',
    statuses,
    overdueOnly: search.get('overdue') === '1' || search.get('overdue') === 'true',
    ticketId: search.get('ticketId') || undefined,
  };
}

/** The filters as address parameters (the inverse of filtersFromSearch). */
export function filtersToSearch(filters: MeasureFilters): Record<string, string> {
  const params: Record<string, string> = { mine: filters.scope === 'mine' ? '1' : '0' };
  params.status = filters.statuses.join(',');
  if (filters.overdueOnly) params.overdue = '1';
  if (filters.ticketId) params.ticketId = filters.ticketId;
  return params;
}

export type MeasureAction = 'start' | 'done' | 'cancel' | 'reopen' | 'edit';

/** What can be done with a measure next: start, finish or cancel an open one; reopen a finished one. */
export function measureActions(measure: Pick<Measure, 'status'>): MeasureAction[] {
  switch (measure.status) {
    case 'open':
      return ['start', 'done', 'edit', 'cancel'];
    case 'in_progress':
      return ['done', 'edit', 'cancel'];
    case 'done':
    case 'cancelled':
      return ['reopen'];
    default:
      return [];
  }
}

/** The PATCH body of a status action (`done` carries the note of what was done). */
export function statusBody(action: 'start' | 'done' | 'cancel' | 'reopen', doneNote?: string) {
  switch (action) {
    case 'start':
      return { status: 'in_progress' as const };
    case 'done':
      return { status: 'done' as const, doneNote: doneNote?.trim() ?? '' };
    case 'cancel':
      return { status: 'cancelled' as const };
    case 'reopen':
      return { status: 'open' as const };
  }
}
