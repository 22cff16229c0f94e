import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Dropdown, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { AGENT_STATUSES, STATUS_BADGE } from './agentBoard';
import { agentsQueryKey, updateAgent } from './api';
import type { Agent, AgentStatus } from './types';
import { WorkFigures } from './WorkFigures';

/** An agent's status: a badge, and for a supervisor a dropdown to change it. */
export function StatusCell({ agent, canAssign }: { agent: Agent; canAssign: boolean }) {
  const { t } = useTranslation('ticketsAssignment');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (status: AgentStatus) => updateAgent(agent.userId, { status }),
    onSuccess: async (saved) => {
      message.success(t('statusChanged', { name: saved.displayName, status: t(`status.${saved.status}`) }));
      await queryClient.invalidateQueries({ queryKey: agentsQueryKey });
    },
  });
  const badge = <Badge status={STATUS_BADGE[agent.status]} text={t(`status.${agent.status}`)} />;
  if (!canAssign) return badge;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [agent.status],
        items: AGENT_STATUSES.map((key) => ({
          key,
          label: <Badge status={STATUS_BADGE[key]} text={t(`status.${key}`)} />,
        })),
        onClick: ({ key }) => key !== agent.status && change.mutate(key as AgentStatus),
      }}
    >
      <Button type="link" size="small" loading={change.isPending} style={{ padding: 0 }}>
        {badge}
      </Button>
    </Dropdown>
  );
}

/** An agent's skills as tags, with the supervisor's edit button. */
export function SkillTags({ agent, onEdit }: { agent: Agent; onEdit?: (agent: Agent) => void }) {
  const { t } = useTranslation('ticketsAssignment');
  return (
    <Space size={[4, 4]} wrap>
      {agent.skills.length === 0 && <Typography.Text type="secondary">{t('skills.none')}</Typography.Text>}
      {agent.skills.map((s) => (
        <Tag key={s} color="blue" style={{ marginInlineEnd: 0 }}>
          {s}
        </Tag>
      ))}
      {onEdit && (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          aria-label={t('skills.edit', { name: agent.displayName })}
          onClick={() => onEdit(agent)}
        />
      )}
    </Space>
  );
}

/** The board on a phone: one card per agent (name, status, work figures, skills) instead of a wide table. */
export function AgentCards({
  agents,
  canAssign,
  onEditSkills,
}: {
  agents: readonly Agent[];
  canAssign: boolean;
  onEditSkills: (agent: Agent) => void;
}) {
  const { t } = useTranslation('ticketsAssignment');
  if (agents.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="agent-cards">
      {agents.map((agent) => (
        <Card key={agent.userId} size="small" data-testid="agent-card">
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8 }}>
              <Typography.Text strong style={{ wordBreak: 'keep-all' }}>
                {agent.displayName}
              </Typography.Text>
              <StatusCell agent={agent} canAssign={canAssign} />
            </div>
            <Typography.Text type="secondary">
              {[agent.username, agent.departmentName].filter(Boolean).join(' · ')}
            </Typography.Text>
            <WorkFigures load={agent.load} openTickets={agent.openTickets} overdue={agent.overdue} />
            <SkillTags agent={agent} onEdit={canAssign ? onEditSkills : undefined} />
            {agent.lastAssignedAt && (
              <Typography.Text type="secondary">
                {t('fields.lastAssignedAt')}: {formatDateTime(agent.lastAssignedAt)}
              </Typography.Text>
            )}
          </Space>
        </Card>
      ))}
    </Space>
  );
}
