import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRealtimeRefresh } from '../../api/realtime';
import { EmptyHint } from '../../components/EmptyHint';
import { TICKET_EVENTS } from '../tickets/queue/ticketEvents';
import { AgentSection } from './AgentSection';
import { getHome, homeQueryKey } from './api';
import { Greeting } from './Greeting';
import { ManagerSection } from './ManagerSection';
import { Shortcuts } from './Shortcuts';
import { SupervisorSection } from './SupervisorSection';

/** Refetched on these besides the ticket events: the team's availability. */
const HOME_EVENTS = [...TICKET_EVENTS, 'agent.status_changed'] as const;

/**
 * 工作台: what needs my attention now, per role (docs/home.md) — each figure a link to the list it
 * counts, refreshed live when tickets change.
 */
export function HomePage() {
  const { t } = useTranslation('home');
  const queryClient = useQueryClient();
  const home = useQuery({ queryKey: homeQueryKey, queryFn: getHome });
  useRealtimeRefresh(HOME_EVENTS, () => void queryClient.invalidateQueries({ queryKey: homeQueryKey }));
  const data = home.data;
  const nothing = data && !data.agent && !data.supervisor && !data.manager;
  return (
    <PageContainer title={false}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Greeting />
        <Shortcuts />
        {home.isError ? <Alert type="error" showIcon message={t('loadFailed')} /> : null}
        {home.isLoading ? <Skeleton active /> : null}
        {/* The widest view first: a manager reads the month, then the team, then their own work. */}
        {data?.manager ? <ManagerSection data={data.manager} /> : null}
        {data?.supervisor ? <SupervisorSection data={data.supervisor} /> : null}
        {data?.agent ? <AgentSection data={data.agent} /> : null}
        {nothing ? <EmptyHint text={t('nothing')} testId="home-nothing" /> : null}
      </Space>
    </PageContainer>
  );
}
