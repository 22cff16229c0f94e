import { EditOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, InputNumber, Space, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../../api/errors';
import { formatDateTime } from '../../../components/format';
import { QuietWindowsField } from '../QuietWindowsField';
import {
  type CallbackSettings,
  callbackSettingsKey,
  getCallbackSettings,
  setQuietFieldErrors,
  updateCallbackSettings,
  windowsText,
} from '../quietWindows';
import {
  NUMBER_FIELDS,
  type NumberField,
  type SettingsValues,
  toSettingsPatch,
  toSettingsValues,
} from './callbackSettingsForm';

/** A label with its explanation on hover (the read view). */
function Explained({ label, hint }: { label: string; hint: string }) {
  return (
    <Tooltip title={hint}>
      <span>
        {label} <QuestionCircleOutlined style={{ color: 'var(--ant-color-text-tertiary)' }} />
      </span>
    </Tooltip>
  );
}

/** The settings form, in a drawer (full width on a phone). */
function SettingsDrawer({ settings, onClose }: { settings: CallbackSettings; onClose: () => void }) {
  const { t } = useTranslation(['callbacksPlans', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SettingsValues>();
  const save = useMutation({
    mutationFn: (values: SettingsValues) => updateCallbackSettings(toSettingsPatch(values, settings)),
    meta: { silent: true },
    onSuccess: async (saved) => {
      message.success(t('settings.saved'));
      queryClient.setQueryData(callbackSettingsKey, saved);
      await queryClient.invalidateQueries({ queryKey: callbackSettingsKey });
      onClose();
    },
    onError: (error) => {
      if (setQuietFieldErrors(form, error)) message.error(error.message);
      else showError(error);
    },
  });
  return (
    <Drawer
      open
      title={t('settings.title')}
      width="min(560px, 100vw)"
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space wrap style={{ justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="callback-settings-save"
          >
            {t('common:actions.save')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon message={t('settings.appliesFromNow')} style={{ marginBottom: 16 }} />
      <Form<SettingsValues>
        form={form}
        layout="vertical"
        initialValues={toSettingsValues(settings)}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="quietWindows" label={t('settings.quietWindows')} extra={t('settings.quietWindowsHint')}>
          <QuietWindowsField rowTestId="callback-settings-window" />
        </Form.Item>
        {NUMBER_FIELDS.map(({ name, min, max }) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`settings.${name}`)}
            extra={t(`settings.${name}Hint`)}
            rules={[{ required: true, message: t('settings.range', { min, max }) }]}
          >
            <InputNumber
              min={min}
              max={max}
              precision={0}
              addonAfter={t(`settings.unit.${name}`)}
              style={{ width: 200, maxWidth: '100%' }}
            />
          </Form.Item>
        ))}
      </Form>
    </Drawer>
  );
}

/**
 * 回访规则: the global rules every plan's callbacks follow — quiet hours, the per-customer cap,
 * same-day retries and the deadline (GET /callback-settings); edited in a drawer (PATCH), for
 * callbacks.manage (the page's permission).
 */
export function CallbackSettingsCard() {
  const { t } = useTranslation(['callbacksPlans', 'callbacksWork']);
  const [editing, setEditing] = useState(false);
  const query = useQuery({ queryKey: callbackSettingsKey, queryFn: getCallbackSettings });
  const settings = query.data;
  const value = (name: NumberField): ReactNode => {
    if (!settings) return null;
    if (name === 'capDays' && settings.capDays === 0) return t('settings.noCap');
    return t(`settings.value.${name}`, { n: settings[name] });
  };
  const windows = settings
    ? settings.quietWindows.length > 0
      ? windowsText(
          settings.quietWindows,
          t('callbacksWork:quietHours.nextDayPrefix'),
          t('callbacksWork:quietHours.separator'),
        )
      : t('callbacksWork:quietHours.none')
    : null;
  return (
    <Card
      size="small"
      title={t('settings.title')}
      loading={query.isLoading}
      data-testid="callback-settings"
      extra={
        settings && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="callback-settings-edit">
            {t('settings.edit')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('settings.hint')}</Typography.Paragraph>
      {settings && (
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item
            label={<Explained label={t('settings.quietWindows')} hint={t('settings.quietWindowsHint')} />}
            span={{ xs: 1, md: 2 }}
          >
            <span style={{ overflowWrap: 'anywhere' }}>{windows}</span>
          </Descriptions.Item>
          {NUMBER_FIELDS.map(({ name }) => (
            <Descriptions.Item
              key={name}
              label={<Explained label={t(`settings.${name}`)} hint={t(`settings.${name}Hint`)} />}
            >
              {value(name)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {settings?.updatedAt && (
        <Typography.Text type="secondary">
          {t('settings.updatedAt', { at: formatDateTime(settings.updatedAt) })}
        </Typography.Text>
      )}
      {editing && settings && <SettingsDrawer settings={settings} onClose={() => setEditing(false)} />}
    </Card>
  );
}
