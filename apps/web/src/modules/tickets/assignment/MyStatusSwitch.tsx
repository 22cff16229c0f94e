import { DownOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRealtimeEvents } from '../../../api/realtime';
import { useAccess } from '../../auth/useAccess';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { AGENT_STATUSES, isStatusChangeOf, MY_STATUS_EVENTS, STATUS_BADGE } from './agentBoard';
import { agentListKey, agentsQueryKey, listAgents, setMyStatus } from './api';
import type { AgentStatus } from './types';

/** Safety net behind the live refresh: events sent while the stream was reconnecting are lost. */
export const MY_STATUS_POLL_MS = 5 * 60_000;

/**
 * The signed-in agent's availability (on shift / away / off) as a small dropdown: in the header of
 * the layout and of the availability board. Shown only to those who work on tickets. Automatic
 * assignment picks agents on shift only. Follows `agent.status_changed` about the signed-in agent
 * (a supervisor's change, another tab) over the shared real-time stream.
 */
export function MyStatusSwitch() {
  const { t } = useTranslation('ticketsAssignment');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useCurrentUser();
  const canWork = useAccess().can('tickets.write');
  // The own department's list is short and holds the signed-in agent (the API has no "me").
  const query = me?.department ? { departmentId: me.department.id } : {};
  const agents = useQuery({
    queryKey: agentListKey(query),
    queryFn: () => listAgents(query),
    enabled: canWork && !!me,
    staleTime: 30_000,
    refetchOnWindowFocus: true,
    refetchInterval: MY_STATUS_POLL_MS,
    meta: { silent: true },
  });
  useRealtimeEvents(
    MY_STATUS_EVENTS,
    (event) => {
      if (isStatusChangeOf(event, me?.id)) void queryClient.invalidateQueries({ queryKey: agentListKey(query) });
    },
    canWork && !!me,
  );
  const change = useMutation({
    mutationFn: setMyStatus,
    onSuccess: async (agent) => {
      message.success(t('myStatus.changed', { status: t(`status.${agent.status}`) }));
      await queryClient.invalidateQueries({ queryKey: agentsQueryKey });
    },
  });
  if (!canWork || !me) return null;
  if (!agents.data) {
    // Not known yet (or not answered): say nothing rather than a wrong status.
    return (
      <Button type="text" size="small" loading={agents.isLoading} disabled data-testid="my-status">
        {t('myStatus.label')}
      </Button>
    );
  }
  // Someone without a profile yet is off (as the server counts them).
  const status: AgentStatus = agents.data.items.find((agent) => agent.userId === me.id)?.status ?? 'off';

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [status],
        // The hint heads the menu (a tooltip on the button would cover the menu).
        items: [
          {
            type: 'group',
            label: t('myStatus.hint'),
            children: AGENT_STATUSES.map((key) => ({
              key,
              label: (
                <span data-testid={`my-status-${key}`}>
                  <Badge status={STATUS_BADGE[key]} text={t(`status.${key}`)} />
                </span>
              ),
            })),
          },
        ],
        onClick: ({ key }) => {
          if (key !== status) change.mutate(key as AgentStatus);
        },
      }}
    >
      <Button
        type="text"
        size="small"
        loading={change.isPending}
        aria-label={t('myStatus.label')}
        data-testid="my-status"
      >
        <Badge status={STATUS_BADGE[status]} text={t(`status.${status}`)} />
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
