import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, RAG_COLORS, ragOf, type Target } from './callKpis';
import { Defined } from './FigureCard';
import type { AgentFigures, QueueFigures } from './types';

const rowHandlers =
  <T,>(open: (row: T) => void) =>
  (row: T) => ({
    onClick: () => open(row),
    style: { cursor: 'pointer' },
  });

/** Per queue: the counts and figures of the period; a row opens its calls. */
export function QueueTable(props: {
  rows: readonly QueueFigures[];
  targets: { serviceLevel?: Target; answerRate?: Target; wait?: Target; aht?: Target; rings?: Target };
  onOpen: (row: QueueFigures) => void;
  loading?: boolean;
}) {
  const { t } = useTranslation('calls');
  const title = (
    key:
      | 'serviceLevelOffered'
      | 'serviceLevelAnswered'
      | 'answerRate'
      | 'abandonRate'
      | 'avgWaitAnsweredSeconds'
      | 'avgHandlingSeconds'
      | 'avgRings',
  ) => <Defined label={t(`figures.${key}.short`)} definition={t(`figures.${key}.help`)} />;
  const marked = (value: number | null, target: Target | undefined, text: string) => {
    const rag = ragOf(value, target);
    return <Typography.Text style={{ color: rag ? RAG_COLORS[rag] : undefined }}>{text}</Typography.Text>;
  };
  return (
    <Table<QueueFigures>
      data-testid="call-kpi-queues"
      size="small"
      rowKey="queue"
      loading={props.loading}
      pagination={false}
      scroll={{ x: 1180 }}
      dataSource={[...props.rows]}
      onRow={rowHandlers(props.onOpen)}
      columns={[
        { title: t('table.queue'), dataIndex: 'queue', fixed: 'left', width: 120 },
        {
          title: <Defined label={t('counts.offered')} definition={t('counts.offeredHelp')} />,
          dataIndex: 'offered',
          align: 'right',
          width: 80,
        },
        { title: t('counts.answered'), dataIndex: 'answered', align: 'right', width: 80 },
        {
          title: <Defined label={t('counts.abandoned')} definition={t('counts.shortHelp')} />,
          key: 'abandoned',
          align: 'right',
          width: 110,
          render: (_, r) => t('counts.abandonedWithShort', { n: r.abandoned, short: r.shortAbandoned }),
        },
        {
          title: <Defined label={t('counts.unresolved')} definition={t('counts.unresolvedHelp')} />,
          dataIndex: 'unresolved',
          align: 'right',
          width: 90,
        },
        {
          title: title('serviceLevelOffered'),
          key: 'slo',
          align: 'right',
          width: 110,
          render: (_, r) =>
            marked(r.serviceLevelOffered, props.targets.serviceLevel, formatPercent(r.serviceLevelOffered)),
        },
        {
          title: title('serviceLevelAnswered'),
          key: 'sla',
          align: 'right',
          width: 110,
          render: (_, r) =>
            marked(r.serviceLevelAnswered, props.targets.serviceLevel, formatPercent(r.serviceLevelAnswered)),
        },
        {
          title: title('answerRate'),
          key: 'ar',
          align: 'right',
          width: 90,
          render: (_, r) => marked(r.answerRate, props.targets.answerRate, formatPercent(r.answerRate)),
        },
        {
          title: title('abandonRate'),
          key: 'abr',
          align: 'right',
          width: 90,
          render: (_, r) => formatPercent(r.abandonRate),
        },
        {
          title: title('avgWaitAnsweredSeconds'),
          key: 'wait',
          align: 'right',
          width: 100,
          render: (_, r) =>
            marked(r.avgWaitAnsweredSeconds, props.targets.wait, formatNumber(r.avgWaitAnsweredSeconds, 1)),
        },
        {
          title: title('avgHandlingSeconds'),
          key: 'aht',
          align: 'right',
          width: 90,
          render: (_, r) => marked(r.avgHandlingSeconds, props.targets.aht, formatNumber(r.avgHandlingSeconds, 1)),
        },
        {
          title: title('avgRings'),
          key: 'rings',
          align: 'right',
          width: 90,
          render: (_, r) => marked(r.avgRings, props.targets.rings, formatNumber(r.avgRings)),
        },
      ]}
    />
  );
}

/** Per PBX agent that answered calls; a row opens the agent's calls. */
export function AgentTable(props: {
  rows: readonly AgentFigures[];
  targets: { aht?: Target; rings?: Target };
  onOpen: (row: AgentFigures) => void;
  loading?: boolean;
}) {
  const { t } = useTranslation('calls');
  const marked = (value: number | null, target: Target | undefined, text: string) => {
    const rag = ragOf(value, target);
    return <Typography.Text style={{ color: rag ? RAG_COLORS[rag] : undefined }}>{text}</Typography.Text>;
  };
  return (
    <Table<AgentFigures>
      data-testid="call-kpi-agents"
      size="small"
      rowKey="agent"
      loading={props.loading}
      pagination={false}
      scroll={{ x: 800 }}
      dataSource={[...props.rows]}
      onRow={rowHandlers(props.onOpen)}
      columns={[
        {
          title: t('table.agent'),
          key: 'agent',
          fixed: 'left',
          width: 160,
          render: (_, r) => (r.userName ? t('agentName', { name: r.userName, agent: r.agent }) : r.agent),
        },
        { title: t('counts.answered'), dataIndex: 'answered', align: 'right', width: 80 },
        {
          title: <Defined label={t('counts.withinThreshold')} definition={t('counts.withinThresholdHelp')} />,
          dataIndex: 'answeredWithinThreshold',
          align: 'right',
          width: 110,
        },
        { title: t('counts.transferred'), dataIndex: 'transferred', align: 'right', width: 80 },
        {
          title: (
            <Defined
              label={t('figures.avgWaitAnsweredSeconds.short')}
              definition={t('figures.avgWaitAnsweredSeconds.help')}
            />
          ),
          key: 'wait',
          align: 'right',
          width: 100,
          render: (_, r) => formatNumber(r.avgWaitAnsweredSeconds, 1),
        },
        {
          title: (
            <Defined label={t('figures.avgHandlingSeconds.short')} definition={t('figures.avgHandlingSeconds.help')} />
          ),
          key: 'aht',
          align: 'right',
          width: 90,
          render: (_, r) => marked(r.avgHandlingSeconds, props.targets.aht, formatNumber(r.avgHandlingSeconds, 1)),
        },
        {
          title: <Defined label={t('figures.avgRings.short')} definition={t('figures.avgRings.help')} />,
          key: 'rings',
          align: 'right',
          width: 90,
          render: (_, r) => marked(r.avgRings, props.targets.rings, formatNumber(r.avgRings)),
        },
      ]}
    />
  );
}
