import { PageContainer } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Flex, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { EChart } from '../../components/EChart';
import { EmptyHint } from '../../components/EmptyHint';
import { useAccess } from '../auth/useAccess';
import { PeriodRangePicker } from '../tickets/measures/PeriodRangePicker';
import { type Period, presetPeriod } from '../tickets/measures/reportPeriod';
import { getSurveyResults, listSurveys, surveyResultsKey, surveysListKey } from './api';
import { ResponsesDrawer, type ResponsesFilter } from './ResponsesDrawer';
import { DepartmentTable, StaffTable, TrendTable } from './ResultBreakdowns';
import { Defined, ResultFigures } from './ResultFigures';
import { bucketRange, defaultSurveyId, NPS_BANDS, npsSplitOption, staffBarOption, trendOption } from './surveyResults';
import { RESULTS_PERIODS, type ResultsPeriod, type ResultsQuery, type SurveyResults } from './types';

/** The results query of the page (the unit test fills the cache under it). */
export const resultsQueryOf = (period: Period, bucket?: ResultsPeriod): ResultsQuery =>
  bucket ? { ...period, period: bucket } : { ...period };

/** NPS split, trend and the per staff / department breakdowns of one result. */
function ResultCharts({ results, open }: { results: SurveyResults; open: (extra?: Partial<ResponsesFilter>) => void }) {
  const { t } = useTranslation('surveys');
  const bands = useMemo(
    () =>
      Object.fromEntries(NPS_BANDS.map((b) => [b, t(`results.bands.${b}`)])) as Record<
        (typeof NPS_BANDS)[number],
        string
      >,
    [t],
  );
  const split = useMemo(() => npsSplitOption(results.npsBreakdown, bands), [results, bands]);
  const trend = useMemo(
    () => trendOption(results, { responses: t('results.responses'), nps: t('results.nps'), csat: t('results.csat') }),
    [results, t],
  );
  const staffChart = useMemo(
    () => staffBarOption(results.byStaff, t('results.unnamed'), t('results.satisfied')),
    [results, t],
  );
  const shownStaff = results.byStaff.some((s) => !s.suppressed);
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card
            size="small"
            title={
              <Defined label={t('results.npsSplit')} definition={t('results.def.nps')} minSample={results.minSample} />
            }
            style={{ height: '100%' }}
          >
            {results.npsBreakdown.answers > 0 ? (
              <EChart option={split} height={120} data-testid="survey-results-nps-split" />
            ) : (
              <Typography.Text type="secondary">{t('results.suppressed', { n: results.minSample })}</Typography.Text>
            )}
            <Space wrap style={{ marginTop: 8 }}>
              {NPS_BANDS.map((band) => (
                <Typography.Text key={band}>
                  {bands[band]} {results.npsBreakdown[band]}
                </Typography.Text>
              ))}
            </Space>
            <div style={{ marginTop: 8 }}>
              <Button size="small" data-testid="survey-results-low" onClick={() => open({ lowScore: true })}>
                {t('results.viewLowScores')}
              </Button>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          <Card size="small" title={t('results.trend')}>
            <EChart option={trend} height={280} data-testid="survey-results-trend" />
            <TrendTable
              results={results}
              onOpen={(bucket) => open(bucketRange(bucket.period, results.period, results))}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('results.byStaff')}>
            {shownStaff && <EChart option={staffChart} height={Math.max(160, results.byStaff.length * 32)} />}
            <StaffTable
              rows={results.byStaff}
              minSample={results.minSample}
              onOpen={(row) => open({ staff: { userId: row.userId, name: row.name ?? t('results.unnamed') } })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('results.byDepartment')}>
            <DepartmentTable
              rows={results.byDepartment}
              minSample={results.minSample}
              onOpen={(row) =>
                open({ department: { id: row.departmentId, name: row.departmentName ?? t('results.unnamed') } })
              }
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/**
 * 满意度结果: NPS, CSAT and response rate of one questionnaire over a period (definitions on hover,
 * "sample too small" below the minimum), the NPS split, the trend, per staff member and department;
 * every figure and row opens the answers under it.
 */
export function SurveyResultsPage() {
  const { t } = useTranslation(['surveys', 'common']);
  const access = useAccess();
  // The questionnaire is in the address (`?survey=<id>`): the list's "results" link and the e2e open it.
  const [search, setSearch] = useSearchParams();
  const chosen = search.get('survey') ?? undefined;
  const setChosen = (id: string) =>
    setSearch(
      (params) => {
        params.set('survey', id);
        return params;
      },
      { replace: true },
    );
  const [period, setPeriod] = useState<Period>(() => presetPeriod('last30Days'));
  const [bucket, setBucket] = useState<ResultsPeriod | undefined>();
  const [drill, setDrill] = useState<ResponsesFilter | null>(null);
  const surveys = useQuery({ queryKey: surveysListKey, queryFn: listSurveys });
  const items = surveys.data?.items ?? [];
  const surveyId = (chosen && items.some((s) => s.id === chosen) ? chosen : undefined) ?? defaultSurveyId(items);
  const survey = items.find((s) => s.id === surveyId);
  const query = resultsQueryOf(period, bucket);
  const results = useQuery({
    queryKey: surveyResultsKey(surveyId ?? '', query),
    queryFn: () => getSurveyResults(surveyId as string, query),
    enabled: !!surveyId,
    placeholderData: keepPreviousData,
  });
  const data = results.data;
  const open = (extra: Partial<ResponsesFilter> = {}) => setDrill({ ...period, ...extra });

  if (!surveys.isLoading && items.length === 0) {
    return (
      <PageContainer content={t('intro.results')}>
        <Card>
          {access.can('surveys.manage') ? (
            <EmptyHint
              testId="survey-results-empty"
              text={t('results.noSurveys')}
              action={{ label: t('list.new'), to: '/surveys/list/new' }}
            />
          ) : (
            <EmptyHint testId="survey-results-empty" text={t('results.noSurveysReader')} />
          )}
        </Card>
      </PageContainer>
    );
  }

  return (
    <PageContainer content={t('intro.results')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="survey-results">
        <Card size="small">
          <Flex wrap gap="8px 16px" align="center">
            <Flex wrap gap={8} align="center" style={{ maxWidth: '100%' }}>
              <Typography.Text>{t('results.survey')}</Typography.Text>
              <Select<string>
                data-testid="survey-results-survey"
                value={surveyId}
                loading={surveys.isLoading}
                onChange={setChosen}
                style={{ width: 240, maxWidth: '100%' }}
                options={items.map((s) => ({
                  value: s.id,
                  label: s.active ? s.name : `${s.name}（${t('common:status.inactive')}）`,
                }))}
              />
            </Flex>
            <Flex wrap gap={8} align="center" style={{ maxWidth: '100%' }} data-testid="survey-results-period">
              <Typography.Text>{t('results.period')}</Typography.Text>
              <PeriodRangePicker value={period} onChange={setPeriod} />
            </Flex>
            <Flex wrap gap={8} align="center">
              <Typography.Text>{t('results.granularity')}</Typography.Text>
              <Select<ResultsPeriod>
                value={bucket ?? data?.period}
                onChange={setBucket}
                style={{ width: 110 }}
                options={RESULTS_PERIODS.map((p) => ({ value: p, label: t(`periods.${p}`) }))}
              />
            </Flex>
          </Flex>
        </Card>
        {data && (
          <>
            <ResultFigures results={data} onOpen={(lowScore) => open({ lowScore })} />
            {data.responses === 0 && <EmptyHint testId="survey-results-none" text={t('results.noResponses')} />}
            <ResultCharts results={data} open={open} />
          </>
        )}
        {results.isLoading && <Card size="small" loading />}
      </Space>
      {survey && <ResponsesDrawer survey={survey} filter={drill} onClose={() => setDrill(null)} />}
    </PageContainer>
  );
}
