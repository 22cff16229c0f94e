import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Form, Input, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../../api/formErrors';
import { notificationsKey, previewTemplate, putTemplate, resetTemplate, templatesKey } from '../api';
import { useLabels } from '../labels';
import type { Template, TemplateBody, TemplateKey } from '../types';

/** The template's variables with sample values, and the catalog's subject and body (always offered). */
export function variablesOf(template: Pick<Template, 'variables'>): [string, string][] {
  const vars = Object.entries(template.variables);
  for (const name of ['subject', 'body']) if (!(name in template.variables)) vars.push([name, '']);
  return vars;
}

/** The three parts that name a template. */
const keyOf = ({ topic, channel, locale }: Template): TemplateKey => ({ topic, channel, locale });

/** A value that settles `ms` after the last change (the preview asks once per pause in typing). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Edit one template: subject and body with `{{variables}}`, the provider's template id (SMS), live preview. */
export function TemplateDrawer({ template, onClose }: { template: Template | undefined; onClose: () => void }) {
  const { t } = useTranslation(['notifications', 'common']);
  const { message } = App.useApp();
  const label = useLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TemplateBody>();
  useEffect(() => {
    if (template)
      form.setFieldsValue({
        subject: template.subject,
        body: template.body,
        providerTemplateId: template.providerTemplateId ?? '',
      });
  }, [template, form]);
  const subject = Form.useWatch('subject', form) ?? '';
  const body = Form.useWatch('body', form) ?? '';
  const draft = useSettled({ subject, body }, 400);
  const preview = useQuery({
    queryKey: [...templatesKey, 'preview', template && { ...template, ...draft }],
    queryFn: () => previewTemplate({ ...keyOf(template as Template), ...draft }),
    enabled: !!template && draft.body !== '',
    staleTime: 60_000,
    meta: { silent: true },
  });
  const done = async (text: string) => {
    message.success(text);
    await queryClient.invalidateQueries({ queryKey: notificationsKey });
    onClose();
  };
  const save = useMutation({
    mutationFn: (values: TemplateBody) =>
      putTemplate(keyOf(template as Template), { ...values, providerTemplateId: values.providerTemplateId || null }),
    onSuccess: () => done(t('common:feedback.saved')),
    onError: (error) => setFieldErrors(form, error),
  });
  const reset = useMutation({
    mutationFn: () => resetTemplate(keyOf(template as Template)),
    onSuccess: () => done(t('templates.resetDone')),
  });
  const insert = (name: string) => form.setFieldValue('body', `${form.getFieldValue('body') ?? ''}{{${name}}}`);
  const isSms = template?.channel === 'sms';
  const varHint = (name: string, sample: string) =>
    sample
      ? t('templates.sample', { sample })
      : name === 'subject'
        ? t('templates.builtinSubject')
        : name === 'body'
          ? t('templates.builtinBody')
          : t('templates.noSample');

  return (
    <Drawer
      open={!!template}
      onClose={onClose}
      width="min(720px, 100vw)"
      destroyOnHidden
      title={
        template &&
        t('templates.editTitle', {
          topic: label.topic(template.topic),
          channel: label.channel(template.channel),
          locale: label.locale(template.locale),
        })
      }
      extra={
        <Space>
          {template?.custom && (
            <Popconfirm
              title={t('templates.resetConfirm')}
              onConfirm={() => reset.mutateAsync().catch(() => undefined)}
            >
              <Button loading={reset.isPending}>{t('templates.reset')}</Button>
            </Popconfirm>
          )}
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common:actions.save')}
          </Button>
        </Space>
      }
    >
      {template && (
        <Form<TemplateBody> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
          {!isSms && (
            <Form.Item name="subject" label={t('templates.subject')}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          <Form.Item name="body" label={t('templates.body')} rules={[{ required: true }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} showCount />
          </Form.Item>
          {isSms && (
            <Form.Item
              name="providerTemplateId"
              label={t('templates.providerTemplateId')}
              extra={t('templates.providerTemplateHint')}
            >
              <Input placeholder="SMS_123456789" />
            </Form.Item>
          )}
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('templates.variablesHelp')}
          </Typography.Paragraph>
          <Space wrap size={[4, 4]} style={{ marginBottom: 16 }}>
            {variablesOf(template).map(([name, sample]) => (
              <Tooltip key={name} title={varHint(name, sample)}>
                <Tag style={{ cursor: 'pointer' }} onClick={() => insert(name)}>{`{{${name}}}`}</Tag>
              </Tooltip>
            ))}
          </Space>
          <Card size="small" title={t('templates.preview')} data-testid="template-preview">
            {preview.isError ? (
              <Alert type="warning" showIcon message={t('templates.previewFailed')} />
            ) : preview.data ? (
              <>
                {preview.data.subject && <Typography.Text strong>{preview.data.subject}</Typography.Text>}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {preview.data.body}
                </Typography.Paragraph>
              </>
            ) : (
              <Typography.Text type="secondary">{t('templates.previewEmpty')}</Typography.Text>
            )}
          </Card>
        </Form>
      )}
    </Drawer>
  );
}
