import type { ProColumns } from '@ant-design/pro-components';
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { SlaDue } from '../../sla/SlaDue';
import { UserSelect } from '../../users/UserSelect';
import {
  COMPLAINT_RED,
  COMPLAINT_ROW_BG,
  ComplaintMarks,
  NextReplyCountdown,
  PriorityTag,
  StatusTag,
} from '../core/TicketMarks';
import { CHANNELS, PRIORITIES, STATUSES, type TicketListItem } from '../core/types';
import { DueCell } from './DueCell';
import { Highlight } from './Highlight';
import { ONE_LINE, TicketCard } from './TicketCard';

type Options = {
  t: TFunction<['ticketsQueue', 'tickets', 'sla', 'common']>;
  typeOptions: { value: string; label: string }[];
  typeLabel: (key: string) => string;
  canPickUsers: boolean;
  /** Phones: tickets as cards. */
  compact?: boolean;
};

const options = <T extends string>(values: readonly T[], label: (value: T) => string) =>
  values.map((value) => ({ value, label: label(value) }));

/** A pinned cell paints its own background: a complaint row's red tint must cover it too. */
const pinnedCell = (row: TicketListItem) => ({ style: row.isComplaint ? { background: COMPLAINT_ROW_BG } : {} });

/** Hidden at first (column settings show them): the default set fits 1366 px without scrolling. */
export const HIDDEN_COLUMNS = ['channel', 'tags', 'nextReplyAt', 'slaDueAt', 'createdAt', 'updatedAt', 'department'];

/**
 * The queue's columns and search form: complaints in red, overdue in red. Number and subject are
 * pinned left, status and the due time (overdue first by default) pinned right, so both stay on
 * screen at 1366 px (issue 14). The form shows search, type, priority and assignee; the rest is
 * under 更多筛选 (ProTable's collapse). `compact` (phones): one card per ticket (TicketCard).
 */
export function ticketColumns({
  t,
  typeOptions,
  typeLabel,
  canPickUsers,
  compact,
}: Options): ProColumns<TicketListItem>[] {
  const columns: ProColumns<TicketListItem>[] = [
    {
      title: t('ticketsQueue:search.keyword'),
      dataIndex: 'q',
      hideInTable: true,
      order: 100,
      fieldProps: {
        placeholder: t('ticketsQueue:search.placeholder'),
        'data-testid': 'ticket-search',
        allowClear: true,
      },
    },
    {
      title: t('tickets:fields.number'),
      dataIndex: 'number',
      key: 'number',
      sorter: true,
      hideInSearch: true,
      fixed: 'left',
      onCell: pinnedCell,
      width: 104,
      render: (_, row) => (
        <Link to={`/tickets/${row.id}`} data-testid="ticket-link">
          {row.number}
        </Link>
      ),
    },
    {
      title: t('tickets:fields.subject'),
      dataIndex: 'subject',
      key: 'subject',
      hideInSearch: true,
      fixed: 'left',
      onCell: pinnedCell,
      width: 200,
      render: (_, row) => (
        <Space direction="vertical" size={0} style={{ maxWidth: 184 }}>
          {/* CSS ellipsis (antd's measured ellipsis renders the link three times) with the title on hover. */}
          <span title={row.subject} style={{ ...ONE_LINE, maxWidth: 184 }}>
            <ComplaintMarks isComplaint={row.isComplaint} isMajor={row.isMajor} />
            <Link
              to={`/tickets/${row.id}`}
              style={row.isComplaint ? { color: COMPLAINT_RED, fontWeight: 500 } : undefined}
              data-testid="ticket-subject"
            >
              {row.subject}
            </Link>
          </span>
          {row.highlight && row.highlight.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Highlight segments={row.highlight} testId="ticket-highlight" />
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('tickets:fields.type'),
      dataIndex: 'typeKey',
      key: 'typeKey',
      valueType: 'select',
      order: 90,
      width: 80,
      fieldProps: { options: typeOptions },
      render: (_, row) => (
        <span style={row.isComplaint ? { color: COMPLAINT_RED } : undefined}>{typeLabel(row.typeKey)}</span>
      ),
    },
    {
      title: t('tickets:fields.priority'),
      dataIndex: 'priority',
      key: 'priority',
      sorter: true,
      valueType: 'select',
      order: 80,
      width: 72,
      fieldProps: { mode: 'multiple', options: options(PRIORITIES, (p) => t(`tickets:priority.${p}`)) },
      render: (_, row) => <PriorityTag priority={row.priority} />,
    },
    {
      title: t('tickets:fields.assignee'),
      dataIndex: 'assigneeId',
      key: 'assignee',
      order: 70,
      width: 90,
      ellipsis: true,
      hideInSearch: !canPickUsers,
      renderFormItem: () => <UserSelect placeholder={t('ticketsQueue:filters.assignee')} />,
      render: (_, row) =>
        row.assignee?.displayName ?? <Typography.Text type="secondary">{t('tickets:list.unassigned')}</Typography.Text>,
    },
    {
      title: t('tickets:fields.customer'),
      dataIndex: 'customer',
      key: 'customer',
      hideInSearch: true,
      ellipsis: true,
      width: 130,
      render: (_, row) =>
        row.customer ? (
          <Link to={`/customers/${row.customer.id}`}>{row.customer.name}</Link>
        ) : (
          <Typography.Text type="secondary">{row.contactName ?? t('tickets:list.unknownCaller')}</Typography.Text>
        ),
    },
    {
      title: t('tickets:fields.status'),
      dataIndex: 'status',
      valueType: 'select',
      order: 60,
      fieldProps: { mode: 'multiple', options: options(STATUSES, (s) => t(`tickets:status.${s}`)) },
      // Shown by the pinned column at the end (a fixed-right column must be among the last).
      hideInTable: true,
    },
    {
      title: t('tickets:fields.channel'),
      dataIndex: 'channel',
      key: 'channel',
      valueType: 'select',
      order: 50,
      width: 90,
      fieldProps: { options: options(CHANNELS, (c) => t(`tickets:channel.${c}`)) },
      render: (_, row) => t(`tickets:channel.${row.channel}`),
    },
    {
      title: t('tickets:fields.department'),
      dataIndex: 'departmentName',
      key: 'department',
      hideInSearch: true,
      ellipsis: true,
      width: 120,
    },
    {
      title: t('tickets:fields.tags'),
      dataIndex: 'tag',
      key: 'tags',
      order: 40,
      width: 120,
      render: (_, row) =>
        row.tags.length > 0
          ? row.tags.map((tag) => (
              <Tag key={tag} style={{ marginInlineEnd: 4 }}>
                {tag}
              </Tag>
            ))
          : '-',
    },
    {
      title: t('tickets:fields.nextReplyAt'),
      dataIndex: 'nextReplyAt',
      key: 'nextReplyAt',
      sorter: true,
      hideInSearch: true,
      width: 150,
      render: (_, row) => <NextReplyCountdown nextReplyAt={row.nextReplyAt} status={row.status} />,
    },
    {
      title: t('sla:due.column'),
      dataIndex: 'slaDueAt',
      key: 'slaDueAt',
      sorter: true,
      hideInSearch: true,
      width: 150,
      render: (_, row) => <SlaDue dueAt={row.slaDueAt} state={row.slaState} />,
    },
    {
      title: t('tickets:fields.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      valueType: 'dateTime',
      sorter: true,
      hideInSearch: true,
      width: 160,
    },
    {
      title: t('ticketsQueue:filters.created'),
      dataIndex: 'created',
      valueType: 'dateRange',
      hideInTable: true,
      order: 30,
    },
    {
      title: t('tickets:fields.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      valueType: 'dateTime',
      sorter: true,
      hideInSearch: true,
      width: 160,
    },
    {
      title: t('tickets:fields.status'),
      key: 'statusPinned',
      dataIndex: 'status',
      hideInSearch: true,
      fixed: 'right',
      onCell: pinnedCell,
      width: 88,
      render: (_, row) => <StatusTag status={row.status} />,
    },
    {
      title: (
        <Tooltip title={t('ticketsQueue:due.definition')}>
          <span>{t('ticketsQueue:due.column')}</span>
        </Tooltip>
      ),
      dataIndex: 'dueAt',
      key: 'dueAt',
      sorter: true,
      hideInSearch: true,
      fixed: 'right',
      onCell: pinnedCell,
      width: 128,
      render: (_, row) => <DueCell row={row} />,
    },
  ];
  if (!compact) return columns;
  // Phones: the search fields stay, every table column gives way to one card per ticket.
  return [
    ...columns.map((c) => ({ ...c, hideInTable: true, fixed: undefined })),
    {
      title: t('ticketsQueue:cards.title'),
      key: 'card',
      hideInSearch: true,
      render: (_, row) => <TicketCard row={row} typeLabel={typeLabel} />,
    },
  ];
}
