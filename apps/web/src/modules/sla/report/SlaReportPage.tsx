import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Row, Select, Space, Statistic, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { downloadFile } from '../../../api/download';
import { EChart } from '../../../components/EChart';
import { useAccess } from '../../auth/useAccess';
import { PeriodRangePicker } from '../../tickets/measures/PeriodRangePicker';
import { type Period, periodDays, presetPeriod } from '../../tickets/measures/reportPeriod';
import { getSlaReport, getSlaTrend, slaReportExportUrl, slaReportKey } from './reportApi';
import type { SlaMetricName, SlaReportGroup, SlaTrendInterval } from './reportTypes';
import { SlaReportTable } from './SlaReportTable';
import {
  defaultInterval,
  formatRate,
  headline,
  isEmptyReport,
  metricBarOption,
  rateColor,
  SLA_REPORT_METRICS,
  shownMetrics,
  trendOption,
  weightsText,
} from './slaReportCharts';

const GROUPS: SlaReportGroup[] = ['agent', 'team', 'type', 'priority', 'month'];
const INTERVALS: SlaTrendInterval[] = ['day', 'week', 'month'];

/** The query keys of the page (the unit test fills the cache under them). */
export const slaReportQueryKey = (query: Period & { groupBy: SlaReportGroup }) => [...slaReportKey, query] as const;
export const slaTrendQueryKey = (query: Period & { interval: SlaTrendInterval }) =>
  [...slaReportKey, 'trend', query] as const;

/**
 * SLA 达成 dashboard: the weighted SLA rate (its definition on hover), each metric's rate, the trend,
 * and the rows per agent / team / type / priority / month, worst first; CSV and Excel export.
 */
export function SlaReportPage() {
  const { t } = useTranslation(['slaReport', 'common']);
  const access = useAccess();
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisMonth'));
  const [groupBy, setGroupBy] = useState<SlaReportGroup>('agent');
  const [chosenInterval, setChosenInterval] = useState<SlaTrendInterval | undefined>();
  const interval = chosenInterval ?? defaultInterval(periodDays(period));
  const reportQuery = { ...period, groupBy };
  const trendQuery = { ...period, interval };
  const report = useQuery({
    queryKey: slaReportQueryKey(reportQuery),
    queryFn: () => getSlaReport(reportQuery),
    placeholderData: keepPreviousData,
  });
  const trend = useQuery({
    queryKey: slaTrendQueryKey(trendQuery),
    queryFn: () => getSlaTrend(trendQuery),
    placeholderData: keepPreviousData,
  });
  const exportFile = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') =>
      downloadFile(slaReportExportUrl(format, reportQuery), `sla-report.${format}`),
  });

  const data = report.data;
  const labels = useMemo(
    () => Object.fromEntries(SLA_REPORT_METRICS.map((m) => [m, t(`metrics.${m}`)])) as Record<SlaMetricName, string>,
    [t],
  );
  const metrics = useMemo(() => (data ? shownMetrics(data.weights, data.totals) : []), [data]);
  const barOption = useMemo(
    () => (data ? metricBarOption(data.totals, metrics, labels) : undefined),
    [data, metrics, labels],
  );
  const lineOption = useMemo(
    () => (trend.data ? trendOption(trend.data, metrics, { ...labels, slaRate: t('stats.slaRate') }) : undefined),
    [trend.data, metrics, labels, t],
  );
  const empty = data ? isEmptyReport(data) : false;
  const figures = data ? headline(data) : undefined;
  const weights = data ? weightsText(data.weights, labels) : '';

  const definition = (
    <Space direction="vertical" size={4}>
      <span>{t('stats.slaRateHelp')}</span>
      <span>{weights ? t('stats.weights', { weights }) : t('stats.noWeights')}</span>
    </Space>
  );

  return (
    <PageContainer content={t('intro')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap size={[16, 8]}>
            <Space wrap size={8} data-testid="sla-report-period">
              <Typography.Text>{t('filters.period')}</Typography.Text>
              <PeriodRangePicker value={period} onChange={setPeriod} />
            </Space>
            <Space size={8}>
              <Typography.Text>{t('filters.groupBy')}</Typography.Text>
              <Select<SlaReportGroup>
                value={groupBy}
                onChange={setGroupBy}
                style={{ width: 130 }}
                options={GROUPS.map((g) => ({ value: g, label: t(`groups.${g}`) }))}
              />
            </Space>
            <Space size={8}>
              <Button
                icon={<DownloadOutlined />}
                loading={exportFile.isPending && exportFile.variables === 'csv'}
                onClick={() => exportFile.mutate('csv')}
              >
                {t('export.csv')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                loading={exportFile.isPending && exportFile.variables === 'xlsx'}
                onClick={() => exportFile.mutate('xlsx')}
              >
                {t('export.xlsx')}
              </Button>
            </Space>
          </Space>
        </Card>
        {empty ? (
          <Card size="small">
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <Space direction="vertical" size={4}>
                  <Typography.Text strong>{t('empty.title')}</Typography.Text>
                  <Typography.Text type="secondary">{t('empty.hint')}</Typography.Text>
                </Space>
              }
            >
              {access.can('sla.manage') && (
                <Link to="/admin/sla-policies">
                  <Button type="primary">{t('empty.policies')}</Button>
                </Link>
              )}
            </Empty>
          </Card>
        ) : (
          <>
            <Row gutter={[16, 16]}>
              <Col xs={24} sm={12} lg={6}>
                <Card size="small" loading={report.isLoading}>
                  <Statistic
                    title={
                      <Tooltip title={definition} styles={{ root: { maxWidth: 420 } }}>
                        <span data-testid="sla-rate-title">
                          {t('stats.slaRate')} <QuestionCircleOutlined />
                        </span>
                      </Tooltip>
                    }
                    value={formatRate(data?.totals.slaRate)}
                    valueStyle={{ color: rateColor(data?.totals.slaRate) }}
                  />
                  <Typography.Text type="secondary">
                    {data?.totals.slaRate === null ? t('stats.noRate') : weights}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={12} sm={12} lg={6}>
                <Card size="small" loading={report.isLoading}>
                  <Statistic title={t('stats.ended')} value={figures?.ended ?? 0} />
                  <Typography.Text type="secondary">{t('stats.open', { n: figures?.open ?? 0 })}</Typography.Text>
                </Card>
              </Col>
              <Col xs={12} sm={12} lg={6}>
                <Card size="small" loading={report.isLoading}>
                  <Statistic
                    title={t('stats.breached')}
                    value={figures?.breached ?? 0}
                    valueStyle={figures?.breached ? { color: '#cf1322' } : undefined}
                  />
                  <Typography.Text type="secondary">
                    {t('stats.escalations')} {figures?.escalations ?? 0}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={24} sm={12} lg={6}>
                <Card size="small" loading={report.isLoading}>
                  <Statistic title={t('stats.pausedHours')} value={figures?.pausedHours ?? 0} />
                </Card>
              </Col>
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={9}>
                <Card size="small" title={t('charts.metrics')} loading={report.isLoading}>
                  {barOption && <EChart option={barOption} height={280} data-testid="sla-metrics-chart" />}
                </Card>
              </Col>
              <Col xs={24} xl={15}>
                <Card
                  size="small"
                  title={t('charts.trend')}
                  loading={trend.isLoading}
                  extra={
                    <Select<SlaTrendInterval>
                      size="small"
                      aria-label={t('filters.interval')}
                      value={interval}
                      onChange={setChosenInterval}
                      style={{ width: 96 }}
                      options={INTERVALS.map((i) => ({ value: i, label: t(`intervals.${i}`) }))}
                    />
                  }
                >
                  {lineOption && <EChart option={lineOption} height={280} data-testid="sla-trend-chart" />}
                </Card>
              </Col>
            </Row>
            <Card size="small" title={t('table.title')}>
              <SlaReportTable
                rows={data?.rows ?? []}
                metrics={metrics}
                groupBy={data?.groupBy ?? groupBy}
                loading={report.isFetching}
              />
            </Card>
          </>
        )}
      </Space>
    </PageContainer>
  );
}
