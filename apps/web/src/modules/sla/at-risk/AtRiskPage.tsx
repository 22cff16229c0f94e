import { type ActionType, PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { Empty, Tag, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useRealtimeRefresh } from '../../../api/realtime';
import { PriorityTag, StatusTag, useNow } from '../../tickets/core/TicketMarks';
import type { TicketPriority, TicketStatus } from '../../tickets/core/types';
import { TICKET_EVENTS } from '../../tickets/queue/ticketEvents';
import { listAtRisk } from '../api';
import { formatInstant } from '../clocks/formatTime';
import { type AtRiskItem, SLA_METRICS, type SlaMetric } from '../types';
import { atRiskRemaining } from './atRisk';

/** Auto-refresh: the order changes as time passes even when nothing happens to the tickets. */
const POLL_MS = 60_000;
const EVENTS = [...TICKET_EVENTS, 'sla.warned', 'sla.escalated'] as const;

/**
 * 即将超时: open clocks in the caller's ticket scope by time to breach (breached first, most overdue
 * first — the server's order); number and subject stay on screen while the rest scrolls.
 */
export function AtRiskPage() {
  const { t, i18n } = useTranslation(['sla', 'tickets']);
  const actionRef = useRef<ActionType>(null);
  const now = useNow();
  useRealtimeRefresh(EVENTS, () => actionRef.current?.reload(), 1_000);

  const columns: ProColumns<AtRiskItem>[] = [
    {
      title: t('tickets:fields.number'),
      dataIndex: 'number',
      fixed: 'left',
      width: 130,
      hideInSearch: true,
      render: (_, row) => (
        <Link to={`/tickets/${row.ticketId}`} data-testid="at-risk-link">
          {row.number}
        </Link>
      ),
    },
    {
      title: t('tickets:fields.subject'),
      dataIndex: 'subject',
      fixed: 'left',
      width: 220,
      ellipsis: true,
      hideInSearch: true,
      render: (_, row) => <Link to={`/tickets/${row.ticketId}`}>{row.subject}</Link>,
    },
    {
      title: t('sla:atRisk.remaining'),
      dataIndex: 'remainingMinutes',
      width: 170,
      hideInSearch: true,
      render: (_, row) => {
        const view = atRiskRemaining(row, now);
        return (
          <Typography.Text
            data-testid="at-risk-remaining"
            data-overdue={view.overdue ? 'true' : 'false'}
            strong={view.overdue}
            style={{ color: view.color }}
          >
            {t(view.key, { time: view.time((name, count) => t(`sla:units.${name}`, { count })) })}
          </Typography.Text>
        );
      },
    },
    {
      title: t('sla:atRisk.metric'),
      dataIndex: 'metric',
      width: 120,
      valueType: 'select',
      fieldProps: { options: SLA_METRICS.map((m) => ({ value: m, label: t(`sla:metric.${m}`) })) },
      render: (_, row) => t(`sla:metric.${row.metric}`),
    },
    {
      title: t('sla:atRisk.dueAt'),
      dataIndex: 'dueAt',
      width: 200,
      hideInSearch: true,
      render: (_, row) => formatInstant(row.dueAt, i18n.language),
    },
    {
      title: t('tickets:fields.assignee'),
      dataIndex: 'assigneeName',
      width: 110,
      hideInSearch: true,
      render: (_, row) =>
        row.assigneeName ?? <Typography.Text type="secondary">{t('tickets:list.unassigned')}</Typography.Text>,
    },
    {
      title: t('sla:atRisk.ladderLevel'),
      dataIndex: 'ladderLevel',
      width: 110,
      hideInSearch: true,
      render: (_, row) =>
        row.ladderLevel ? (
          <Tag color="red">{t('sla:ladder.level', { level: row.ladderLevel })}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('sla:atRisk.noLevel')}</Typography.Text>
        ),
    },
    {
      title: t('tickets:fields.status'),
      dataIndex: 'status',
      width: 100,
      hideInSearch: true,
      render: (_, row) => <StatusTag status={row.status as TicketStatus} />,
    },
    {
      title: t('tickets:fields.priority'),
      dataIndex: 'priority',
      width: 90,
      hideInSearch: true,
      render: (_, row) => <PriorityTag priority={row.priority as TicketPriority} />,
    },
  ];

  return (
    <PageContainer subTitle={t('sla:atRisk.subtitle')}>
      <ProTable<AtRiskItem, { metric?: SlaMetric; current?: number; pageSize?: number }>
        rowKey="clockId"
        actionRef={actionRef}
        columns={columns}
        polling={POLL_MS}
        scroll={{ x: 'max-content' }}
        search={{ labelWidth: 'auto' }}
        options={{ reload: true, density: false, setting: false }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        headerTitle={<Typography.Text type="secondary">{t('sla:atRisk.autoRefresh')}</Typography.Text>}
        locale={{
          emptyText: (
            <Empty description={t('sla:atRisk.empty')} data-testid="at-risk-empty">
              <Typography.Text type="secondary">{t('sla:atRisk.emptyHint')}</Typography.Text>
            </Empty>
          ),
        }}
        onRow={(row) => ({ 'data-testid': 'at-risk-row', 'data-state': row.state }) as object}
        request={async ({ current, pageSize, metric }) => {
          const result = await listAtRisk({
            page: current ?? 1,
            pageSize: pageSize ?? 20,
            ...(metric ? { metric } : {}),
          });
          return { data: result.items, total: result.total, success: true };
        }}
      />
    </PageContainer>
  );
}
