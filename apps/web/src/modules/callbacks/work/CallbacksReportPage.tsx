import { QuestionCircleOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Segmented, Space, Statistic, Tooltip, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/EChart';
import { EmptyHint } from '../../../components/EmptyHint';
import { useAccess } from '../../auth/useAccess';
import { PeriodRangePicker } from '../../tickets/measures/PeriodRangePicker';
import { type Period, presetPeriod } from '../../tickets/measures/reportPeriod';
import {
  barChartHeight,
  breakdownName,
  formatRate,
  isEmptyReport,
  rateColor,
  ratesBarOption,
  specialistRatesOption,
} from './callbacksReport';
import { ReportBreakdownTable } from './ReportBreakdownTable';
import { callbackReportKey, getCallbackReport } from './reportApi';
import { UnreachedTable } from './UnreachedTable';

const QUICK = ['thisMonth', 'lastMonth'] as const;
type Quick = (typeof QUICK)[number] | 'custom';

/** Which quick choice a period is (another range: custom). */
function quickOf(period: Period): Quick {
  return (
    QUICK.find((q) => {
      const p = presetPeriod(q);
      return p.from === period.from && p.to === period.to;
    }) ?? 'custom'
  );
}

/** A figure's title with its written definition on hover. */
function Defined({ title, definition, testId }: { title: string; definition: ReactNode; testId: string }) {
  return (
    <Tooltip title={definition} styles={{ root: { maxWidth: 420 } }}>
      <span data-testid={testId}>
        {title} <QuestionCircleOutlined />
      </span>
    </Tooltip>
  );
}

/**
 * 回访报表: coverage (target 100 %), on-time rate and the unreached callbacks of a period (by due
 * date), each figure's definition on hover; the unreached ones per specialist. For surveys.report,
 * within the reader's data scope.
 */
export function CallbacksReportPage() {
  const { t } = useTranslation(['callbacksWork', 'common']);
  const access = useAccess();
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisMonth'));
  const quick = quickOf(period);
  const report = useQuery({
    queryKey: callbackReportKey(period),
    queryFn: () => getCallbackReport(period),
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  const pool = t('report.pool');
  const bySpecialist = useMemo(
    () =>
      (data?.bySpecialist ?? []).map((row) => ({
        name: breakdownName(row, pool, ''),
        coverage: row.coverage,
        onTimeRate: row.onTimeRate,
      })),
    [data, pool],
  );
  const ratesOption = useMemo(
    () =>
      data
        ? ratesBarOption(data, {
            coverage: t('report.coverage'),
            onTimeRate: t('report.onTimeRate'),
            target: t('report.target'),
          })
        : undefined,
    [data, t],
  );
  const specialistOption = useMemo(
    () => specialistRatesOption(bySpecialist, { coverage: t('report.coverage'), onTimeRate: t('report.onTimeRate') }),
    [bySpecialist, t],
  );
  const empty = data ? isEmptyReport(data) : false;

  return (
    <PageContainer content={t('report.intro')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="callbacks-report">
        <Card size="small">
          <Space wrap size={[16, 8]} data-testid="callbacks-report-period">
            <Typography.Text>{t('report.period')}</Typography.Text>
            <Segmented<Quick>
              value={quick}
              onChange={(value) => {
                if (value !== 'custom') setPeriod(presetPeriod(value));
              }}
              options={[...QUICK, 'custom' as const].map((q) => ({ value: q, label: t(`report.presets.${q}`) }))}
            />
            <PeriodRangePicker value={period} onChange={setPeriod} />
          </Space>
        </Card>
        {empty ? (
          <Card size="small">
            <EmptyHint
              testId="callbacks-report-empty"
              text={t('report.empty')}
              action={
                access.can('callbacks.manage') ? { label: t('report.emptyAction'), to: '/callbacks/plans' } : undefined
              }
            />
          </Card>
        ) : (
          <>
            <Row gutter={[16, 16]}>
              <Col xs={24} sm={8}>
                <Card size="small" loading={report.isLoading}>
                  <Statistic
                    title={
                      <Defined
                        title={t('report.coverage')}
                        definition={t('report.coverageHelp')}
                        testId="callbacks-report-coverage-title"
                      />
                    }
                    value={formatRate(data?.coverage)}
                    valueStyle={{ color: rateColor(data?.coverage) }}
                  />
                  <Typography.Text type="secondary" data-testid="callbacks-report-coverage-figures">
                    {t('report.coverageFigures', {
                      covered: data?.customersCovered ?? 0,
                      due: data?.customersDue ?? 0,
                    })}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={24} sm={8}>
                <Card size="small" loading={report.isLoading}>
                  <Statistic
                    title={
                      <Defined
                        title={t('report.onTimeRate')}
                        definition={t('report.onTimeRateHelp')}
                        testId="callbacks-report-ontime-title"
                      />
                    }
                    value={formatRate(data?.onTimeRate)}
                    valueStyle={{ color: rateColor(data?.onTimeRate) }}
                  />
                  <Typography.Text type="secondary">
                    {data?.onTimeRate === null
                      ? t('report.noneCompleted')
                      : t('report.onTimeFigures', {
                          onTime: data?.completedOnTime ?? 0,
                          completed: data?.completed ?? 0,
                        })}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={24} sm={8}>
                <Card size="small" loading={report.isLoading}>
                  <Statistic
                    title={
                      <Defined
                        title={t('report.unreachedCount')}
                        definition={t('report.unreachedHelp')}
                        testId="callbacks-report-unreached-title"
                      />
                    }
                    value={data?.unreachedCount ?? 0}
                    valueStyle={data?.unreachedCount ? { color: '#d48806' } : undefined}
                  />
                  <Typography.Text type="secondary">{t('report.unreachedNote')}</Typography.Text>
                </Card>
              </Col>
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={10}>
                <Card size="small" title={t('report.charts.rates')} loading={report.isLoading}>
                  {ratesOption && (
                    <EChart option={ratesOption} height={260} data-testid="callbacks-report-rates-chart" />
                  )}
                </Card>
              </Col>
              <Col xs={24} lg={14}>
                <Card size="small" title={t('report.charts.bySpecialist')} loading={report.isLoading}>
                  <EChart
                    option={specialistOption}
                    height={barChartHeight(bySpecialist.length * 2)}
                    data-testid="callbacks-report-specialist-chart"
                  />
                </Card>
              </Col>
            </Row>
            <Card size="small" title={t('report.breakdown.bySpecialist')}>
              <ReportBreakdownTable
                kind="specialist"
                rows={data?.bySpecialist ?? []}
                loading={report.isFetching}
                testId="callbacks-report-by-specialist"
              />
            </Card>
            <Card size="small" title={t('report.breakdown.byPlan')}>
              <ReportBreakdownTable
                kind="plan"
                rows={data?.byPlan ?? []}
                loading={report.isFetching}
                testId="callbacks-report-by-plan"
              />
            </Card>
            <Card size="small" title={t('report.unreached.title')}>
              <UnreachedTable rows={data?.unreached ?? []} loading={report.isFetching} />
            </Card>
          </>
        )}
      </Space>
    </PageContainer>
  );
}
