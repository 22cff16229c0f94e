import type { ProColumns } from '@ant-design/pro-components';
import { Space, Tag, Typography } from 'antd';
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
import { Highlight } from './Highlight';

type Options = {
  t: TFunction<['ticketsQueue', 'tickets', 'sla', 'common']>;
  typeOptions: { value: string; label: string }[];
  typeLabel: (key: string) => string;
  canPickUsers: boolean;
};

const options = <T extends string>(values: readonly T[], label: (value: T) => string) =>
  values.map((value) => ({ value, label: label(value) }));

/** A pinned cell paints its own background: a complaint row's red tint must cover it too. */
const pinnedCell = (row: TicketListItem) => ({ style: row.isComplaint ? { background: COMPLAINT_ROW_BG } : {} });

/**
 * The queue's columns and search form: complaints in red, overdue next replies in red. Number and
 * subject stay on the left and status + due time on the right while the middle scrolls, so the due
 * time is on screen at 1366 px (issue 12).
 */
export function ticketColumns({ t, typeOptions, typeLabel, canPickUsers }: Options): ProColumns<TicketListItem>[] {
  const yesNo = (yes: string, no?: string) =>
    no ? { true: { text: yes }, false: { text: no } } : { true: { text: yes } };
  return [
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
      sorter: true,
      hideInSearch: true,
      fixed: 'left',
      onCell: pinnedCell,
      width: 120,
      render: (_, row) => (
        <Link to={`/tickets/${row.id}`} data-testid="ticket-link">
          {row.number}
        </Link>
      ),
    },
    {
      title: t('tickets:fields.subject'),
      dataIndex: 'subject',
      hideInSearch: true,
      fixed: 'left',
      onCell: pinnedCell,
      width: 260,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <span>
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
      valueType: 'select',
      fieldProps: { options: typeOptions },
      render: (_, row) => (
        <span style={row.isComplaint ? { color: COMPLAINT_RED } : undefined}>{typeLabel(row.typeKey)}</span>
      ),
    },
    {
      title: t('tickets:fields.status'),
      dataIndex: 'status',
      valueType: 'select',
      fieldProps: { mode: 'multiple', options: options(STATUSES, (s) => t(`tickets:status.${s}`)) },
      // Shown by the pinned column at the end (a fixed-right column must be among the last).
      hideInTable: true,
    },
    {
      title: t('ticketsQueue:filters.open'),
      dataIndex: 'open',
      hideInTable: true,
      valueType: 'select',
      valueEnum: yesNo(t('ticketsQueue:filters.openOnly'), t('ticketsQueue:filters.finishedOnly')),
    },
    {
      title: t('ticketsQueue:filters.complaint'),
      dataIndex: 'complaint',
      hideInTable: true,
      valueType: 'select',
      valueEnum: yesNo(t('ticketsQueue:filters.complaintOnly'), t('ticketsQueue:filters.notComplaint')),
    },
    {
      title: t('ticketsQueue:filters.major'),
      dataIndex: 'major',
      hideInTable: true,
      valueType: 'select',
      valueEnum: yesNo(t('ticketsQueue:filters.majorOnly')),
    },
    {
      title: t('tickets:fields.priority'),
      dataIndex: 'priority',
      sorter: true,
      valueType: 'select',
      fieldProps: { mode: 'multiple', options: options(PRIORITIES, (p) => t(`tickets:priority.${p}`)) },
      render: (_, row) => <PriorityTag priority={row.priority} />,
    },
    {
      title: t('tickets:fields.channel'),
      dataIndex: 'channel',
      valueType: 'select',
      fieldProps: { options: options(CHANNELS, (c) => t(`tickets:channel.${c}`)) },
      render: (_, row) => t(`tickets:channel.${row.channel}`),
    },
    {
      title: t('tickets:fields.customer'),
      dataIndex: 'customer',
      hideInSearch: true,
      ellipsis: true,
      render: (_, row) =>
        row.customer ? (
          <Link to={`/customers/${row.customer.id}`}>{row.customer.name}</Link>
        ) : (
          <Typography.Text type="secondary">{row.contactName ?? t('tickets:list.unknownCaller')}</Typography.Text>
        ),
    },
    {
      title: t('tickets:fields.assignee'),
      dataIndex: 'assigneeId',
      hideInSearch: !canPickUsers,
      renderFormItem: () => <UserSelect placeholder={t('ticketsQueue:filters.assignee')} />,
      render: (_, row) =>
        row.assignee?.displayName ?? <Typography.Text type="secondary">{t('tickets:list.unassigned')}</Typography.Text>,
    },
    {
      title: t('tickets:fields.tags'),
      dataIndex: 'tag',
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
      sorter: true,
      hideInSearch: true,
      render: (_, row) => <NextReplyCountdown nextReplyAt={row.nextReplyAt} status={row.status} />,
    },
    {
      title: t('ticketsQueue:filters.replyOverdue'),
      dataIndex: 'replyOverdue',
      hideInTable: true,
      valueType: 'select',
      valueEnum: yesNo(t('ticketsQueue:filters.overdueOnly')),
    },
    {
      title: t('tickets:fields.createdAt'),
      dataIndex: 'createdAt',
      valueType: 'dateTime',
      sorter: true,
      hideInSearch: true,
    },
    { title: t('ticketsQueue:filters.created'), dataIndex: 'created', valueType: 'dateRange', hideInTable: true },
    {
      title: t('tickets:fields.updatedAt'),
      dataIndex: 'updatedAt',
      valueType: 'dateTime',
      sorter: true,
      hideInSearch: true,
      hideInTable: true,
    },
    {
      title: t('tickets:fields.status'),
      key: 'statusPinned',
      dataIndex: 'status',
      hideInSearch: true,
      fixed: 'right',
      onCell: pinnedCell,
      width: 100,
      render: (_, row) => <StatusTag status={row.status} />,
    },
    {
      title: t('sla:due.column'),
      dataIndex: 'slaDueAt',
      sorter: true,
      defaultSortOrder: 'ascend',
      hideInSearch: true,
      fixed: 'right',
      onCell: pinnedCell,
      width: 150,
      render: (_, row) => <SlaDue dueAt={row.slaDueAt} state={row.slaState} />,
    },
  ];
}
