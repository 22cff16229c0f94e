import type { QueryClient } from '@tanstack/react-query';
import { savedViewsQuery } from '../../saved-views/savedViewsApi';
import { countTickets, listTickets, ticketCountsKey, ticketListKey } from '../core/api';
import { ticketTypesQuery } from '../settings/useTicketSettings';
import { chipQuery, formValuesFrom, readQueueUrl } from './queueUrl';
import { toTicketQuery } from './ticketQuery';

/** Runs before the user is known (router.tsx): a 401 or 403 here shows nothing; the page asks again. */
const silent = { silent: true };

/**
 * Everything the queue page asks for on its first render, started at once when the route is entered
 * (router.tsx runs it beside `/auth/me` and the chunks, before the user is known): the first page of the queue in the address bar, the
 * ticket types of the type column and filter, and the saved views. Without it each request waited
 * for the shell's chunk, then the page's chunk, then the table's mount. The list's key is the one
 * the table's first request builds (`toTicketQuery` of page 1 with the address's tab, chips and
 * filters, no sort), and the counts' key the page's first counts, so that request
 * takes this answer (TicketsPage: the first request accepts an answer a few seconds old).
 */
export function prefetchQueue(queryClient: QueryClient, url: URL): Promise<unknown> {
  const { queue, chips, filters } = readQueueUrl(url.searchParams);
  const query = toTicketQuery({ ...formValuesFrom(filters), ...chipQuery(chips) }, undefined, queue);
  const { page: _p, pageSize: _s, q: _q, ...counted } = query;
  return Promise.all([
    queryClient.prefetchQuery({ queryKey: ticketListKey(query), queryFn: () => listTickets(query), meta: silent }),
    queryClient.prefetchQuery({
      queryKey: ticketCountsKey(counted),
      queryFn: () => countTickets(counted),
      meta: silent,
    }),
    queryClient.prefetchQuery({ ...ticketTypesQuery, meta: silent }),
    queryClient.prefetchQuery({ ...savedViewsQuery('tickets'), meta: silent }),
  ]);
}
