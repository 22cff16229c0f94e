import { QuestionCircleOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Badge,
  Card,
  Col,
  Empty,
  Grid,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tooltip,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRealtimeRefresh } from '../../../api/realtime';
import { EChart } from '../../../components/EChart';
import { formatDateTime } from '../../../components/format';
import { useAccess } from '../../auth/useAccess';
import { toTreeOptions } from '../../departments/tree';
import { useDepartments } from '../../departments/useDepartments';
import { listTicketTypes, ticketSettingsKey } from '../settings/api';
import { knownSkills } from '../settings/settingForm';
import { AgentCards, SkillTags, StatusCell } from './AgentCards';
import {
  AGENT_BOARD_EVENTS,
  AGENT_STATUSES,
  agentLoadChartOption,
  countByStatus,
  loadChartHeight,
  STATUS_BADGE,
} from './agentBoard';
import { agentListKey, agentsQueryKey, listAgents } from './api';
import { MyStatusSwitch } from './MyStatusSwitch';
import { SkillsModal } from './SkillsModal';
import type { Agent, AgentQuery, AgentStatus } from './types';

/**
 * 客服状态: who is on shift, away or off, their skills and open work, compared in a chart. Refreshes
 * itself on `agent.status_changed` (and on ticket events that move the load).
 */
export function AgentsPage() {
  const { t } = useTranslation(['ticketsAssignment', 'common']);
  const access = useAccess();
  const canAssign = access.can('tickets.assign');
  // Phones get a card per agent: the table's columns would squeeze names to a letter per line.
  const phone = Grid.useBreakpoint().md === false;
  const queryClient = useQueryClient();
  const departments = useDepartments({ enabled: access.can('departments.read') });
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [status, setStatus] = useState<AgentStatus | 'all'>('all');
  const [skill, setSkill] = useState<string | undefined>();
  const [editing, setEditing] = useState<Agent | null>(null);
  const query: AgentQuery = { departmentId, skill };
  const agents = useQuery({ queryKey: agentListKey(query), queryFn: () => listAgents(query) });
  useRealtimeRefresh(AGENT_BOARD_EVENTS, () => void queryClient.invalidateQueries({ queryKey: agentsQueryKey }));

  const all = agents.data?.items ?? [];
  // The status filter is applied here, so the counts above stay those of every status.
  const shown = status === 'all' ? all : all.filter((agent) => agent.status === status);
  const counts = countByStatus(all);
  const skills = useMemo(() => knownSkills(all.flatMap((agent) => agent.skills)), [all]);
  // Skills to offer when editing: the agents' and those ticket types ask for.
  const types = useQuery({
    queryKey: [...ticketSettingsKey, 'types', 'all'],
    queryFn: listTicketTypes,
    enabled: canAssign,
    staleTime: 300_000,
  });
  const offered = knownSkills(
    skills,
    (types.data?.items ?? []).map((type) => type.skill),
  );
  const statuses = useMemo(
    () => Object.fromEntries(AGENT_STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<AgentStatus, string>,
    [t],
  );
  const chartOption = useMemo(
    () => agentLoadChartOption(shown, { load: t('fields.load'), openTickets: t('fields.openTickets'), statuses }),
    [shown, t, statuses],
  );

  const columns: TableColumnsType<Agent> = [
    {
      title: t('fields.agent'),
      key: 'agent',
      render: (_, agent) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{agent.displayName}</Typography.Text>
          <Typography.Text type="secondary">{agent.username}</Typography.Text>
        </Space>
      ),
    },
    { title: t('common:fields.department'), dataIndex: 'departmentName', render: (name: string | null) => name ?? '-' },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      width: 120,
      render: (_, agent) => <StatusCell agent={agent} canAssign={canAssign} />,
    },
    {
      title: t('fields.skills'),
      dataIndex: 'skills',
      render: (_, agent) => <SkillTags agent={agent} onEdit={canAssign ? setEditing : undefined} />,
    },
    {
      title: t('fields.openTickets'),
      dataIndex: 'openTickets',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.openTickets - b.openTickets,
    },
    {
      title: (
        <Space size={4}>
          {t('fields.load')}
          <Tooltip title={t('loadHint')}>
            <QuestionCircleOutlined />
          </Tooltip>
        </Space>
      ),
      dataIndex: 'load',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.load - b.load,
      defaultSortOrder: 'descend',
    },
    {
      title: (
        <Space size={4}>
          {t('fields.overdue')}
          <Tooltip title={t('figures.overdueHint')}>
            <QuestionCircleOutlined />
          </Tooltip>
        </Space>
      ),
      dataIndex: 'overdue',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.overdue - b.overdue,
      render: (value: number) => (value > 0 ? <Typography.Text type="danger">{value}</Typography.Text> : value),
    },
    {
      title: t('fields.lastAssignedAt'),
      dataIndex: 'lastAssignedAt',
      width: 150,
      render: (value: string | null) => formatDateTime(value),
    },
  ];

  return (
    <PageContainer content={t('intro')} extra={<MyStatusSwitch />}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap size={16} style={phone ? { width: '100%' } : undefined}>
            <Segmented<AgentStatus | 'all'>
              block={phone}
              style={phone ? { width: '100%' } : undefined}
              value={status}
              onChange={setStatus}
              options={[
                { value: 'all', label: `${t('filters.all')} (${all.length})` },
                ...AGENT_STATUSES.map((s) => ({ value: s, label: `${t(`status.${s}`)} (${counts[s]})` })),
              ]}
            />
            {access.can('departments.read') && (
              <TreeSelect
                allowClear
                showSearch
                treeNodeFilterProp="title"
                treeDefaultExpandAll
                placeholder={t('filters.department')}
                style={{ width: 220 }}
                value={departmentId}
                onChange={(value?: string) => setDepartmentId(value || undefined)}
                treeData={toTreeOptions(departments.tree)}
              />
            )}
            <Select
              allowClear
              placeholder={t('filters.skill')}
              style={{ width: 160 }}
              value={skill}
              onChange={(value?: string) => setSkill(value || undefined)}
              options={skills.map((s) => ({ value: s, label: s }))}
            />
          </Space>
        </Card>
        <Row gutter={16}>
          {AGENT_STATUSES.map((s) => (
            <Col key={s} xs={8}>
              <Card size="small">
                <Statistic title={<Badge status={STATUS_BADGE[s]} text={t(`status.${s}`)} />} value={counts[s]} />
              </Card>
            </Col>
          ))}
        </Row>
        <Card
          size="small"
          title={t('chart.title')}
          extra={phone ? undefined : <Typography.Text type="secondary">{t('chart.hint')}</Typography.Text>}
        >
          {phone && <Typography.Paragraph type="secondary">{t('chart.hint')}</Typography.Paragraph>}
          {shown.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
          ) : (
            <EChart option={chartOption} height={loadChartHeight(shown.length)} data-testid="agents-load-chart" />
          )}
        </Card>
        {phone ? (
          <AgentCards agents={shown} canAssign={canAssign} onEditSkills={setEditing} />
        ) : (
          <Table<Agent>
            rowKey="userId"
            size="middle"
            loading={agents.isFetching}
            dataSource={shown}
            columns={columns}
            pagination={shown.length > 50 ? { defaultPageSize: 50, showSizeChanger: true } : false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} /> }}
          />
        )}
      </Space>
      <SkillsModal agent={editing} knownSkills={offered} onClose={() => setEditing(null)} />
    </PageContainer>
  );
}
