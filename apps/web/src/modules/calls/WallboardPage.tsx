import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Col, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRealtimeRefresh } from '../../api/realtime';
import { useAccess } from '../auth/useAccess';
import { listAtRisk } from '../sla/api';
import { callSettingsKey, getCallSettings, getCallStats, listCalls, wallboardKey } from './api';
import { formatPercent, ragOf, targetOf, todayInstants } from './callKpis';
import { FigureCard } from './FigureCard';
import { CALL_EVENTS, formatClock, liveQueue, WALLBOARD_REFRESH_MS } from './wallboard';

/** The wall board's queries (the unit test fills the cache under them). */
export const wallboardKeys = {
  stats: (day: string) => [...wallboardKey, 'stats', day] as const,
  live: (day: string) => [...wallboardKey, 'live', day] as const,
  atRisk: [...wallboardKey, 'at-risk'] as const,
};

/** The seconds clock of the longest wait: ticks every second between refreshes. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * 实时看板: the live queue (waiting now, longest wait, agents on a call), today's service level and
 * calls, and the tickets at risk of missing their time limit — big numbers for a screen on the wall.
 * Refreshed by the live call events (call.ringing/answered/ended/abandoned) and every 30 s.
 */
export function WallboardPage() {
  const { t } = useTranslation('calls');
  const access = useAccess();
  const client = useQueryClient();
  const now = useNow();
  const day = dayjs(now).format('YYYY-MM-DD');
  const today = todayInstants(dayjs(now));
  const refresh = { refetchInterval: WALLBOARD_REFRESH_MS, refetchIntervalInBackground: true } as const;
  const stats = useQuery({
    queryKey: wallboardKeys.stats(day),
    queryFn: () => getCallStats(today),
    ...refresh,
  });
  const live = useQuery({
    queryKey: wallboardKeys.live(day),
    queryFn: () => listCalls({ from: today.from, page: 1, pageSize: 200 }),
    ...refresh,
  });
  const mayReadSla = access.can('sla.read');
  const atRisk = useQuery({
    queryKey: wallboardKeys.atRisk,
    queryFn: () => listAtRisk({ page: 1, pageSize: 1 }),
    enabled: mayReadSla,
    ...refresh,
  });
  const settings = useQuery({ queryKey: callSettingsKey, queryFn: getCallSettings });
  useRealtimeRefresh(CALL_EVENTS, () => void client.invalidateQueries({ queryKey: wallboardKey }));

  const queue = liveQueue(live.data?.items ?? [], now);
  const total = stats.data?.total;
  const slTarget = targetOf('serviceLevelOffered', settings.data);
  const waitTarget = targetOf('avgWaitAnsweredSeconds', settings.data);
  const longestRag = ragOf(queue.longestWaitSeconds, waitTarget);
  const col = { xs: 24, sm: 12, xl: 8 } as const;
  return (
    <PageContainer content={t('intro.wallboard')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="call-wallboard">
        <Row gutter={[16, 16]}>
          <Col {...col}>
            <FigureCard
              big
              testId="call-wallboard-waiting"
              label={t('wallboard.waiting')}
              definition={t('wallboard.waitingHelp')}
              value={String(queue.waiting)}
              rag={queue.waiting > 0 ? longestRag : undefined}
              loading={live.isLoading}
            />
          </Col>
          <Col {...col}>
            <FigureCard
              big
              testId="call-wallboard-longest"
              label={t('wallboard.longestWait')}
              definition={t('wallboard.longestWaitHelp')}
              value={formatClock(queue.longestWaitSeconds)}
              rag={longestRag}
              loading={live.isLoading}
            />
          </Col>
          <Col {...col}>
            <FigureCard
              big
              testId="call-wallboard-on-call"
              label={t('wallboard.agentsOnCall')}
              definition={t('wallboard.agentsOnCallHelp')}
              value={String(queue.agentsOnCall)}
              loading={live.isLoading}
            />
          </Col>
          <Col {...col}>
            <FigureCard
              big
              testId="call-wallboard-service-level"
              label={t('wallboard.serviceLevel', {
                s: stats.data?.threshold ?? settings.data?.serviceLevelSeconds ?? 20,
              })}
              definition={t('figures.serviceLevelOffered.help')}
              value={formatPercent(total?.serviceLevelOffered)}
              rag={ragOf(total?.serviceLevelOffered, slTarget)}
              loading={stats.isLoading}
            />
          </Col>
          <Col {...col}>
            <FigureCard
              big
              testId="call-wallboard-calls"
              label={t('wallboard.today')}
              definition={t('wallboard.todayHelp')}
              value={String(total?.offered ?? 0)}
              sub={t('wallboard.todaySub', {
                answered: total?.answered ?? 0,
                abandoned: total?.abandoned ?? 0,
              })}
              loading={stats.isLoading}
            />
          </Col>
          {mayReadSla && (
            <Col {...col}>
              <FigureCard
                big
                testId="call-wallboard-at-risk"
                label={t('wallboard.atRisk')}
                definition={t('wallboard.atRiskHelp')}
                value={String(atRisk.data?.total ?? 0)}
                rag={atRisk.data ? (atRisk.data.total > 0 ? 'red' : 'green') : undefined}
                loading={atRisk.isLoading}
              />
            </Col>
          )}
        </Row>
        <Card size="small">
          <Typography.Text type="secondary" data-testid="call-wallboard-updated">
            {t('wallboard.updated', {
              time: dayjs(Math.max(stats.dataUpdatedAt, live.dataUpdatedAt) || now).format('HH:mm:ss'),
            })}
          </Typography.Text>
        </Card>
      </Space>
    </PageContainer>
  );
}
