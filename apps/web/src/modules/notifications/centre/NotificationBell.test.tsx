import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RealtimeEvent } from '../../../api/realtime';
import type { Me } from '../../../api/types';
import { i18n } from '../../../i18n';
import { meQueryKey } from '../../auth/api';
import { myNotificationsKey, myNotificationsPageKey } from '../api';
import { refLink } from '../topics';
import type { MyNotification, MyNotificationsPage } from '../types';
import { BELL_QUERY, BellPanel, NotificationBell } from './NotificationBell';
import { isForMe } from './useMyNotifications';

// The shared stream is replaced by a recorder: the test plays the server's events itself.
const realtime = vi.hoisted(() => ({
  calls: [] as { names: readonly string[]; onEvent: (event: RealtimeEvent) => void; enabled: boolean }[],
}));
vi.mock('../../../api/realtime', () => ({
  useRealtimeEvents: (names: readonly string[], onEvent: (event: RealtimeEvent) => void, enabled = true) => {
    realtime.calls.push({ names, onEvent, enabled });
  },
  // No waiting for the end of a burst in a test.
  coalesce: (fn: () => void) => ({ trigger: fn, cancel: () => undefined }),
}));

const me = { id: 'u1', username: 'wangfang', displayName: '王芳', permissions: [] } as unknown as Me;
const note = (id: string, subject: string, read: boolean, ref: string | null = null): MyNotification => ({
  id,
  subject,
  body: `${subject}：详情`,
  ref,
  createdAt: '2026-12-07T01:00:00.000Z',
  readAt: read ? '2026-12-07T02:00:00.000Z' : null,
});
const page = (items: MyNotification[], unread: number): MyNotificationsPage => ({
  items,
  total: items.length,
  page: 1,
  pageSize: BELL_QUERY.pageSize,
  unread,
});
const created = (userId: string): RealtimeEvent => ({
  name: 'notification.created',
  payload: { notificationId: 'n9', userId },
  actorId: null,
});

function render(element: ReactElement, data?: MyNotificationsPage) {
  realtime.calls = [];
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  client.setQueryData(meQueryKey, me);
  if (data) client.setQueryData(myNotificationsPageKey(BELL_QUERY), data);
  const invalidate = vi.spyOn(client, 'invalidateQueries').mockResolvedValue();
  const html = renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>{element}</MemoryRouter>
    </QueryClientProvider>,
  );
  return { html, invalidate, subscription: realtime.calls.at(-1) };
}

const panel = (data: MyNotificationsPage | undefined) => (
  <BellPanel
    data={data}
    loading={false}
    onRead={() => undefined}
    onReadAll={() => undefined}
    readingAll={false}
    onNavigate={() => undefined}
  />
);

describe('notification bell', () => {
  // Rendered to static markup (no DOM): React's notice that layout effects do not run there is expected.
  const error = console.error;
  beforeAll(() => {
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('useLayoutEffect does nothing on the server')) error(...args);
    });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await i18n.changeLanguage('zh-CN');
  });

  it('shows my unread count on the bell', async () => {
    await i18n.changeLanguage('zh-CN');
    const { html } = render(<NotificationBell />, page([note('n1', '工单已分派给你', false)], 3));
    expect(html).toContain('data-testid="notification-bell"');
    expect(html).toContain('aria-label="通知，3 条未读"');
    expect(html).toMatch(/ant-scroll-number[^>]*title="3"/);
  });

  it('refetches when the stream announces a notification for me, not for someone else', () => {
    const { subscription, invalidate } = render(<NotificationBell />, page([], 0));
    expect(subscription?.names).toEqual(['notification.created']);
    expect(subscription?.enabled).toBe(true);
    subscription?.onEvent(created('u2'));
    expect(invalidate).not.toHaveBeenCalled();
    subscription?.onEvent(created('u1'));
    expect(invalidate).toHaveBeenCalledTimes(1);
    expect(invalidate).toHaveBeenCalledWith({ queryKey: myNotificationsKey });
  });

  it('knows which events are mine', () => {
    expect(isForMe(created('u1'), 'u1')).toBe(true);
    expect(isForMe(created('u2'), 'u1')).toBe(false);
    expect(isForMe({ ...created('u1'), payload: { notificationId: 'n9' } }, 'u1')).toBe(true);
    expect(isForMe({ ...created('u1'), name: 'ticket.assigned' }, 'u1')).toBe(false);
    expect(isForMe(created('u1'), undefined)).toBe(false);
  });

  it('lists the latest with unread ones marked, links to their page, and offers "see all"', async () => {
    await i18n.changeLanguage('en');
    const html = renderToStaticMarkup(
      <MemoryRouter>
        {panel(page([note('n1', 'Ticket assigned', false, 'ticket:t-1/assigned'), note('n2', 'Handover', true)], 1))}
      </MemoryRouter>,
    );
    expect(html).toContain('Notifications (1 unread)');
    expect(html.match(/data-unread="true"/g)).toHaveLength(1);
    expect(html.match(/data-unread="false"/g)).toHaveLength(1);
    expect(html).toContain('href="/tickets/t-1"');
    expect(html).toContain('Mark read');
    expect(html).toContain('href="/notifications"');
    expect(html).toContain('See all notifications');
  });

  it('says what will show up when there is nothing, with "mark all read" off', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = renderToStaticMarkup(<MemoryRouter>{panel(page([], 0))}</MemoryRouter>);
    expect(html).toContain('暂无通知。有工单分派给你');
    expect(html).toMatch(/<button[^>]*disabled[^>]*>(?:(?!<\/button>).)*全部标为已读/);
  });

  it('turns a notification ref into the page it is about', () => {
    expect(refLink('ticket:abc/sla/c1/warn/1')).toBe('/tickets/abc');
    expect(refLink('handover:h1/customer:c1')).toBe('/handovers');
    expect(refLink('calendars:official-year:2027')).toBe('/admin/calendars');
    expect(refLink('something:else')).toBeUndefined();
    expect(refLink(null)).toBeUndefined();
  });
});
