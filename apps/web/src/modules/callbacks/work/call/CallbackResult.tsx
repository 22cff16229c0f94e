import { useMutation } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, Rate, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { showError } from '../../../../api/errors';
import { setFieldErrors } from '../../../../api/formErrors';
import { writeUpCallback } from '../callbackApi';
import { type CallbackDetail, STAFF_ROLES, type StaffRole } from '../callbackTypes';

const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

/** What was recorded: the outcome of a done callback, the write-up of an unreached one. */
export function CallbackResult({ callback }: { callback: CallbackDetail }) {
  const { t } = useTranslation('callbacksWork');
  const roleLabel = (role: string) => (isStaffRole(role) ? t(`labels.role.${role}`) : role);
  if (callback.status !== 'done' && !callback.writeUp) return null;
  return (
    <Descriptions size="small" column={1} bordered data-testid="callback-result">
      {callback.status === 'done' && callback.satisfaction !== null ? (
        <Descriptions.Item label={t('call.outcome.satisfaction')}>
          <Rate disabled value={callback.satisfaction} style={{ fontSize: 16 }} />
        </Descriptions.Item>
      ) : null}
      {callback.opinion ? (
        <Descriptions.Item label={t('call.outcome.opinion')}>
          <span style={{ overflowWrap: 'anywhere' }}>{callback.opinion}</span>
        </Descriptions.Item>
      ) : null}
      {callback.status === 'done' ? (
        <Descriptions.Item label={t('call.outcome.staff')}>
          {callback.staffRatings?.length ? (
            <Space direction="vertical" size={2}>
              {callback.staffRatings.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: ratings have no id and never reorder
                <Space key={i} size={4} wrap>
                  <Tag style={{ marginInlineEnd: 0 }}>{roleLabel(r.role)}</Tag>
                  <Typography.Text>{r.name ?? ''}</Typography.Text>
                  <Rate disabled value={r.score} style={{ fontSize: 12 }} />
                </Space>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('call.outcome.noStaff')}</Typography.Text>
          )}
        </Descriptions.Item>
      ) : null}
      {callback.writeUp ? (
        <Descriptions.Item label={t('call.outcome.writeUp')}>
          <span style={{ overflowWrap: 'anywhere' }}>{callback.writeUp}</span>
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** The write-up of an unreached callback (once, before the end of its day). */
export function WriteUpForm({ callbackId, onDone }: { callbackId: string; onDone: () => Promise<void> }) {
  const { t } = useTranslation('callbacksWork');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const save = useMutation({
    mutationFn: (note: string) => writeUpCallback(callbackId, note.trim()),
    meta: { silent: true },
    onSuccess: async () => {
      message.success(t('call.writeUp.saved'));
      form.resetFields();
      await onDone();
    },
    onError: (error) => {
      if (setFieldErrors(form, error)) message.error(error.message);
      else showError(error);
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="callback-writeup"
      onFinish={(values) => save.mutate(values.note)}
      requiredMark={false}
    >
      <Form.Item
        name="note"
        label={t('call.writeUp.title')}
        extra={t('call.writeUp.help')}
        rules={[{ required: true, whitespace: true, message: t('call.writeUp.required') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={2000}
          placeholder={t('call.writeUp.placeholder')}
          data-testid="callback-writeup-note"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="callback-writeup-submit">
        {t('call.writeUp.submit')}
      </Button>
    </Form>
  );
}
