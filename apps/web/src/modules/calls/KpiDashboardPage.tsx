import { PageContainer } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { EmptyHint } from '../../components/EmptyHint';
import { useAccess } from '../auth/useAccess';
import { PeriodRangePicker } from '../tickets/measures/PeriodRangePicker';
import { type Period, presetPeriod } from '../tickets/measures/reportPeriod';
import { callSettingsKey, callStatsKey, callTrendKey, getCallSettings, getCallStats, getCallTrend } from './api';
import { CallsDrawer, type CallsFilter } from './CallsDrawer';
import {
  formatFigure,
  formatNumber,
  formatPercent,
  formatTarget,
  KPI_FIGURES,
  type KpiFigure,
  periodInstants,
  queuesOption,
  RATIO_FIGURES,
  ragOf,
  targetOf,
  trendBucket,
  trendOption,
} from './callKpis';
import { FigureCard } from './FigureCard';
import { AgentTable, QueueTable } from './KpiTables';
import type { CallStats, CallStatsQuery, CallTrendQuery } from './types';

export type KpiFilters = { queue?: string; agent?: string; direction?: 'inbound' | 'outbound'; threshold?: number };

/** The KPI query of the page (the unit test fills the cache under it). */
export function statsQueryOf(period: Period, filters: KpiFilters): CallStatsQuery {
  const query: CallStatsQuery = { ...periodInstants(period) };
  if (filters.queue) query.queue = filters.queue;
  if (filters.agent) query.agent = filters.agent;
  if (filters.direction) query.direction = filters.direction;
  if (filters.threshold !== undefined) query.threshold = filters.threshold;
  return query;
}

/** The trend query: the same period and filters (no agent: the trend is per queue or all queues). */
export function trendQueryOf(period: Period, filters: KpiFilters): CallTrendQuery {
  const { agent: _agent, ...rest } = statsQueryOf(period, filters);
  return { ...rest, bucket: trendBucket(period) };
}

/** The line under a card: what the figure is made of. */
function subOf(figure: KpiFigure, stats: CallStats, t: ReturnType<typeof useTranslation<'calls'>>['t']): string {
  const total = stats.total;
  switch (figure) {
    case 'serviceLevelOffered':
      return t('sub.serviceLevelOffered', {
        within: total.answeredWithinThreshold,
        offered: total.offered,
        ex: formatPercent(total.serviceLevelOfferedExShortAbandons),
      });
    case 'serviceLevelAnswered':
      return t('sub.serviceLevelAnswered', { within: total.answeredWithinThreshold, answered: total.answered });
    case 'answerRate':
      return t('sub.answerRate', { answered: total.answered, offered: total.offered });
    case 'abandonRate':
      return t('sub.abandonRate', {
        abandoned: total.abandoned,
        short: total.shortAbandoned,
        s: stats.shortAbandonSeconds,
      });
    case 'avgWaitAnsweredSeconds':
      return t('sub.avgWait', { abandoned: formatNumber(total.avgWaitAbandonedSeconds, 1) });
    case 'avgHandlingSeconds':
      return t('sub.aht', { talk: formatNumber(total.avgTalkSeconds, 1) });
    case 'avgRings':
      return t('sub.rings', { answered: total.answered });
    default:
      return '';
  }
}

/**
 * 话务指标: the KPIs of a period against the call settings' targets (red/amber/green, the rule and
 * each formula on hover), per queue and per agent, with the trend; a queue or agent row opens its calls.
 */
export function KpiDashboardPage() {
  const { t } = useTranslation(['calls', 'common']);
  const access = useAccess();
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisMonth'));
  const [filters, setFilters] = useState<KpiFilters>({});
  const [drill, setDrill] = useState<CallsFilter | null>(null);
  const query = statsQueryOf(period, filters);
  const trendQuery = trendQueryOf(period, filters);
  const settings = useQuery({ queryKey: callSettingsKey, queryFn: getCallSettings });
  const stats = useQuery({
    queryKey: callStatsKey(query),
    queryFn: () => getCallStats(query),
    placeholderData: keepPreviousData,
  });
  const trend = useQuery({
    queryKey: callTrendKey(trendQuery),
    queryFn: () => getCallTrend(trendQuery),
    placeholderData: keepPreviousData,
  });
  const data = stats.data;
  const target = (figure: KpiFigure) => targetOf(figure, settings.data, filters.direction);
  const trendChart = useMemo(
    () =>
      trend.data
        ? trendOption(trend.data, {
            offered: t('counts.offered'),
            answered: t('counts.answered'),
            abandoned: t('counts.abandoned'),
            serviceLevel: t('figures.serviceLevelOffered.short'),
            answerRate: t('figures.answerRate.short'),
          })
        : undefined,
    [trend.data, t],
  );
  const queueChart = useMemo(
    () =>
      queuesOption(data?.queues ?? [], {
        offered: t('counts.offered'),
        serviceLevel: t('figures.serviceLevelOffered.short'),
      }),
    [data, t],
  );
  const queueOptions = (data?.queues ?? []).map((q) => ({ value: q.queue, label: q.queue }));
  const agentOptions = (data?.agents ?? []).map((a) => ({
    value: a.agent,
    label: a.userName ? t('agentName', { name: a.userName, agent: a.agent }) : a.agent,
  }));
  const empty = data !== undefined && data.total.offered === 0;

  return (
    <PageContainer content={t('intro.kpis')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="call-kpi-dashboard">
        <Card size="small">
          <Flex wrap gap="8px 16px" align="center">
            <Flex wrap gap={8} align="center" style={{ maxWidth: '100%' }} data-testid="call-kpi-period">
              <Typography.Text>{t('filters.period')}</Typography.Text>
              <PeriodRangePicker value={period} onChange={setPeriod} />
            </Flex>
            <Select<string>
              allowClear
              showSearch
              data-testid="call-kpi-queue"
              placeholder={t('filters.allQueues')}
              value={filters.queue}
              onChange={(queue) => setFilters((f) => ({ ...f, queue }))}
              options={
                filters.queue && !queueOptions.some((o) => o.value === filters.queue)
                  ? [...queueOptions, { value: filters.queue, label: filters.queue }]
                  : queueOptions
              }
              style={{ width: 160, maxWidth: '100%' }}
            />
            <Select<string>
              allowClear
              showSearch
              data-testid="call-kpi-agent"
              placeholder={t('filters.allAgents')}
              value={filters.agent}
              onChange={(agent) => setFilters((f) => ({ ...f, agent }))}
              options={
                filters.agent && !agentOptions.some((o) => o.value === filters.agent)
                  ? [...agentOptions, { value: filters.agent, label: filters.agent }]
                  : agentOptions
              }
              style={{ width: 200, maxWidth: '100%' }}
            />
            <Select<'inbound' | 'outbound'>
              allowClear
              placeholder={t('filters.allDirections')}
              value={filters.direction}
              onChange={(direction) => setFilters((f) => ({ ...f, direction }))}
              options={(['inbound', 'outbound'] as const).map((d) => ({ value: d, label: t(`directions.${d}`) }))}
              style={{ width: 120 }}
            />
            <Flex gap={8} align="center">
              <Typography.Text>{t('filters.threshold')}</Typography.Text>
              <InputNumber<number>
                data-testid="call-kpi-threshold"
                min={0}
                max={3600}
                precision={0}
                value={filters.threshold ?? data?.threshold ?? settings.data?.serviceLevelSeconds}
                onChange={(value) => setFilters((f) => ({ ...f, threshold: value ?? undefined }))}
                addonAfter={t('secondsUnit')}
                style={{ width: 120 }}
              />
            </Flex>
          </Flex>
        </Card>
        {stats.isLoading && <Card size="small" loading />}
        {data && (
          <>
            {empty && (
              <Card size="small">
                <EmptyHint
                  testId="call-kpi-empty"
                  text={t('kpis.empty')}
                  action={
                    access.can('calls.import') ? { label: t('kpis.emptyAction'), to: '/calls/imports' } : undefined
                  }
                />
              </Card>
            )}
            <Row gutter={[16, 16]}>
              {KPI_FIGURES.map((figure) => {
                const goal = target(figure);
                return (
                  <Col key={figure} xs={12} md={8} xl={6}>
                    <FigureCard
                      testId={`call-kpi-${figure}`}
                      label={t(`figures.${figure}.label`)}
                      definition={t(`figures.${figure}.help`)}
                      value={formatFigure(figure, data.total)}
                      suffix={RATIO_FIGURES.has(figure) || figure === 'avgRings' ? undefined : t('secondsUnit')}
                      rag={ragOf(data.total[figure], goal)}
                      target={formatTarget(figure, goal)}
                      sub={subOf(figure, data, t)}
                    />
                  </Col>
                );
              })}
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <Card size="small" title={t('kpis.trend')}>
                  {trendChart && trend.data && trend.data.points.length > 0 ? (
                    <EChart option={trendChart} height={300} data-testid="call-kpi-trend" />
                  ) : (
                    <EmptyHint testId="call-kpi-trend-empty" text={t('kpis.trendEmpty')} />
                  )}
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card size="small" title={t('kpis.byQueueChart')}>
                  {data.queues.length > 0 ? (
                    <EChart option={queueChart} height={300} data-testid="call-kpi-queue-chart" />
                  ) : (
                    <EmptyHint text={t('kpis.trendEmpty')} />
                  )}
                </Card>
              </Col>
            </Row>
            <Card
              size="small"
              title={t('kpis.byQueue')}
              extra={<Typography.Text type="secondary">{t('kpis.rowHint')}</Typography.Text>}
            >
              <QueueTable
                rows={data.queues}
                targets={{
                  serviceLevel: target('serviceLevelOffered'),
                  answerRate: target('answerRate'),
                  wait: target('avgWaitAnsweredSeconds'),
                  aht: target('avgHandlingSeconds'),
                  rings: target('avgRings'),
                }}
                onOpen={(row) => setDrill({ title: row.queue, from: data.from, to: data.to, queue: row.queue })}
              />
            </Card>
            <Card size="small" title={t('kpis.byAgent')}>
              <AgentTable
                rows={data.agents}
                targets={{ aht: target('avgHandlingSeconds'), rings: target('avgRings') }}
                onOpen={(row) =>
                  setDrill({
                    title: row.userName ?? row.agent,
                    from: data.from,
                    to: data.to,
                    agent: row.agent,
                    queue: filters.queue,
                  })
                }
              />
            </Card>
          </>
        )}
      </Space>
      <CallsDrawer filter={drill} onClose={() => setDrill(null)} />
    </PageContainer>
  );
}
