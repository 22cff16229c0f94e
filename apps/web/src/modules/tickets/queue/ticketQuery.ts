/**
 * The queue's search form ↔ the API's query (`GET /api/v1/tickets`). Pure, so the mapping is
 * unit-tested without a DOM: ProTable hands over its form values, the API wants comma lists for
 * status and priority, `true`/`false` strings for the yes/no filters and ISO dates for the range.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { type SortOrderMap, toSortParam } from '../../../api/listQuery';
import { CHANNELS, PRIORITIES, QUEUES, type QueueKey, STATUSES, type TicketQuery } from '../core/types';

export type TicketFilters = Omit<TicketQuery, 'page' | 'pageSize' | 'sort' | 'queue'>;

const YES_NO = ['true', 'false'] as const;
const BOOLEAN_FILTERS = ['open', 'complaint', 'major', 'replyOverdue', 'overdue'] as const;
const DUE = ['today', 'hour'] as const;

const text = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
};

/** Known values of a multi-select (array or single value), de-duplicated in canonical order. */
function list<T extends string>(value: unknown, allowed: readonly T[]): string | undefined {
  const given = new Set((Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string'));
  const kept = allowed.filter((v) => given.has(v));
  return kept.length > 0 ? kept.join(',') : undefined;
}

type DateLike = string | number | Date | Dayjs | null | undefined;

/** A created-date range as the API's inclusive ISO dates (`2026-03-01`). */
export function dateRange(range: unknown): { createdFrom?: string; createdTo?: string } {
  if (!Array.isArray(range)) return {};
  const [start, end] = range as DateLike[];
  return {
    ...(start ? { createdFrom: dayjs(start).format('YYYY-MM-DD') } : {}),
    ...(end ? { createdTo: dayjs(end).format('YYYY-MM-DD') } : {}),
  };
}

/** ProTable search values → filters; unknown keys (ProTable's own) are ignored. */
export function toTicketFilters(values: Record<string, unknown>): TicketFilters {
  const filters: TicketFilters = {};
  const q = text(values.q);
  if (q) filters.q = q;
  const status = list(values.status, STATUSES);
  if (status) filters.status = status;
  const priority = list(values.priority, PRIORITIES);
  if (priority) filters.priority = priority;
  const channel = text(values.channel);
  if (channel && (CHANNELS as readonly string[]).includes(channel))
    filters.channel = channel as TicketFilters['channel'];
  for (const key of ['typeKey', 'assigneeId', 'tag', 'customerId', 'departmentId'] as const) {
    const value = text(values[key]);
    if (value) filters[key] = value;
  }
  for (const key of BOOLEAN_FILTERS) {
    const value = values[key] === true ? 'true' : values[key] === false ? 'false' : text(values[key]);
    if (value && (YES_NO as readonly string[]).includes(value)) filters[key] = value;
  }
  const due = text(values.due);
  if (due && (DUE as readonly string[]).includes(due)) filters.due = due as TicketFilters['due'];
  Object.assign(filters, dateRange(values.created));
  if (!values.created) {
    for (const key of ['createdFrom', 'createdTo'] as const) {
      const value = text(values[key]);
      if (value && /^\d{4}-\d{2}-\d{2}$/.test(value)) filters[key] = value;
    }
  }
  return filters;
}

type TableParams = Record<string, unknown> & { current?: number; pageSize?: number };

/** The time-limit column (`slaDueAt`) sorts by the API's `sla_due`; the due column by `dueAt`. */
const SORT_FIELDS: Record<string, string> = { slaDueAt: 'sla_due' };

/**
 * ProTable `request(params, sort)` + the queue tab → the list query. Without a sort of the user's
 * none is sent: the server's default is overdue first, then by due time (`dueAt`); a full-text
 * search keeps its ranking.
 */
export function toTicketQuery(params: TableParams, sort: SortOrderMap | undefined, queue: QueueKey): TicketQuery {
  const { current, pageSize, keyword: _keyword, ...values } = params;
  const renamed = Object.fromEntries(
    Object.entries(sort ?? {}).map(([field, order]) => [SORT_FIELDS[field] ?? field, order]),
  );
  const filters = toTicketFilters(values);
  const sortParam = toSortParam(renamed);
  return {
    page: current ?? 1,
    pageSize: pageSize ?? 20,
    queue,
    ...(sortParam ? { sort: sortParam } : {}),
    ...filters,
  };
}

/** The queue tab from the address bar (`?queue=team`); anything else opens "mine". */
export function queueFrom(value: string | null | undefined): QueueKey {
  return (QUEUES as readonly string[]).includes(value ?? '') ? (value as QueueKey) : 'mine';
}
