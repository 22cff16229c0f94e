import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../api/types';
import { i18n } from '../../../i18n';
import { meQueryKey } from '../../auth/api';
import { deliveriesPageKey } from '../api';
import type { DeliveriesPage, Delivery, DeliveryAttempt } from '../types';
import { canResend } from './canResend';
import { DEAD_COUNT_QUERY, deliveriesQuery, DeliveriesPage as Page } from './DeliveriesPage';
import { attemptLog } from './DeliveryDrawer';

const delivery = (id: string, status: Delivery['status'], extra: Partial<Delivery> = {}): Delivery => ({
  id,
  channel: 'sms',
  recipient: '13800138000',
  topic: 'handover.customer_notice',
  subject: '您的专属客服已更换',
  status,
  attempts: status === 'dead' ? 8 : 1,
  lastError: status === 'dead' ? 'isv.BUSINESS_LIMIT_CONTROL: 触发分钟级流控' : null,
  nextAttemptAt: null,
  userId: null,
  customerId: 'c1',
  ref: 'handover:h1/customer:c1',
  createdAt: '2026-12-07T01:00:00.000Z',
  sentAt: status === 'sent' ? '2026-12-07T01:00:02.000Z' : null,
  ...extra,
});
const pageOf = (items: Delivery[], total = items.length): DeliveriesPage => ({ items, total, page: 1, pageSize: 20 });

function render(dead: DeliveriesPage, all: DeliveriesPage) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  client.setQueryData(meQueryKey, { id: 'u1', permissions: ['notifications.manage'] } as unknown as Me);
  client.setQueryData(deliveriesPageKey(DEAD_COUNT_QUERY), { ...dead, items: dead.items.slice(0, 1), pageSize: 1 });
  client.setQueryData(deliveriesPageKey(deliveriesQuery('dead', {}, 1, 20)), dead);
  client.setQueryData(deliveriesPageKey(deliveriesQuery('all', {}, 1, 20)), all);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <Page />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const activeTab = (html: string) =>
  /ant-tabs-tab-active[^>]*>.*?<div[^>]*role="tab"[^>]*>(.*?)<\/div>/.exec(html)?.[1] ?? '';

describe('notification deliveries page', () => {
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

  it('opens on the dead letters when there are any, with their error and a resend button', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render(pageOf([delivery('d1', 'dead'), delivery('d2', 'dead')]), pageOf([delivery('d3', 'sent')]));
    expect(activeTab(html)).toContain('死信');
    expect(html).toMatch(/ant-badge[^>]*>.*?title="2"/);
    expect(html).toContain('isv.BUSINESS_LIMIT_CONTROL');
    expect(html).toContain('交接告知客户');
    expect(html).toContain('短信');
    expect(html.match(/>重发</g)).toHaveLength(2);
    expect(html).not.toContain('d3');
  });

  it('opens on all deliveries when nothing is dead, and says what to do when there are none', async () => {
    await i18n.changeLanguage('en');
    const html = render(pageOf([]), pageOf([]));
    expect(activeTab(html)).toContain('All deliveries');
    expect(html).toContain('No outgoing messages yet. Set up e-mail, SMS or a group robot');
    const sent = render(
      pageOf([]),
      pageOf([delivery('d3', 'sent', { channel: 'email', recipient: 'li@example.com' })]),
    );
    expect(sent).toContain('li@example.com');
    expect(sent).toContain('Sent');
    expect(sent).toContain('>Resend<');
  });

  it('pins the dead tab to status=dead, keeps the filters, and resends all but queued messages', () => {
    expect(deliveriesQuery('dead', { channel: 'sms', status: 'sent' }, 2, 50)).toEqual({
      channel: 'sms',
      status: 'dead',
      page: 2,
      pageSize: 50,
    });
    expect(deliveriesQuery('all', { topic: 'sla.escalated' }, 1, 20)).toEqual({
      topic: 'sla.escalated',
      page: 1,
      pageSize: 20,
    });
    expect(canResend({ status: 'dead' })).toBe(true);
    expect(canResend({ status: 'queued' })).toBe(false);
  });

  it('lists the attempts newest first', () => {
    const attempt = (n: number): DeliveryAttempt => ({
      attempt: n,
      at: '2026-12-07T01:00:00.000Z',
      ok: false,
      status: 500,
      request: null,
      response: null,
      error: 'boom',
      durationMs: 12,
    });
    expect(attemptLog({ log: [attempt(1), attempt(3), attempt(2)] }).map((a) => a.attempt)).toEqual([3, 2, 1]);
  });
});
