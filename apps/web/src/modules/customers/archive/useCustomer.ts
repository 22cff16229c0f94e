import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { Customer } from '../../../api/types';
import { customerKey, getCustomer } from './api';

/** The customer file (each fetch is audited on the server, so it is not refetched needlessly). */
export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerKey(id),
    queryFn: () => getCustomer(id),
    staleTime: 5 * 60_000,
    // The page shows a 404 itself (missing, merged away or out of scope).
    meta: { silent: true },
  });
}

/**
 * After a change to customer `id`: take the record the API answered with (when it answered one)
 * and refetch everything else on the page (timeline, milestones, grades…). Without a record, the
 * file itself is refetched too.
 */
export async function refreshCustomer(queryClient: QueryClient, id: string, customer?: Customer): Promise<void> {
  const key = customerKey(id);
  if (customer) queryClient.setQueryData(key, customer);
  await queryClient.invalidateQueries({
    queryKey: key,
    predicate: (query) => !customer || query.queryKey.length > key.length,
  });
}

/** After a change that leaves the file itself as it was (a logged contact, a milestone, figures). */
export async function refreshCustomerRecords(queryClient: QueryClient, id: string): Promise<void> {
  const key = customerKey(id);
  await queryClient.invalidateQueries({ queryKey: key, predicate: (query) => query.queryKey.length > key.length });
}
