import { Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { formatValue } from '../../audit/jsonDiff';
import {
  CHANNELS,
  MEASURE_STATUSES,
  type Measure,
  PRIORITIES,
  STATUSES,
  type Ticket,
  type TicketHistoryEntry,
} from '../core/types';
import { useTicketHistory } from '../core/useTicket';
import { useRootCauses, useTicketTypes } from '../settings/useTicketSettings';
import { isUuid } from './historyFormat';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** The append-only history: who, when, what, before → after (记清楚). */
export function HistoryPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['ticketsConversation', 'tickets', 'ticketsAssignment', 'ticketsMeasures']);
  const history = useTicketHistory(ticket.id);
  const types = useTicketTypes();
  const rootCauses = useRootCauses();
  // Ids in the snapshots → the names this page knows (people on the ticket, authors of entries).
  const names = new Map<string, string>();
  for (const person of [ticket.assignee, ticket.createdBy, ...ticket.watchers]) {
    if (person) names.set(person.id, person.displayName);
  }
  for (const entry of history.data ?? []) if (entry.actor) names.set(entry.actor.id, entry.actor.displayName);
  if (ticket.departmentId && ticket.departmentName) names.set(ticket.departmentId, ticket.departmentName);
  const has = (list: readonly string[], v: unknown): v is string => typeof v === 'string' && list.includes(v);
  const value = (field: string, v: unknown) => {
    if (v === null || v === undefined || v === '') return '-';
    if (field === 'status' && has(STATUSES, v)) return t(`tickets:status.${v as Ticket['status']}`);
    if (field === 'status' && has(MEASURE_STATUSES, v))
      return t(`ticketsMeasures:panel.statuses.${v as Measure['status']}`);
    if (field === 'priority' && has(PRIORITIES, v)) return t(`tickets:priority.${v as Ticket['priority']}`);
    if (field === 'channel' && has(CHANNELS, v)) return t(`tickets:channel.${v as Ticket['channel']}`);
    if (field === 'typeKey' && typeof v === 'string') return types.label(v);
    if (field === 'rootCauseKey' && typeof v === 'string') return rootCauses.label(v);
    if (isUuid(v)) return names.get(v) ?? `#${v.slice(0, 8)}`;
    if (typeof v === 'string' && ISO.test(v)) return formatDateTime(v);
    if (typeof v === 'boolean') return v ? t('tickets:common.yes') : t('tickets:common.no');
    return formatValue(v);
  };
  // Title, note and field labels come worded from the server in the UI language; values the
  // server leaves to us (ids, dates, type and root-cause keys) are named from what this page knows.
  const shown = (text: string | null, field: string, v: unknown) => text ?? value(field, v);

  return (
    <Table<TicketHistoryEntry>
      size="small"
      rowKey="id"
      loading={history.isLoading}
      dataSource={[...(history.data ?? [])].reverse()}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('history.empty')} /> }}
      data-testid="history"
      columns={[
        { title: t('history.at'), dataIndex: 'at', width: 150, render: (at: string) => formatDateTime(at) },
        {
          title: t('history.actor'),
          key: 'actor',
          width: 110,
          render: (_, entry) => entry.actor?.displayName ?? t('history.system'),
        },
        { title: t('history.action'), key: 'action', width: 160, render: (_, entry) => entry.title },
        {
          title: t('history.change'),
          key: 'change',
          render: (_, entry) => (
            <Space direction="vertical" size={0}>
              {entry.changes.map((change) => (
                <span key={change.field}>
                  <Typography.Text type="secondary">{change.label}</Typography.Text>{' '}
                  <Typography.Text delete type="secondary">
                    {shown(change.beforeText, change.field, change.before)}
                  </Typography.Text>{' '}
                  → <Typography.Text>{shown(change.afterText, change.field, change.after)}</Typography.Text>
                </span>
              ))}
              {entry.noteText && <Typography.Text type="secondary">{entry.noteText}</Typography.Text>}
            </Space>
          ),
        },
      ]}
    />
  );
}
