import { Flex, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { COMPLAINT_RED, ComplaintMarks, StatusTag } from '../core/TicketMarks';
import type { TicketListItem } from '../core/types';
import { DueCell } from './DueCell';

/** One line, cut with an ellipsis by CSS (no measuring copies of the content, as antd's ellipsis makes). */
export const ONE_LINE: CSSProperties = {
  display: 'block',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};

/** One ticket on a phone (390 px): number, subject, status, due time and customer, stacked. */
export function TicketCard({ row, typeLabel }: { row: TicketListItem; typeLabel: (key: string) => string }) {
  const { t } = useTranslation(['ticketsQueue', 'tickets']);
  return (
    <Flex vertical gap={4} data-testid="ticket-card" style={{ minWidth: 0 }}>
      <Flex justify="space-between" align="center" gap={8}>
        <Link to={`/tickets/${row.id}`} data-testid="ticket-link">
          {row.number}
        </Link>
        <StatusTag status={row.status} />
      </Flex>
      <span title={row.subject} style={{ ...ONE_LINE, fontWeight: 600 }}>
        <ComplaintMarks isComplaint={row.isComplaint} isMajor={row.isMajor} />
        <Link
          to={`/tickets/${row.id}`}
          style={row.isComplaint ? { color: COMPLAINT_RED } : undefined}
          data-testid="ticket-subject"
        >
          {row.subject}
        </Link>
      </span>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <DueCell row={row} />
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: '55%' }}>
          {row.customer?.name ?? row.contactName ?? t('tickets:list.unknownCaller')} · {typeLabel(row.typeKey)}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}
