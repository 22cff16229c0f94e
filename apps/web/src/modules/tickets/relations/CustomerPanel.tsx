import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, List, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../components/format';
import { customerKey, getCustomer, listTimeline } from '../../customers/archive/api';
import { GradeTag, KeyMark } from '../../customers/grading/GradeTag';
import { listTickets, ticketsQueryKey } from '../core/api';
import { ComplaintMarks, StatusTag } from '../core/TicketMarks';
import type { Ticket } from '../core/types';

const RECENT = 5;

/**
 * Who the ticket is about: the customer's summary, its recent timeline (contacts, callbacks,
 * changes) and its other tickets; for an unknown caller, the name and number given.
 */
export function CustomerPanel({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation(['ticketsRelations', 'tickets']);
  const id = ticket.customerId;
  const customer = useQuery({
    queryKey: customerKey(id ?? ''),
    queryFn: () => getCustomer(id as string),
    enabled: !!id,
    staleTime: 5 * 60_000,
    meta: { silent: true },
  });
  const timeline = useQuery({
    queryKey: [...customerKey(id ?? ''), 'timeline', 'recent'],
    queryFn: () => listTimeline(id as string, 1, RECENT),
    enabled: !!id,
    meta: { silent: true },
  });
  const others = useQuery({
    queryKey: [...ticketsQueryKey, 'list', 'customer', id],
    queryFn: () => listTickets({ queue: 'all', customerId: id as string, pageSize: RECENT + 1 }),
    enabled: !!id,
    meta: { silent: true },
  });

  if (!id) {
    return (
      <Card size="small" title={t('customerPanel.title')} data-testid="customer-panel">
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('tickets:fields.contactName')}>
            {ticket.contactName ?? t('customerPanel.unknown')}
          </Descriptions.Item>
          <Descriptions.Item label={t('tickets:fields.contactPhone')}>{ticket.contactPhone ?? '-'}</Descriptions.Item>
        </Descriptions>
      </Card>
    );
  }

  const data = customer.data;
  const otherTickets = (others.data?.items ?? []).filter((item) => item.id !== ticket.id).slice(0, RECENT);
  return (
    <Card
      size="small"
      title={t('customerPanel.title')}
      extra={<Link to={`/customers/${id}`}>{t('customerPanel.open')}</Link>}
      data-testid="customer-panel"
    >
      {customer.isLoading ? (
        <Spin />
      ) : data ? (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('tickets:fields.customer')}>
            <Space size={4}>
              <Link to={`/customers/${id}`}>{data.name}</Link>
              <KeyMark isKey={data.isKey} grade={data.grade} />
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('customerPanel.grade')}>
            <GradeTag grade={data.grade} />
          </Descriptions.Item>
          <Descriptions.Item label={t('customerPanel.phone')}>{data.phone ?? '-'}</Descriptions.Item>
          <Descriptions.Item label={t('customerPanel.owner')}>{data.ownerName ?? '-'}</Descriptions.Item>
          {ticket.contactName && (
            <Descriptions.Item label={t('tickets:fields.contact')}>
              {[ticket.contactName, ticket.contactPhone].filter(Boolean).join(' · ')}
            </Descriptions.Item>
          )}
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">{customer.error?.message}</Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('customerPanel.recent')}
      </Typography.Title>
      {(timeline.data?.items ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customerPanel.noTimeline')} />
      ) : (
        <List
          size="small"
          dataSource={timeline.data?.items ?? []}
          renderItem={(entry) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Space direction="vertical" size={0}>
                <Typography.Text>{entry.title}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(entry.at)}
                  {entry.actorName ? ` · ${entry.actorName}` : ''}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('customerPanel.otherTickets')}
      </Typography.Title>
      {otherTickets.length === 0 ? (
        <Typography.Text type="secondary">{t('customerPanel.noOtherTickets')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={otherTickets}
          renderItem={(item) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Space size={4} wrap>
                <ComplaintMarks isComplaint={item.isComplaint} isMajor={item.isMajor} />
                <Link to={`/tickets/${item.id}`}>{item.number}</Link>
                <Typography.Text ellipsis style={{ maxWidth: 160 }}>
                  {item.subject}
                </Typography.Text>
                <StatusTag status={item.status} />
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
