import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { meQueryKey } from '../auth/api';
import { periodInstants } from './callKpis';
import { statsFixture } from './fixtures';
import { WallboardPage, wallboardKeys } from './WallboardPage';

// The shared stream is replaced by a recorder: the test plays the server's events itself.
const realtime = vi.hoisted(() => ({ names: [] as readonly string[], refresh: () => {} }));
vi.mock('../../api/realtime', () => ({
  useRealtimeRefresh: (names: readonly string[], refresh: () => void) => {
    realtime.names = names;
    realtime.refresh = refresh;
  },
}));

describe('the wall board, live', () => {
  const error = console.error;
  beforeAll(() => {
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('useLayoutEffect does nothing on the server')) error(...args);
    });
  });
  afterAll(() => vi.restoreAllMocks());

  it('listens to the live call events and refreshes its figures when one arrives', () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
    client.setQueryData(meQueryKey, { id: 'u1', permissions: ['calls.read'] } as unknown as Me);
    const day = dayjs().format('YYYY-MM-DD');
    const today = periodInstants({ from: day, to: day });
    client.setQueryData(wallboardKeys.stats(day), statsFixture(today.from, today.to));
    client.setQueryData(wallboardKeys.live(day), { items: [], total: 0, page: 1, pageSize: 200 });
    const html = renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <WallboardPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(html).toContain('data-testid="call-wallboard"');
    // Without sla.read no at-risk card.
    expect(html).not.toContain('data-testid="call-wallboard-at-risk"');
    expect([...realtime.names].sort()).toEqual(['call.abandoned', 'call.answered', 'call.ended', 'call.ringing']);
    expect(client.getQueryState(wallboardKeys.stats(day))?.isInvalidated).toBe(false);
    realtime.refresh();
    expect(client.getQueryState(wallboardKeys.stats(day))?.isInvalidated).toBe(true);
    expect(client.getQueryState(wallboardKeys.live(day))?.isInvalidated).toBe(true);
  });
});
