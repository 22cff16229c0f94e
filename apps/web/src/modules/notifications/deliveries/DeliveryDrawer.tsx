import { useQuery } from '@tanstack/react-query';
import { Button, Collapse, Descriptions, Drawer, Empty, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { deliveryKey, getDelivery } from '../api';
import { STATUS_COLOR, useLabels } from '../labels';
import type { DeliveryAttempt, DeliveryDetail } from '../types';
import { canResend } from './canResend';

/** The attempt log of a delivery, newest first. */
export function attemptLog(detail: Pick<DeliveryDetail, 'log'>): DeliveryAttempt[] {
  return [...detail.log].sort((a, b) => b.attempt - a.attempt);
}

function Code({ text }: { text: string | null | undefined }) {
  if (!text) return <Typography.Text type="secondary">-</Typography.Text>;
  return (
    <Typography.Paragraph
      code
      copyable
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0, maxHeight: 240, overflow: 'auto' }}
    >
      {text}
    </Typography.Paragraph>
  );
}

/** One message in full: who, what, status, and each attempt's request, response and error. */
export function DeliveryDrawer(props: {
  id: string | undefined;
  onClose: () => void;
  onResend: (id: string) => Promise<unknown>;
  resending: boolean;
}) {
  const { t } = useTranslation('notifications');
  const label = useLabels();
  const query = useQuery({
    queryKey: deliveryKey(props.id ?? ''),
    queryFn: () => getDelivery(props.id ?? ''),
    enabled: !!props.id,
    staleTime: 0,
  });
  const detail = query.data;

  return (
    <Drawer
      open={!!props.id}
      onClose={props.onClose}
      width="min(720px, 100vw)"
      loading={query.isLoading}
      title={t('deliveries.drawerTitle')}
      extra={
        detail &&
        canResend(detail) && (
          <Popconfirm
            title={t('deliveries.resendConfirm')}
            onConfirm={() => props.onResend(detail.id).catch(() => undefined)}
          >
            <Button type="primary" loading={props.resending}>
              {t('deliveries.resend')}
            </Button>
          </Popconfirm>
        )
      }
    >
      {detail && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('deliveries.status')}>
              <Tooltip title={label.statusHint(detail.status)}>
                <Tag color={STATUS_COLOR[detail.status]}>{label.status(detail.status)}</Tag>
              </Tooltip>
            </Descriptions.Item>
            <Descriptions.Item label={t('deliveries.channel')}>{label.channel(detail.channel)}</Descriptions.Item>
            <Descriptions.Item label={t('deliveries.topic')}>{label.topic(detail.topic)}</Descriptions.Item>
            <Descriptions.Item label={t('deliveries.recipient')}>{detail.recipient}</Descriptions.Item>
            <Descriptions.Item label={t('deliveries.createdAt')}>{formatDateTime(detail.createdAt)}</Descriptions.Item>
            {detail.sentAt && (
              <Descriptions.Item label={t('deliveries.sentAt')}>{formatDateTime(detail.sentAt)}</Descriptions.Item>
            )}
            {detail.nextAttemptAt && detail.status !== 'sent' && (
              <Descriptions.Item label={t('deliveries.nextAttemptAt')}>
                {formatDateTime(detail.nextAttemptAt)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('deliveries.attempts')}>{detail.attempts}</Descriptions.Item>
            <Descriptions.Item label={t('deliveries.subject')}>{detail.subject || '-'}</Descriptions.Item>
            {detail.body && (
              <Descriptions.Item label={t('deliveries.body')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{detail.body}</Typography.Paragraph>
              </Descriptions.Item>
            )}
            {detail.lastError && (
              <Descriptions.Item label={t('deliveries.lastError')}>
                <Typography.Text type="danger">{detail.lastError}</Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('deliveries.attemptLog')}
          </Typography.Title>
          {attemptLog(detail).length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deliveries.noAttempts')} />
          ) : (
            <Collapse
              defaultActiveKey={[String(attemptLog(detail)[0]?.attempt)]}
              items={attemptLog(detail).map((a) => ({
                key: String(a.attempt),
                label: (
                  <Space wrap size={8}>
                    <span>{t('deliveries.attemptN', { n: a.attempt })}</span>
                    <Tag color={a.ok ? 'success' : 'error'}>{a.ok ? t('deliveries.ok') : t('deliveries.notOk')}</Tag>
                    {a.status != null && (
                      <Tooltip title={t('deliveries.httpStatusHint')}>
                        <Tag>{a.status}</Tag>
                      </Tooltip>
                    )}
                    <Typography.Text type="secondary">{formatDateTime(a.at)}</Typography.Text>
                    {a.durationMs != null && (
                      <Tooltip title={t('deliveries.durationHint')}>
                        <Typography.Text type="secondary">{a.durationMs} ms</Typography.Text>
                      </Tooltip>
                    )}
                  </Space>
                ),
                children: (
                  <Descriptions column={1} size="small" layout="vertical">
                    <Descriptions.Item label={t('deliveries.request')}>
                      <Code text={a.request} />
                    </Descriptions.Item>
                    <Descriptions.Item label={t('deliveries.response')}>
                      <Code text={a.response} />
                    </Descriptions.Item>
                    {a.error && (
                      <Descriptions.Item label={t('deliveries.error')}>
                        <Typography.Text type="danger" style={{ whiteSpace: 'pre-wrap' }}>
                          {a.error}
                        </Typography.Text>
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                ),
              }))}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}
