import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../../api/types';
import { i18n } from '../../../i18n';
import { meQueryKey } from '../../auth/api';
import { periodDays, presetPeriod } from '../../tickets/measures/reportPeriod';
import type { SlaMetricFigures, SlaReport, SlaReportRow, SlaTrend } from './reportTypes';
import { SlaReportPage, slaReportQueryKey, slaTrendQueryKey } from './SlaReportPage';
import { defaultInterval } from './slaReportCharts';

const none: SlaMetricFigures = { total: 0, met: 0, breached: 0, open: 0, rate: null };
const figures = (met: number, breached: number, open = 0): SlaMetricFigures => ({
  total: met + breached,
  met,
  breached,
  open,
  rate: met + breached > 0 ? Math.round((met / (met + breached)) * 10_000) / 10_000 : null,
});
const row = (
  key: string,
  label: string,
  slaRate: number | null,
  m: Partial<SlaReportRow['metrics']>,
): SlaReportRow => ({
  key,
  label,
  metrics: {
    first_response: none,
    next_reply: none,
    resolution: none,
    promised_reply: none,
    team_handling: none,
    ...m,
  },
  pausedMinutes: 45,
  escalationsByLevel: { '1': 1, '2': 1 },
  lateFirings: 1,
  slaRate,
});
const weights = { first_response: 30, next_reply: 0, resolution: 40, promised_reply: 30, team_handling: 0 };

/** The report of the test on the server side (sla-report.test.ts): 热线组 72.5 %. */
function reportOf(rows: SlaReportRow[], totals: SlaReportRow): SlaReport {
  const period = presetPeriod('thisMonth');
  return { period, groupBy: 'agent', weights, rows, totals };
}

function render(report: SlaReport, permissions = ['tickets.read', 'sla.read', 'sla.report']) {
  const period = presetPeriod('thisMonth');
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  client.setQueryData(meQueryKey, { id: 'u1', username: 'sup', displayName: '周主管', permissions } as Me);
  client.setQueryData(slaReportQueryKey({ ...period, groupBy: 'agent' }), report);
  const trend: SlaTrend = { period, interval: 'day', weights, buckets: [] };
  client.setQueryData(slaTrendQueryKey({ ...period, interval: defaultInterval(periodDays(period)) }), trend);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <SlaReportPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('SLA dashboard', () => {
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

  it('shows the SLA rate, the weights in force, the charts and the rows worst first', async () => {
    await i18n.changeLanguage('zh-CN');
    const metrics = { first_response: figures(3, 1, 1), resolution: figures(1, 1), promised_reply: figures(2, 0) };
    const html = render(
      reportOf(
        [
          row('b', '李坐席', 0.4286, { first_response: figures(1, 0), resolution: figures(0, 1) }),
          row('a', '王坐席', 0.9, {
            first_response: figures(2, 1, 1),
            resolution: figures(1, 0),
            promised_reply: figures(2, 0),
          }),
        ],
        row('total', '合计', 0.725, metrics),
      ),
    );
    expect(html).toContain('SLA 达成率');
    expect(html).toContain('72.5%');
    expect(html).toContain('首次响应 30% · 解决 40% · 承诺回复 30%');
    expect(html).toContain('data-testid="sla-metrics-chart"');
    expect(html).toContain('data-testid="sla-trend-chart"');
    expect(html.indexOf('李坐席')).toBeLessThan(html.indexOf('王坐席'));
    expect(html).toContain('42.9%');
    expect(html).toContain('导出 CSV');
    expect(html).toContain('导出 Excel');
    expect(html).not.toContain('next_reply');
  });

  it('says what to do next when nothing can be measured, in English too', async () => {
    await i18n.changeLanguage('en');
    const empty = reportOf([], row('total', 'Total', null, {}));
    const html = render(empty, ['sla.report', 'sla.manage']);
    expect(html).toContain('No time limits to measure in this period');
    expect(html).toContain('Set up time-limit policies');
    expect(html).not.toContain('sla-metrics-chart');
    expect(render(empty)).not.toContain('Set up time-limit policies');
  });
});
