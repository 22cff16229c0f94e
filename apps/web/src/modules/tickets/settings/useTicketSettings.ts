import { queryOptions, useQuery } from '@tanstack/react-query';
import { listRootCauses, listTicketTypes, ticketSettingsKey } from '../core/api';

/** The active ticket types, as every ticket page reads them (also prefetched with the queue, prefetch.ts). */
export const ticketTypesQuery = queryOptions({
  queryKey: [...ticketSettingsKey, 'types'],
  queryFn: async () => (await listTicketTypes()).items,
  staleTime: 5 * 60_000,
});

/**
 * Active ticket types (names in the UI language: the server answers in the request's language and
 * the cache is refetched when the language changes); complaint types are flagged.
 */
export function useTicketTypes() {
  const query = useQuery(ticketTypesQuery);
  const items = query.data ?? [];
  const byKey = new Map(items.map((type) => [type.key, type]));
  return {
    items,
    loading: query.isLoading,
    label: (key: string) => byKey.get(key)?.name ?? key,
    isComplaint: (key: string | undefined) => (key ? byKey.get(key)?.isComplaint === true : false),
    options: items.map((type) => ({ value: type.key, label: type.name })),
  };
}

/** Root-cause categories for closing a complaint. */
export function useRootCauses(enabled = true) {
  const query = useQuery({
    queryKey: [...ticketSettingsKey, 'root-causes'],
    queryFn: async () => (await listRootCauses()).items,
    staleTime: 5 * 60_000,
    enabled,
  });
  const items = query.data ?? [];
  return {
    isLoading: query.isLoading,
    items,
    options: items.map((cause) => ({ value: cause.key, label: cause.name })),
    label: (key: string | null | undefined) => items.find((c) => c.key === key)?.name ?? key ?? '-',
  };
}
