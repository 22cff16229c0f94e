import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../api/formErrors';
import { isHttpUrl } from '../robots/robotForm';
import { createWebhook, listEventTypes, updateWebhook, webhooksKey } from './api';
import type { Webhook, WebhookCreated, WebhookEventType } from './types';

type Values = { url: string; events: WebhookEventType['type'][]; description: string; secret: string };

/**
 * Create or edit a subscription: the receiver's URL, the event types it gets and, on create, an
 * optional secret of the receiver's own (`whsec_…`; empty = Kefu generates one, shown once).
 */
export function WebhookFormModal({
  webhook,
  onClose,
}: {
  webhook: Webhook | null;
  onClose: (created?: WebhookCreated) => void;
}) {
  const { t } = useTranslation(['webhooks', 'common']);
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const types = useQuery({ queryKey: [...webhooksKey, 'event-types'], queryFn: listEventTypes, staleTime: 600_000 });
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const url = values.url.trim();
      const description = values.description.trim();
      if (webhook) {
        await updateWebhook(webhook.id, { url, events: values.events, description: description || null });
        return undefined;
      }
      const secret = values.secret.trim();
      return createWebhook({
        url,
        events: values.events,
        ...(description ? { description } : {}),
        ...(secret ? { secret } : {}),
      });
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: webhooksKey });
      onClose(created);
    },
    onError: (error) => setFieldErrors(form, error),
  });

  return (
    <Modal
      open
      title={webhook ? t('form.edit') : t('form.create')}
      onCancel={() => onClose()}
      onOk={() => void form.validateFields().then((values) => save.mutate(values))}
      okText={t('common:actions.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'webhook-save' }}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          url: webhook?.url ?? '',
          events: (webhook?.events ?? []) as Values['events'],
          description: webhook?.description ?? '',
          secret: '',
        }}
      >
        <Form.Item
          name="url"
          label={t('fields.url')}
          extra={t('form.urlHint')}
          rules={[
            { required: true, whitespace: true, max: 2048 },
            {
              validator: (_, value?: string) =>
                !value || isHttpUrl(value) ? Promise.resolve() : Promise.reject(new Error(t('form.urlInvalid'))),
            },
          ]}
        >
          <Input id="webhook-url" placeholder="https://example.com/kefu/webhook" autoComplete="off" />
        </Form.Item>
        <Form.Item name="events" label={t('fields.events')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Select
            id="webhook-events"
            mode="multiple"
            allowClear
            loading={types.isLoading}
            optionFilterProp="label"
            options={(types.data?.items ?? []).map((item) => ({
              value: item.type,
              label: item.description ? `${item.type} — ${item.description}` : item.type,
            }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('fields.description')} rules={[{ max: 500 }]}>
          <Input id="webhook-description" placeholder={t('form.descriptionPlaceholder')} />
        </Form.Item>
        {!webhook && (
          <Form.Item name="secret" label={t('fields.secret')} extra={t('form.secretHint')} rules={[{ max: 200 }]}>
            <Input.Password id="webhook-secret" placeholder="whsec_…" autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
