import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../api/types';
import { i18n } from '../../../i18n';
import { meQueryKey } from '../../auth/api';
import { presetPeriod } from '../../tickets/measures/reportPeriod';
import { CallbacksReportPage } from './CallbacksReportPage';
import { type CallbackReport, callbackReportKey } from './reportApi';

const period = presetPeriod('thisMonth');
const report: CallbackReport = {
  ...period,
  customersDue: 5,
  customersCovered: 3,
  coverage: 0.6,
  completed: 3,
  completedOnTime: 2,
  onTimeRate: 2 / 3,
  unreachedCount: 1,
  bySpecialist: [
    {
      assignee: { id: 'u-sun', displayName: '孙丽' },
      customersDue: 5,
      customersCovered: 3,
      coverage: 0.6,
      completed: 3,
      completedOnTime: 2,
      onTimeRate: 2 / 3,
      unreachedCount: 1,
    },
  ],
  byPlan: [
    {
      plan: { id: 'p-1', name: '拍摄回访' },
      customersDue: 5,
      customersCovered: 3,
      coverage: 0.6,
      completed: 3,
      completedOnTime: 2,
      onTimeRate: 2 / 3,
      unreachedCount: 1,
    },
  ],
  unreached: [
    {
      id: 'cb-1',
      customer: { id: 'cust-1', name: '王女士' },
      dueDate: period.from,
      attempts: 3,
      assignee: { id: 'u-sun', displayName: '孙丽' },
      writeUp: '三次未接，已发短信',
    },
  ],
};

function render(data: CallbackReport, permissions = ['surveys.report', 'callbacks.work', 'customers.read']) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  client.setQueryData(meQueryKey, { id: 'u1', username: 'mgr', displayName: '经理', permissions } as Me);
  client.setQueryData(callbackReportKey(period), data);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <CallbacksReportPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('callback report page', () => {
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

  it('shows the rates with their figures, the charts and the unreached list with links', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render(report);
    expect(html).toContain('data-testid="callbacks-report"');
    expect(html).toContain('回访覆盖率');
    expect(html).toContain('60.0%');
    expect(html).toContain('66.7%');
    expect(html).toContain('已覆盖 3 / 应回访 5 位客户');
    expect(html).toContain('按时 2 / 已完成 3 条');
    expect(html).toContain('data-testid="callbacks-report-rates-chart"');
    expect(html).toContain('data-testid="callbacks-report-specialist-chart"');
    expect(html).toContain('data-testid="callbacks-report-unreached"');
    expect(html).toContain('href="/customers/cust-1"');
    expect(html).toContain('href="/callbacks/cb-1"');
    expect(html).toContain('三次未接，已发短信');
    expect(html).toContain('data-testid="callbacks-report-by-specialist"');
    expect(html).toContain('data-testid="callbacks-report-by-plan"');
    expect(html).toContain('拍摄回访');
  });

  it('says so when nothing was due, in English, without links the reader may not follow', async () => {
    await i18n.changeLanguage('en');
    const empty = {
      ...report,
      customersDue: 0,
      customersCovered: 0,
      coverage: null,
      completed: 0,
      completedOnTime: 0,
      onTimeRate: null,
      unreachedCount: 0,
      bySpecialist: [],
      byPlan: [],
      unreached: [],
    };
    const html = render(empty, ['surveys.report']);
    expect(html).toContain('No callback was due in this period');
    expect(html).not.toContain('See the callback plans');
    expect(render(empty, ['surveys.report', 'callbacks.manage'])).toContain('See the callback plans');
    const noLinks = render(report, ['surveys.report']);
    expect(noLinks).not.toContain('href="/callbacks/cb-1"');
    expect(noLinks).not.toContain('href="/customers/cust-1"');
    expect(noLinks).toContain('Coverage');
  });
});
