import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../i18n';
import { type CallbackSettings, callbackSettingsKey } from '../quietWindows';
import { CallbackPage } from './CallbackPage';
import { surveyFormsKey } from './call/surveyForms';
import { callbackKey } from './callbackApi';
import { callbackDetail } from './callbackFixtures';
import type { CallbackDetail } from './callbackTypes';

function render(callback: CallbackDetail) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  client.setQueryData(callbackKey(callback.id), callback);
  client.setQueryData<CallbackSettings>(callbackSettingsKey, {
    quietWindows: [
      { start: '12:00', end: '14:00' },
      { start: '21:00', end: '09:00' },
    ],
    capDays: 7,
    retriesPerDay: 2,
    retryGapMinutes: 60,
    deadlineWorkingDays: 3,
    updatedAt: null,
  });
  client.setQueryData(surveyFormsKey(callback.id), {
    items: [
      {
        id: 's1',
        name: '满意度回访',
        questions: [
          { id: 'q1', kind: 'nps', title: '您向朋友推荐我们的可能性有多大？', required: true, min: 0, max: 10 },
          { id: 'q2', kind: 'resolved', title: '问题解决了吗？' },
        ],
      },
    ],
  });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/callbacks/${callback.id}`]}>
        <Routes>
          <Route path="/callbacks/:id" element={<CallbackPage />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the call screen', () => {
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

  it('shows the customer, the script, the history and the actions of a pending callback', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render(
      callbackDetail({
        contacts: [
          {
            id: 1,
            at: '2026-12-01T02:00:00Z',
            kind: 'ticket',
            channel: null,
            direction: null,
            title: '工单已关闭',
            body: null,
            actorName: '王芳',
          },
        ],
        attemptLog: [{ number: 1, at: '2026-12-07T01:05:00Z', by: null, reached: false, note: '无人接听' }],
      }),
    );
    expect(html).toContain('href="/customers/00000000-0000-4000-8000-0000000000c1"');
    expect(html).toContain('data-testid="callback-script"');
    expect(html).toContain('想了解一下您这次拍摄的体验');
    expect(html).toContain('data-testid="callback-history"');
    expect(html).toContain('工单已关闭');
    expect(html).toContain('data-testid="callback-not-reached"');
    expect(html).toContain('data-testid="callback-reached"');
    expect(html).toContain('data-testid="callback-complaint"');
    expect(html).toContain('无人接听');
    expect(html).toContain('data-testid="callback-deadline"');
    expect(html).toContain('data-testid="callback-survey-form"');
    expect(html).toContain('您向朋友推荐我们的可能性有多大？');
    expect(html).not.toContain('data-testid="callback-writeup"');
    expect(html).toContain('data-testid="callback-quiet-hours"');
    expect(html).toContain('按默认免打扰时段');
    expect(html).toContain('12:00–14:00、21:00–次日 09:00');
    expect(html).toContain('data-testid="callback-quiet-hours-edit"');
    expect(html).not.toContain('data-testid="callback-quiet-hours-clear"');
  });

  it("shows the customer's own rest hours, which can be cleared", async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render(callbackDetail({ customerQuietWindows: [{ start: '13:00', end: '15:30' }] }));
    expect(html).toContain('客户本人告知');
    expect(html).toContain('13:00–15:30');
    expect(html).not.toContain('按默认免打扰时段');
    expect(html).toContain('data-testid="callback-quiet-hours-clear"');
  });

  it('asks an unreached callback for its write-up and links a raised complaint', async () => {
    await i18n.changeLanguage('en');
    const html = render(
      callbackDetail({
        status: 'unreached',
        statusLabel: 'Unreached',
        needsWriteUp: true,
        complaintTicketId: '00000000-0000-4000-8000-0000000000f1',
      }),
    );
    expect(html).toContain('data-testid="callback-writeup"');
    expect(html).toContain('The customer called back: record the outcome');
    expect(html).not.toContain('data-testid="callback-not-reached"');
    expect(html).toContain('href="/tickets/00000000-0000-4000-8000-0000000000f1"');
    expect(html).toContain('data-testid="callback-complaint-ticket-link"');
  });

  it('shows the outcome of a done callback with the staff roles labelled', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render(
      callbackDetail({
        status: 'done',
        statusLabel: '已完成',
        satisfaction: 5,
        opinion: '拍得很好',
        completedAt: '2026-12-07T02:00:00Z',
        staffRatings: [{ role: 'store_rep', name: '林悦', score: 5 }],
      }),
    );
    expect(html).toContain('data-testid="callback-result"');
    expect(html).toContain('门店顾问');
    expect(html).not.toContain('store_rep');
    expect(html).not.toContain('data-testid="callback-reached"');
  });
});
