import { environmentManager, QueryClient, QueryClientProvider, QueryObserver } from '@tanstack/react-query';
import { App } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { api } from '../../api/client';
import type { Me } from '../../api/types';
import { i18n } from '../../i18n';
import { meQueryKey } from '../auth/api';
import { presetPeriod } from '../tickets/measures/reportPeriod';
import { callSettingsKey, callStatsKey, callTrendKey, erlangCKey, intradayKey, uploadCallFile } from './api';
import { CallImportPage, callImportQuery, ImportSummary } from './CallImportPage';
import { periodInstants } from './callKpis';
import {
  callFixture,
  erlangFixture,
  importFixture,
  intradayFixture,
  settingsFixture,
  statsFixture,
  trendFixture,
} from './fixtures';
import { KpiDashboardPage, statsQueryOf, trendQueryOf } from './KpiDashboardPage';
import { DEFAULT_ERLANG_FORM, erlangQueryOf, intradayQueryOf, StaffingPage } from './StaffingPage';
import { WallboardPage, wallboardKeys } from './WallboardPage';

const PERMISSIONS = ['calls.read', 'calls.import', 'sla.read'];

function render(page: ReactNode, fill: (client: QueryClient) => void) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  client.setQueryData(meQueryKey, {
    id: 'u1',
    username: 'admin',
    displayName: '管理员',
    permissions: PERMISSIONS,
  } as Me);
  fill(client);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter>{page}</MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

describe('call pages', () => {
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

  it('shows the KPI cards against their targets, per queue and agent, with the trend', async () => {
    await i18n.changeLanguage('zh-CN');
    const period = presetPeriod('thisMonth');
    const query = statsQueryOf(period, {});
    const html = render(<KpiDashboardPage />, (c) => {
      c.setQueryData(callSettingsKey, settingsFixture);
      c.setQueryData(callStatsKey(query), statsFixture(query.from, query.to));
      c.setQueryData(callTrendKey(trendQueryOf(period, {})), trendFixture(query.from, query.to));
    });
    expect(html).toContain('data-testid="call-kpi-dashboard"');
    for (const figure of ['serviceLevelOffered', 'serviceLevelAnswered', 'answerRate', 'abandonRate', 'avgRings'])
      expect(html).toContain(`data-testid="call-kpi-${figure}"`);
    // 78 % against 80 %: amber; 3.5 rings against 2–3: red; AHT 250 s within 210–330: green.
    expect(html).toContain('78.0%');
    expect(html).toContain('data-testid="call-rag-amber"');
    expect(html).toContain('data-testid="call-rag-red"');
    expect(html).toContain('data-testid="call-rag-green"');
    expect(html).toContain('目标 ≥ 80.0%');
    expect(html).toContain('data-testid="call-kpi-queues"');
    expect(html).toContain('data-testid="call-kpi-agents"');
    expect(html).toContain('王芳（PJSIP/8001）');
    expect(html).toContain('data-testid="call-kpi-trend"');
  });

  it('says what to do when the period has no calls, in English too', async () => {
    await i18n.changeLanguage('en');
    const period = presetPeriod('thisMonth');
    const query = statsQueryOf(period, {});
    const empty = statsFixture(query.from, query.to);
    const html = render(<KpiDashboardPage />, (c) => {
      c.setQueryData(callSettingsKey, settingsFixture);
      c.setQueryData(callStatsKey(query), {
        ...empty,
        queues: [],
        agents: [],
        total: { ...empty.total, offered: 0, serviceLevelOffered: null },
      });
      c.setQueryData(callTrendKey(trendQueryOf(period, {})), { ...trendFixture(query.from, query.to), points: [] });
    });
    expect(html).toContain('data-testid="call-kpi-empty"');
    expect(html).toContain('Import calls');
    expect(html).toContain('Service level (offered)');
    expect(html).toContain('—');
  });

  it('computes staffing with Erlang C and shows the intraday forecast', async () => {
    await i18n.changeLanguage('zh-CN');
    const date = dayjs().add(1, 'day').format('YYYY-MM-DD');
    const html = render(<StaffingPage />, (c) => {
      c.setQueryData(erlangCKey(erlangQueryOf(DEFAULT_ERLANG_FORM)), erlangFixture);
      c.setQueryData(intradayKey(intradayQueryOf(date)), intradayFixture(date));
      const recent = periodInstants(presetPeriod('last30Days'));
      c.setQueryData(callStatsKey(recent), statsFixture(recent.from, recent.to));
    });
    expect(html).toContain('data-testid="call-staffing"');
    expect(html).toContain('data-testid="call-staffing-agents"');
    expect(html).toContain('17.4%');
    expect(html).toContain('88.8%');
    expect(html).toContain('7.8');
    expect(html).toContain('data-testid="call-staffing-chart"');
    expect(html).toContain('data-testid="call-staffing-table"');
    expect(html).toContain('09:00–09:30');
    expect(erlangQueryOf(DEFAULT_ERLANG_FORM)).toEqual({
      calls: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      targetAnswerSeconds: 20,
      targetServiceLevel: 0.8,
      shrinkage: 0.3,
    });
  });

  it('shows the live queue and today on the wall board', async () => {
    await i18n.changeLanguage('zh-CN');
    const day = dayjs().format('YYYY-MM-DD');
    const today = periodInstants({ from: day, to: day });
    const entered = new Date(Date.now() - 65_000).toISOString();
    const html = render(<WallboardPage />, (c) => {
      c.setQueryData(callSettingsKey, settingsFixture);
      c.setQueryData(wallboardKeys.stats(day), statsFixture(today.from, today.to));
      c.setQueryData(wallboardKeys.live(day), {
        items: [callFixture({ enteredAt: entered })],
        total: 1,
        page: 1,
        pageSize: 200,
      });
      c.setQueryData(wallboardKeys.atRisk, { items: [], total: 3, page: 1, pageSize: 1 });
    });
    expect(html).toContain('data-testid="call-wallboard"');
    expect(html).toContain('data-testid="call-wallboard-waiting"');
    expect(html).toMatch(/1:0[5-9]/);
    expect(html).toContain('78.0%');
    expect(html).toContain('data-testid="call-wallboard-at-risk"');
    expect(html).toContain('接通 85 · 放弃 10');
  });

  it('shows the import form, then the summary with the translated line errors', async () => {
    await i18n.changeLanguage('zh-CN');
    const page = render(<CallImportPage />, () => undefined);
    expect(page).toContain('data-testid="call-import-file"');
    expect(page).toContain('Asterisk queue_log');
    const summary = render(<ImportSummary record={importFixture({ errorCount: 1500 })} />, () => undefined);
    expect(summary).toContain('data-testid="call-import-summary"');
    expect(summary).toContain('2990');
    expect(summary).toContain('时间无法识别');
    expect(summary).toContain('共 1500 行错误，显示前 1 行。');
  });
});

describe('the import flow', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('uploads format, mapping and file with upload progress and hands back the 202 answer', async () => {
    const sent: { headers: Record<string, string>; body?: FormData; url?: string } = { headers: {} };
    const queued = importFixture({ status: 'queued', progress: 0 });
    class FakeXhr {
      upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
      onload?: () => void;
      onerror?: () => void;
      status = 0;
      responseText = '';
      withCredentials = false;
      open(_method: string, url: string) {
        sent.url = url;
      }
      setRequestHeader(name: string, value: string) {
        sent.headers[name] = value;
      }
      getResponseHeader() {
        return 'application/json';
      }
      send(body: FormData) {
        sent.body = body;
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
        this.status = 202;
        this.responseText = JSON.stringify(queued);
        this.onload?.();
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const progress: number[] = [];
    const file = new File(['id,q,t,r\n'], 'calls.csv', { type: 'text/csv' });
    const mapping = { externalId: 'id', queue: 'q', enteredAt: 't', outcome: 'r' };
    const answer = await uploadCallFile('csv', file, mapping, (p) => progress.push(p));
    expect(answer).toEqual({ status: 202, record: queued });
    expect(progress).toEqual([0.5, 1]);
    expect(sent.url).toBe('/api/v1/calls/imports');
    expect([...(sent.body?.keys() ?? [])]).toEqual(['format', 'mapping', 'file']);
    expect(sent.body?.get('format')).toBe('csv');
    expect(JSON.parse(String(sent.body?.get('mapping')))).toEqual(mapping);
  });

  it('polls the import every second until it is done, then stops', async () => {
    vi.useFakeTimers();
    // Node has no window: TanStack Query would not schedule refetch timers at all.
    environmentManager.setIsServer(() => false);
    onTestFinished(() => environmentManager.setIsServer(() => typeof window === 'undefined'));
    const answers = [
      importFixture({ status: 'running', progress: 0.4 }),
      importFixture({ status: 'running', progress: 0.8 }),
      importFixture({ status: 'done', progress: 1 }),
    ];
    const get = vi.spyOn(api, 'GET').mockImplementation((() => {
      const data = answers.shift() ?? importFixture();
      return Promise.resolve({ data, response: new Response('{}') });
    }) as never);
    const client = new QueryClient();
    const id = importFixture().id;
    const observer = new QueryObserver(client, callImportQuery(id));
    const seen: string[] = [];
    const unsubscribe = observer.subscribe((result) => {
      if (result.data) seen.push(`${result.data.status}:${result.data.progress}`);
    });
    await vi.advanceTimersByTimeAsync(10);
    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(seen.at(-1)).toBe('done:1');
    const calls = get.mock.calls.length;
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(5000);
    expect(get.mock.calls.length).toBe(calls);
    expect(get.mock.calls[0]?.[0]).toBe('/api/v1/calls/imports/{id}');
    unsubscribe();
  });
});
