/** ProTable request params ↔ the API's list convention (`?page&pageSize&sort=-a,b&<filters>`). */
export type SortOrderMap = Record<string, 'ascend' | 'descend' | null | undefined>;

export function toSortParam(sort: SortOrderMap | undefined): string | undefined {
  const parts = Object.entries(sort ?? {})
    .filter(([, order]) => order === 'ascend' || order === 'descend')
    .map(([field, order]) => (order === 'descend' ? `-${field}` : field));
  return parts.length > 0 ? parts.join(',') : undefined;
}

/**
 * ProTable passes `{ current, pageSize, keyword, ...searchFormValues }`; the API wants `page`,
 * `pageSize`, `sort` and filters without empty values.
 */
type Paging = { current?: number; pageSize?: number; keyword?: string };

export function toListQuery<P extends Paging>(
  params: P,
  sort?: SortOrderMap,
): { page: number; pageSize: number; sort?: string } & Partial<Omit<P, keyof Paging>> {
  const { current, pageSize, keyword: _toolbarKeyword, ...filters } = params;
  const query: Record<string, unknown> = { page: current ?? 1, pageSize: pageSize ?? 20 };
  const sortParam = toSortParam(sort);
  if (sortParam) query.sort = sortParam;
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    query[key] = typeof value === 'string' ? value.trim() : value;
  }
  return query as { page: number; pageSize: number; sort?: string } & Partial<Omit<P, keyof Paging>>;
}
