import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { i18n } from '../../i18n';
import { meQueryKey } from '../auth/api';
import { presetPeriod } from '../tickets/measures/reportPeriod';
import { surveyKey, surveyResultsKey, surveysListKey } from './api';
import { SurveyBuilderPage } from './SurveyBuilderPage';
import { resultsQueryOf, SurveyResultsPage } from './SurveyResultsPage';
import { SurveysPage } from './SurveysPage';
import { summaryFixture, surveyFixture } from './surveyFixtures';
import type { SurveyResults } from './types';

function render(page: ReactNode, fill: (client: QueryClient) => void, path = '/') {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  client.setQueryData(meQueryKey, {
    id: 'u1',
    username: 'admin',
    displayName: '管理员',
    permissions: ['surveys.manage', 'surveys.report'],
  } as Me);
  fill(client);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <App>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/surveys/list/:id" element={page} />
            <Route path="*" element={page} />
          </Routes>
        </MemoryRouter>
      </App>
    </QueryClientProvider>,
  );
}

const results = (over: Partial<SurveyResults> = {}): SurveyResults => ({
  surveyId: summaryFixture.id,
  ...presetPeriod('last30Days'),
  period: 'day',
  minSample: 5,
  responses: 10,
  invitations: 40,
  nps: 30,
  npsBreakdown: { promoters: 5, passives: 3, detractors: 2, answers: 10 },
  csat: 0.8,
  csatAnswers: 10,
  responseRate: 0.25,
  suppressed: false,
  byStaff: [
    { userId: 'a', name: '王芳', role: 'agent', ratings: 10, satisfied: 0.9, mean: 4.5, suppressed: false },
    { userId: 'b', name: '陈晨', role: 'agent', ratings: 2, satisfied: null, mean: null, suppressed: true },
  ],
  byDepartment: [
    { departmentId: 'd1', departmentName: '热线组', responses: 10, nps: 30, csat: 0.8, suppressed: false },
  ],
  trend: [{ period: '2026-11-02', responses: 10, nps: 30, csat: 0.8, suppressed: false }],
  ...over,
});

describe('survey pages', () => {
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

  it('lists the questionnaires with their rules and counts', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render(<SurveysPage />, (c) => c.setQueryData(surveysListKey, { items: [summaryFixture] }));
    expect(html).toContain('data-testid="surveys-table"');
    expect(html).toContain('data-testid="survey-new"');
    expect(html).toContain('data-testid="survey-invite"');
    expect(html).toContain('满意度回访');
    expect(html).toContain('关闭后 1.5 小时 发送 · 抽样 25% · 链接 14 天有效 · 3 天后提醒一次');
    expect(html).toContain('40 / 48');
  });

  it('builds a questionnaire beside its preview, in English too', async () => {
    await i18n.changeLanguage('en');
    const html = render(
      <SurveyBuilderPage />,
      (c) => c.setQueryData(surveyKey(surveyFixture.id), surveyFixture),
      `/surveys/list/${surveyFixture.id}`,
    );
    expect(html).toContain('data-testid="survey-builder"');
    expect(html).toContain('data-testid="survey-preview"');
    expect(html).toContain('data-testid="survey-add-question"');
    expect(html).toContain('data-testid="survey-save"');
    expect(html).toContain('data-testid="survey-locked"');
    // The preview is the customer's page: Chinese by default, whatever the staff's language.
    expect(html).toContain('完全不可能');
    expect(html).toContain('被评人员：摄影师');
    expect(html).toContain('满意度回访</h4>');
    const fresh = render(<SurveyBuilderPage />, () => undefined, '/surveys/list/new');
    expect(fresh).toContain('New questionnaire');
    expect(fresh).toContain('How likely are you to recommend us');
  });

  it('shows NPS, CSAT and the response rate, or "sample too small"', async () => {
    await i18n.changeLanguage('zh-CN');
    const fill = (r: SurveyResults) => (c: QueryClient) => {
      c.setQueryData(surveysListKey, { items: [summaryFixture] });
      c.setQueryData(surveyResultsKey(summaryFixture.id, resultsQueryOf(presetPeriod('last30Days'))), r);
    };
    const html = render(<SurveyResultsPage />, fill(results()));
    expect(html).toContain('data-testid="survey-results"');
    expect(html).toContain('data-testid="survey-results-nps"');
    expect(html).toContain('+30');
    expect(html).toContain('80.0%');
    expect(html).toContain('25.0%');
    expect(html).toContain('王芳');
    expect(html).toContain('热线组');
    expect(html).toContain('data-testid="survey-results-trend-table"');
    expect(html).toContain('2026-11-02');
    expect(html).toContain('样本不足（至少 5 份）');

    const small = render(
      <SurveyResultsPage />,
      fill(
        results({
          responses: 3,
          nps: null,
          csat: null,
          responseRate: null,
          suppressed: true,
          npsBreakdown: { promoters: 0, passives: 0, detractors: 0, answers: 0 },
          byStaff: [],
          byDepartment: [],
          trend: [],
        }),
      ),
    );
    expect(small).not.toContain('+30');
    expect(small.split('样本不足（至少 5 份）').length).toBeGreaterThan(3);
  });
});
