import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { RealtimeEvent } from '../../../api/realtime';
import type { Me } from '../../../api/types';
import { i18n } from '../../../i18n';
import { meQueryKey } from '../../auth/api';
import { isStatusChangeOf } from './agentBoard';
import { agentListKey } from './api';
import { MyStatusSwitch } from './MyStatusSwitch';
import type { Agent } from './types';

// The shared stream is replaced by a recorder: the test plays the server's events itself.
const realtime = vi.hoisted(() => ({
  calls: [] as { names: readonly string[]; onEvent: (event: RealtimeEvent) => void; enabled: boolean }[],
}));
vi.mock('../../../api/realtime', () => ({
  useRealtimeEvents: (names: readonly string[], onEvent: (event: RealtimeEvent) => void, enabled = true) => {
    realtime.calls.push({ names, onEvent, enabled });
  },
}));

const me = (permissions: string[]) =>
  ({
    id: 'u1',
    username: 'wangfang',
    displayName: '王芳',
    permissions,
    department: { id: 'd1', name: '客服一部' },
  }) as Me;
const agent = (userId: string, status: Agent['status']) => ({ userId, status }) as Agent;
const statusChanged = (userId: string, actorId: string | null = 'boss'): RealtimeEvent => ({
  name: 'agent.status_changed',
  payload: { userId, status: 'away' },
  actorId,
});

/** Renders the switch with the cache filled (signed-in user, own department's agents). */
function render(user: Me) {
  realtime.calls = [];
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  client.setQueryData(meQueryKey, user);
  client.setQueryData(agentListKey({ departmentId: 'd1' }), { items: [agent('u2', 'on_shift'), agent('u1', 'away')] });
  const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue();
  const html = renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MyStatusSwitch />
    </QueryClientProvider>,
  );
  const subscription = realtime.calls.at(-1);
  if (!subscription) throw new Error('MyStatusSwitch did not subscribe to the real-time stream');
  return { html, invalidate, subscription };
}

describe('my status switch, live', () => {
  afterAll(() => i18n.changeLanguage('zh-CN'));

  it('knows which status changes are about the signed-in agent', () => {
    expect(isStatusChangeOf(statusChanged('u1'), 'u1')).toBe(true);
    expect(isStatusChangeOf(statusChanged('u1', 'u1'), 'u1')).toBe(true);
    expect(isStatusChangeOf(statusChanged('u2'), 'u1')).toBe(false);
    expect(isStatusChangeOf(statusChanged('u1'), undefined)).toBe(false);
    expect(isStatusChangeOf({ ...statusChanged('u1'), name: 'ticket.assigned' }, 'u1')).toBe(false);
  });

  it('refetches its own list when someone (a supervisor, another tab) changes my status', async () => {
    await i18n.changeLanguage('en');
    const { html, invalidate, subscription } = render(me(['tickets.read', 'tickets.write']));
    expect(html).toContain('Away');
    expect(subscription.names).toEqual(['agent.status_changed']);
    expect(subscription.enabled).toBe(true);

    subscription.onEvent(statusChanged('u2'));
    expect(invalidate).not.toHaveBeenCalled();
    subscription.onEvent(statusChanged('u1'));
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: agentListKey({ departmentId: 'd1' }) });
  });

  it('does not listen for someone who does not work on tickets', () => {
    const { html, subscription } = render(me(['tickets.read']));
    expect(html).toBe('');
    expect(subscription.enabled).toBe(false);
  });
});
