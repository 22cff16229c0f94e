import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { listWebhookDeliveries, redeliver, webhookDeliveriesKey } from './api';
import type { Webhook, WebhookDelivery } from './types';

const PAGE_SIZE = 20;
const COLORS: Record<WebhookDelivery['status'], string> = {
  delivered: 'success',
  pending: 'processing',
  failed: 'error',
};

export function WebhookStatusTag({ status }: { status: WebhookDelivery['status'] }) {
  const { t } = useTranslation('webhooks');
  return (
    <Tag color={COLORS[status]} data-testid="webhook-delivery-status" data-status={status}>
      {t(`deliveryStatus.${status}`)}
    </Tag>
  );
}

const pre = {
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  marginBottom: 0,
  maxHeight: 200,
  overflow: 'auto',
} as const;

/** One message: the exact body that was signed and every attempt with the receiver's answer. */
function DeliveryDetail({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation('webhooks');
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label="webhook-id">
        <Typography.Text copyable>{delivery.id}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('deliveries.body')}>
        <Typography.Paragraph code style={pre}>
          {delivery.body}
        </Typography.Paragraph>
      </Descriptions.Item>
      {delivery.attemptLog.map((attempt) => (
        <Descriptions.Item
          key={attempt.attempt}
          label={t('deliveries.attemptN', { n: attempt.attempt, at: formatDateTime(attempt.at) })}
        >
          <Typography.Text type={attempt.ok ? 'success' : 'danger'}>
            {attempt.status ?? t('deliveries.noAnswer')} · {attempt.durationMs} ms
          </Typography.Text>
          {(attempt.error || attempt.response) && (
            <Typography.Paragraph code style={pre}>
              {[attempt.error, attempt.response].filter(Boolean).join('\n')}
            </Typography.Paragraph>
          )}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** A subscription's deliveries, newest first: state, attempts, the receiver's answer; redeliver. */
export function WebhookDeliveriesDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation(['webhooks', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const id = webhook?.id ?? '';
  const deliveries = useQuery({
    queryKey: [...webhookDeliveriesKey(id), page],
    queryFn: () => listWebhookDeliveries(id, { page, pageSize: PAGE_SIZE }),
    enabled: !!webhook,
    refetchInterval: 10_000,
  });
  const again = useMutation({
    mutationFn: (deliveryId: string) => redeliver(id, deliveryId),
    onSuccess: async () => {
      message.success(t('deliveries.redelivered'));
      await queryClient.invalidateQueries({ queryKey: webhookDeliveriesKey(id) });
    },
  });
  return (
    <Drawer
      title={webhook ? t('deliveries.title', { url: webhook.url }) : ''}
      open={!!webhook}
      onClose={onClose}
      width="min(900px, 100vw)"
      destroyOnHidden
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void deliveries.refetch()} loading={deliveries.isFetching}>
          {t('common:actions.refresh')}
        </Button>
      }
    >
      <Table<WebhookDelivery>
        data-testid="webhook-deliveries"
        rowKey="id"
        size="small"
        loading={deliveries.isLoading}
        dataSource={deliveries.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: deliveries.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        scroll={{ x: 760 }}
        locale={{ emptyText: <Empty description={t('deliveries.empty')} /> }}
        expandable={{ expandedRowRender: (row) => <DeliveryDetail delivery={row} /> }}
        columns={[
          {
            title: t('deliveries.at'),
            dataIndex: 'createdAt',
            width: 150,
            render: (v: string) => formatDateTime(v),
          },
          { title: t('deliveries.event'), dataIndex: 'eventType' },
          {
            title: t('common:fields.status'),
            dataIndex: 'status',
            width: 100,
            render: (status: WebhookDelivery['status']) => <WebhookStatusTag status={status} />,
          },
          { title: t('deliveries.attempts'), dataIndex: 'attempts', width: 80 },
          {
            title: t('deliveries.httpStatus'),
            dataIndex: 'lastStatus',
            width: 90,
            render: (status: number | null, row) =>
              status ??
              (row.lastError ? (
                <Tooltip title={row.lastError}>
                  <Typography.Text type="danger">{t('deliveries.noAnswer')}</Typography.Text>
                </Tooltip>
              ) : (
                '-'
              )),
          },
          {
            title: t('deliveries.next'),
            dataIndex: 'nextAttemptAt',
            width: 150,
            render: (v: string, row) => (row.status === 'pending' ? formatDateTime(v) : '-'),
          },
          {
            title: t('common:fields.actions'),
            key: 'actions',
            width: 100,
            render: (_, row) => (
              <Button
                type="link"
                size="small"
                loading={again.isPending && again.variables === row.id}
                onClick={() => again.mutate(row.id)}
              >
                {t('deliveries.redeliver')}
              </Button>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
