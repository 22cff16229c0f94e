import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Form, Input, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../api/formErrors';
import { EmptyHint } from '../../components/EmptyHint';
import { formatDateTime } from '../../components/format';
import { EditDeleteActions } from '../../components/RowActions';
import { CreateButton } from '../../components/SettingEditor';
import { PRIORITIES } from '../tickets/core/types';
import { listTicketTypes, ticketSettingsKey } from '../tickets/settings/api';
import {
  createInboundSource,
  deleteInboundSource,
  inboundEndpoint,
  inboundSourcesKey,
  listInboundSources,
  updateInboundSource,
} from './api';
import { CopyValue, SecretOnceModal } from './SecretOnceModal';
import type { InboundSource, InboundSourceCreated } from './types';

type TicketPriority = (typeof PRIORITIES)[number];

const PRE = { whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 } as const;

/** How another system signs its requests (Standard Webhooks), in a few lines. */
export function SigningHelp() {
  const { t } = useTranslation('webhooks');
  return (
    <Typography data-testid="inbound-signing-help">
      <Typography.Title level={5}>{t('inbound.howTitle')}</Typography.Title>
      <Typography.Paragraph>{t('inbound.how1')}</Typography.Paragraph>
      <pre style={PRE}>
        {'webhook-id: msg_…\nwebhook-timestamp: 1700000000\nwebhook-signature: v1,<base64 HMAC-SHA256>'}
      </pre>
      <Typography.Paragraph>{t('inbound.how2')}</Typography.Paragraph>
      <pre style={PRE}>
        {
          'key = base64decode(secret without "whsec_")\nsigned = id + "." + timestamp + "." + body\nsignature = "v1," + base64(HMAC_SHA256(key, signed))'
        }
      </pre>
      <Typography.Paragraph type="secondary">
        {t('inbound.how3')}{' '}
        <Typography.Link href="/api/docs" target="_blank">
          /api/docs
        </Typography.Link>
      </Typography.Paragraph>
    </Typography>
  );
}

type SourceValues = { name: string; ticketTypeKey: string | null; priority: TicketPriority | null };

/** Create or edit a source: its name, and the ticket type and priority its tickets get by default. */
function SourceModal({
  source,
  onClose,
}: {
  source: InboundSource | null;
  onClose: (created?: InboundSourceCreated) => void;
}) {
  const { t } = useTranslation(['webhooks', 'tickets', 'common']);
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SourceValues>();
  const types = useQuery({
    queryKey: [...ticketSettingsKey, 'types', 'all'],
    queryFn: listTicketTypes,
    staleTime: 300_000,
  });
  const save = useMutation({
    mutationFn: async (values: SourceValues) => {
      const body = { ...values, name: values.name.trim() };
      if (source) {
        await updateInboundSource(source.id, body);
        return undefined;
      }
      return createInboundSource(body);
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: inboundSourcesKey });
      onClose(created);
    },
    onError: (error) => setFieldErrors(form, error),
  });
  return (
    <Modal
      open
      title={source ? t('inbound.edit') : t('inbound.create')}
      onCancel={() => onClose()}
      onOk={() => void form.validateFields().then((values) => save.mutate(values))}
      okText={t('common:actions.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'inbound-save' }}
      destroyOnHidden
    >
      <Form<SourceValues>
        form={form}
        layout="vertical"
        initialValues={{
          name: source?.name ?? '',
          ticketTypeKey: source?.ticketTypeKey ?? null,
          priority: source?.priority ?? null,
        }}
      >
        <Form.Item
          name="name"
          label={t('inbound.name')}
          extra={t('inbound.nameHint')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input id="inbound-name" placeholder={t('inbound.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="ticketTypeKey" label={t('inbound.ticketType')} extra={t('inbound.ticketTypeHint')}>
          <Select
            allowClear
            loading={types.isLoading}
            options={(types.data?.items ?? [])
              .filter((type) => type.isActive)
              .map((type) => ({ value: type.key, label: type.name }))}
          />
        </Form.Item>
        <Form.Item name="priority" label={t('inbound.priority')}>
          <Select allowClear options={PRIORITIES.map((p) => ({ value: p, label: t(`tickets:priority.${p}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 外部来源接入: systems (a web form, a mini-program) that create tickets by posting signed events
 * to their own endpoint. The secret is shown once on create, with the endpoint and how to sign.
 */
export function InboundSourcesPage() {
  const { t } = useTranslation(['webhooks', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<InboundSource | 'new' | null>(null);
  const [created, setCreated] = useState<InboundSourceCreated | null>(null);
  const list = useQuery({ queryKey: [...inboundSourcesKey, 'list'], queryFn: listInboundSources });
  const items = list.data?.items ?? [];
  const refresh = () => queryClient.invalidateQueries({ queryKey: inboundSourcesKey });
  const toggle = useMutation({
    mutationFn: (row: InboundSource) => updateInboundSource(row.id, { enabled: !row.enabled }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: deleteInboundSource,
    onSuccess: async () => {
      message.success(t('common:feedback.deleted'));
      await refresh();
    },
  });

  return (
    <PageContainer content={t('inbound.intro')}>
      <Card>
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {items.length > 0 && (
            <div>
              <CreateButton onClick={() => setEditing('new')} />
            </div>
          )}
          <Table<InboundSource>
            rowKey="id"
            size="middle"
            loading={list.isLoading}
            dataSource={items}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{
              emptyText: (
                <EmptyHint
                  text={t('inbound.empty')}
                  action={{ label: t('common:actions.create'), onClick: () => setEditing('new') }}
                />
              ),
            }}
            columns={[
              { title: t('inbound.name'), dataIndex: 'name', width: 180 },
              {
                title: t('inbound.endpoint'),
                key: 'endpoint',
                render: (_, row) => (
                  <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                    {inboundEndpoint(row.id)}
                  </Typography.Text>
                ),
              },
              {
                title: t('fields.enabled'),
                dataIndex: 'enabled',
                width: 90,
                render: (_, row) => (
                  <Switch
                    size="small"
                    checked={row.enabled}
                    loading={toggle.isPending}
                    onChange={() => toggle.mutate(row)}
                  />
                ),
              },
              {
                title: t('common:fields.createdAt'),
                dataIndex: 'createdAt',
                width: 150,
                render: (v: string) => formatDateTime(v),
              },
              {
                title: t('common:fields.actions'),
                key: 'actions',
                width: 140,
                render: (_, row) => (
                  <EditDeleteActions
                    confirmTitle={t('common:confirmDelete', { name: row.name })}
                    onEdit={() => setEditing(row)}
                    onDelete={() => remove.mutateAsync(row.id)}
                  />
                ),
              },
            ]}
          />
          <SigningHelp />
        </Space>
      </Card>
      {editing && (
        <SourceModal
          source={editing === 'new' ? null : editing}
          onClose={(done) => {
            setEditing(null);
            if (done) setCreated(done);
          }}
        />
      )}
      <SecretOnceModal
        title={t('inbound.createdTitle')}
        secret={created?.secret ?? null}
        onClose={() => setCreated(null)}
      >
        {created && (
          <>
            <Typography.Text strong>{t('inbound.endpoint')}</Typography.Text>
            <CopyValue value={inboundEndpoint(created.id)} testId="inbound-endpoint" />
            <SigningHelp />
          </>
        )}
      </SecretOnceModal>
    </PageContainer>
  );
}
