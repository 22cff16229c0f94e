import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listTickets, ticketListKey } from './api';
import type { TicketListItem, TicketQuery } from './types';

/**
 * The chosen customer already has an open complaint (`GET /tickets?customerId=&complaint=true&open=true`):
 * named (number, subject, major) with "add to it" — the description goes to that complaint as what
 * the customer said — and "create anyway", which only hides the warning.
 */
export function OpenComplaintAlert({
  customerId,
  onAppend,
  appending,
  onDismiss,
}: {
  customerId: string;
  onAppend: (ticket: TicketListItem) => void;
  appending: boolean;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('tickets');
  const query: TicketQuery = { customerId, complaint: 'true', open: 'true', pageSize: 5 };
  const found = useQuery({ queryKey: ticketListKey(query), queryFn: () => listTickets(query), staleTime: 30_000 });
  const items = found.data?.items ?? [];
  // The major one first: it is the one the caller most likely calls about again.
  const ticket = [...items].sort((a, b) => Number(b.isMajor) - Number(a.isMajor))[0];
  if (!ticket) return null;
  const more = (found.data?.total ?? items.length) - 1;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="open-complaint-alert"
      message={t('recording.openComplaint.title')}
      description={
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Space wrap size={[8, 4]}>
            <Link to={`/tickets/${ticket.id}`} data-testid="open-complaint-number">
              {ticket.number}
            </Link>
            <Typography.Text strong style={{ wordBreak: 'break-word' }}>
              {ticket.subject}
            </Typography.Text>
            {ticket.isMajor && (
              <Tag color="red" data-testid="open-complaint-major">
                {t('fields.isMajor')}
              </Tag>
            )}
            <Tag>{t(`status.${ticket.status}`)}</Tag>
          </Space>
          {more > 0 && (
            <Typography.Text type="secondary">{t('recording.openComplaint.more', { count: more })}</Typography.Text>
          )}
          <Typography.Text type="secondary">{t('recording.openComplaint.hint')}</Typography.Text>
          <Space wrap>
            <Button
              type="primary"
              size="small"
              loading={appending}
              onClick={() => onAppend(ticket)}
              data-testid="open-complaint-append"
            >
              {t('recording.openComplaint.append')}
            </Button>
            <Button size="small" onClick={onDismiss} data-testid="open-complaint-dismiss">
              {t('recording.openComplaint.createAnyway')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
