import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Modal,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyHint } from '../../components/EmptyHint';
import { formatDateTime } from '../../components/format';
import { EditDeleteActions } from '../../components/RowActions';
import { CreateButton } from '../../components/SettingEditor';
import { deleteWebhook, listWebhooks, rotateWebhookSecret, testWebhook, updateWebhook, webhooksKey } from './api';
import { SecretOnceModal } from './SecretOnceModal';
import type { Webhook, WebhookTestResult } from './types';
import { WebhookDeliveriesDrawer } from './WebhookDeliveriesDrawer';
import { WebhookFormModal } from './WebhookFormModal';

/** Enabled, paused by hand, or disabled by Kefu after repeated failures (with why and when). */
function WebhookState({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation('webhooks');
  if (webhook.enabled) return <Tag color="success">{t('state.enabled')}</Tag>;
  if (webhook.disabledAt && webhook.disabledReason !== 'manual')
    return (
      <Tooltip title={webhook.disabledReason ?? undefined}>
        <Tag color="error" data-testid="webhook-auto-disabled">
          {t('state.autoDisabled', { at: formatDateTime(webhook.disabledAt) })}
        </Tag>
      </Tooltip>
    );
  return <Tag>{t('state.disabled')}</Tag>;
}

/**
 * Outbound webhooks (Standard Webhooks): subscriptions per event type, the secret shown once on
 * create and on rotation, test, re-enable after Kefu disabled one, the delivery log with redeliver.
 */
export function WebhooksPage() {
  const { t } = useTranslation(['webhooks', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [viewing, setViewing] = useState<Webhook | null>(null);
  const [secret, setSecret] = useState<{ title: string; value: string } | null>(null);
  const [tested, setTested] = useState<WebhookTestResult | null>(null);
  const list = useQuery({ queryKey: [...webhooksKey, 'list'], queryFn: listWebhooks });
  const items = list.data?.items ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: webhooksKey });

  const test = useMutation({ mutationFn: testWebhook, onSuccess: setTested });
  const rotate = useMutation({
    mutationFn: rotateWebhookSecret,
    onSuccess: ({ secret: value }) => setSecret({ title: t('secret.rotatedTitle'), value }),
  });
  const toggle = useMutation({
    mutationFn: (row: Webhook) => updateWebhook(row.id, { enabled: !row.enabled }),
    onSuccess: async () => {
      message.success(t('common:feedback.saved'));
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: deleteWebhook,
    onSuccess: async () => {
      message.success(t('common:feedback.deleted'));
      await refresh();
    },
  });

  return (
    <PageContainer content={t('intro')}>
      <Card>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {items.length > 0 && (
            <div>
              <CreateButton onClick={() => setEditing('new')} />
            </div>
          )}
          <Table<Webhook>
            data-testid="webhooks-table"
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={items}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{
              emptyText: (
                <EmptyHint
                  text={t('list.empty')}
                  action={{ label: t('common:actions.create'), onClick: () => setEditing('new') }}
                />
              ),
            }}
            columns={[
              {
                title: t('fields.url'),
                dataIndex: 'url',
                width: 280,
                render: (_, row) => (
                  <Space direction="vertical" size={0}>
                    <Typography.Text style={{ wordBreak: 'break-all' }}>{row.url}</Typography.Text>
                    {row.description && <Typography.Text type="secondary">{row.description}</Typography.Text>}
                  </Space>
                ),
              },
              {
                title: t('fields.events'),
                dataIndex: 'events',
                render: (events: string[]) => (
                  <Space size={[0, 4]} wrap>
                    {events.map((type) => (
                      <Tag key={type}>{type}</Tag>
                    ))}
                  </Space>
                ),
              },
              {
                title: t('common:fields.status'),
                key: 'state',
                width: 200,
                render: (_, row) => <WebhookState webhook={row} />,
              },
              {
                title: t('common:fields.actions'),
                key: 'actions',
                width: 330,
                render: (_, row) => (
                  <Space size={0} wrap>
                    <Button
                      type="link"
                      size="small"
                      loading={test.isPending && test.variables === row.id}
                      onClick={() => test.mutate(row.id)}
                    >
                      {t('actions.test')}
                    </Button>
                    <Button type="link" size="small" onClick={() => setViewing(row)}>
                      {t('actions.deliveries')}
                    </Button>
                    <Button type="link" size="small" onClick={() => toggle.mutate(row)}>
                      {row.enabled ? t('actions.disable') : t('actions.enable')}
                    </Button>
                    <Popconfirm title={t('actions.rotateConfirm')} onConfirm={() => rotate.mutate(row.id)}>
                      <Button type="link" size="small">
                        {t('actions.rotate')}
                      </Button>
                    </Popconfirm>
                    <EditDeleteActions
                      confirmTitle={t('common:confirmDelete', { name: row.url })}
                      onEdit={() => setEditing(row)}
                      onDelete={() => remove.mutateAsync(row.id)}
                    />
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      </Card>
      {editing && (
        <WebhookFormModal
          webhook={editing === 'new' ? null : editing}
          onClose={(created) => {
            setEditing(null);
            if (created) setSecret({ title: t('secret.createdTitle'), value: created.secret });
            else if (editing !== 'new') message.success(t('common:feedback.saved'));
          }}
        />
      )}
      <SecretOnceModal title={secret?.title ?? ''} secret={secret?.value ?? null} onClose={() => setSecret(null)}>
        <Typography.Paragraph type="secondary">{t('secret.verifyHint')}</Typography.Paragraph>
      </SecretOnceModal>
      <Modal
        open={!!tested}
        title={t('test.title')}
        onCancel={() => setTested(null)}
        footer={
          <Button type="primary" onClick={() => setTested(null)}>
            {t('secret.done')}
          </Button>
        }
      >
        {tested && (
          <>
            <Alert
              type={tested.ok ? 'success' : 'error'}
              showIcon
              message={tested.ok ? t('test.ok') : t('test.failed')}
              style={{ marginBottom: 12 }}
            />
            <Descriptions size="small" column={1} bordered>
              <Descriptions.Item label={t('deliveries.httpStatus')}>{tested.status ?? '-'}</Descriptions.Item>
              <Descriptions.Item label={t('test.response')}>
                <Typography.Text style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {tested.response?.slice(0, 4000) || '-'}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          </>
        )}
      </Modal>
      <WebhookDeliveriesDrawer webhook={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
}
