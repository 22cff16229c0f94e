/**
 * The customer list's search form ↔ the API's query (`GET /api/v1/customers`). Pure, so the filter
 * mapping is unit-tested without a DOM: ProTable hands over its form values, the API wants
 * `grade=A,B`, ISO bounds for the update range and repeatable `cf=<key>:<value>` pairs.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { type SortOrderMap, toSortParam } from '../../../api/listQuery';
import type { CustomerQuery } from '../../../api/types';

/** Search-form names of custom-field filters: `cf__industry`, `cf__contract_end`, … */
export const CF_PREFIX = 'cf__';
export const cfName = (key: string) => `${CF_PREFIX}${key}`;

export type CustomerFilters = Omit<CustomerQuery, 'page' | 'pageSize' | 'sort' | 'cf' | 'updatedFrom' | 'updatedTo'> & {
  updatedFrom?: string;
  updatedTo?: string;
  cf?: string[];
};

type DateLike = string | number | Date | Dayjs | null | undefined;

const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

const text = (value: unknown): string | undefined => (isBlank(value) ? undefined : String(value).trim());

/** A custom-field filter value as the server compares it (dates as YYYY-MM-DD, numbers as written). */
export function cfValue(value: unknown): string | undefined {
  if (isBlank(value)) return undefined;
  if (dayjs.isDayjs(value)) return value.format('YYYY-MM-DD');
  if (Array.isArray(value)) return cfValue(value[0]);
  return String(value).trim() || undefined;
}

/** Start of the first day and end of the last day of a date range, as ISO instants. */
export function dayRange(range: unknown): { from?: string; to?: string } {
  if (!Array.isArray(range)) return {};
  const [start, end] = range as DateLike[];
  return {
    from: start ? dayjs(start).startOf('day').toISOString() : undefined,
    to: end ? dayjs(end).endOf('day').toISOString() : undefined,
  };
}

/** ProTable search values → filters; unknown keys (ProTable's own) are ignored. */
export function toCustomerFilters(values: Record<string, unknown>): CustomerFilters {
  const filters: CustomerFilters = {};
  const q = text(values.q);
  if (q) filters.q = q;
  if (values.kind === 'company' || values.kind === 'person') filters.kind = values.kind;
  const grades = (Array.isArray(values.grade) ? values.grade : [values.grade]).filter(
    (g): g is string => typeof g === 'string' && /^[ABCD]$/.test(g),
  );
  if (grades.length > 0) filters.grade = [...new Set(grades)].sort().join(',');
  for (const key of ['categoryKey', 'ownerId', 'region'] as const) {
    const value = text(values[key]);
    if (value) filters[key] = value;
  }
  if (values.isKey === 'true' || values.isKey === 'false') filters.isKey = values.isKey;
  const { from, to } = dayRange(values.updated);
  if (from) filters.updatedFrom = from;
  if (to) filters.updatedTo = to;
  const cf = Object.entries(values)
    .filter(([name]) => name.startsWith(CF_PREFIX))
    .flatMap(([name, value]) => {
      const v = cfValue(value);
      return v ? [`${name.slice(CF_PREFIX.length)}:${v}`] : [];
    })
    .sort();
  if (cf.length > 0) filters.cf = cf;
  return filters;
}

type TableParams = Record<string, unknown> & { current?: number; pageSize?: number };

/** ProTable `request(params, sort)` → the list query. */
export function toCustomerQuery(params: TableParams, sort?: SortOrderMap): CustomerQuery & CustomerFilters {
  const { current, pageSize, keyword: _keyword, ...values } = params;
  const sortParam = toSortParam(sort);
  return {
    page: current ?? 1,
    pageSize: pageSize ?? 20,
    ...(sortParam ? { sort: sortParam } : {}),
    ...toCustomerFilters(values),
  };
}
