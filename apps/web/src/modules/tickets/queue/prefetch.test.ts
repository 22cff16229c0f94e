import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../api/client';
import { savedViewsQuery } from '../../saved-views/savedViewsApi';
import { ticketCountsKey, ticketListKey } from '../core/api';
import { ticketTypesQuery } from '../settings/useTicketSettings';
import { prefetchQueue } from './prefetch';
import { toTicketQuery } from './ticketQuery';

describe('prefetchQueue (the queue route entered)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('starts the list, the counts, the ticket types and the saved views together, under the keys the page reads', async () => {
    const started: string[] = [];
    const answers: Array<() => void> = [];
    vi.spyOn(api, 'GET').mockImplementation(((path: string) => {
      started.push(path);
      return new Promise((resolve) => {
        answers.push(() => resolve({ data: { items: [], total: 0 }, response: new Response('{}') }));
      });
    }) as never);
    const queryClient = new QueryClient();

    const done = prefetchQueue(queryClient, new URL('http://kefu.test/tickets/queue?queue=team'));
    // All four are on the wire before any has answered: no waterfall.
    await vi.waitFor(() => expect(started).toHaveLength(4));
    expect([...started].sort()).toEqual([
      '/api/v1/saved-views',
      '/api/v1/ticket-settings/types',
      '/api/v1/tickets',
      '/api/v1/tickets/counts',
    ]);
    for (const answer of answers) answer();
    await done;

    // What the table's first request asks for (ProTable: page 1, 20 rows, no sort, no filter).
    const firstRequest = toTicketQuery({ current: 1, pageSize: 20 }, {}, 'team');
    expect(queryClient.getQueryState(ticketListKey(firstRequest))?.status).toBe('success');
    expect(queryClient.getQueryState(ticketCountsKey({ queue: 'team' }))?.status).toBe('success');
    expect(queryClient.getQueryState(ticketTypesQuery.queryKey)?.status).toBe('success');
    expect(queryClient.getQueryState(savedViewsQuery('tickets').queryKey)?.status).toBe('success');
  });

  it('is silent: it runs before the user is known, so a 401 or 403 must show nothing (the page asks again)', async () => {
    vi.spyOn(api, 'GET').mockResolvedValue({
      data: undefined,
      error: { status: 403 },
      response: new Response('{}', { status: 403 }),
    } as never);
    const queryClient = new QueryClient();
    await prefetchQueue(queryClient, new URL('http://kefu.test/tickets/queue'));
    const queries = queryClient.getQueryCache().findAll();
    expect(queries).toHaveLength(4);
    for (const query of queries) expect(query.meta?.silent).toBe(true);
  });
});
