import { InfoCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, InputNumber, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../../api/formErrors';
import { formatDateTime } from '../../../components/format';
import { channelsKey, putChannel } from '../api';
import { useLabels } from '../labels';
import type { ChannelSettings, ChannelSettingsBody } from '../types';
import { QuietHoursEditor } from './QuietHoursEditor';

/** A label with its explanation on hover. */
export function Hint({ label, hint }: { label: string; hint: string }) {
  return (
    <Space size={4}>
      {label}
      <Tooltip title={hint}>
        <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
      </Tooltip>
    </Space>
  );
}

/** One delivery channel's settings: on/off, rate per minute, quiet hours, attempts before a dead letter. */
export function ChannelCard({ settings }: { settings: ChannelSettings }) {
  const { t } = useTranslation(['notifications', 'common']);
  const { message } = App.useApp();
  const label = useLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ChannelSettingsBody>();
  const save = useMutation({
    mutationFn: (values: ChannelSettingsBody) => putChannel(settings.channel, values),
    onSuccess: async () => {
      message.success(t('common:feedback.saved'));
      await queryClient.invalidateQueries({ queryKey: channelsKey });
    },
    onError: (error) => setFieldErrors(form, error),
  });
  const { channel: _channel, available: _available, updatedAt: _updatedAt, ...initial } = settings;

  return (
    <Card
      data-testid={`channel-${settings.channel}`}
      title={<Hint label={label.channel(settings.channel)} hint={label.channelHint(settings.channel)} />}
      size="small"
      extra={
        settings.enabled ? (
          <Tag color="success">{t('channels.on')}</Tag>
        ) : (
          <Tag color="warning">{t('channels.off')}</Tag>
        )
      }
    >
      {!settings.available && (
        <Alert type="warning" showIcon message={t('channels.unavailable')} style={{ marginBottom: 12 }} />
      )}
      <Form<ChannelSettingsBody>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="enabled"
          valuePropName="checked"
          label={<Hint label={t('channels.enabled')} hint={t('channels.enabledHint')} />}
        >
          <Switch />
        </Form.Item>
        <Space wrap size={16}>
          <Form.Item
            name="ratePerMinute"
            label={<Hint label={t('channels.rate')} hint={t('channels.rateHint')} />}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={10000} addonAfter={t('channels.perMinute')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="maxAttempts"
            label={<Hint label={t('channels.maxAttempts')} hint={t('channels.maxAttemptsHint')} />}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={20} style={{ width: 100 }} />
          </Form.Item>
        </Space>
        <Form.Item name="quietHours" label={<Hint label={t('channels.quietHours')} hint={t('channels.quietHint')} />}>
          <QuietHoursEditor />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common:actions.save')}
          </Button>
          {!settings.enabled && <Typography.Text type="warning">{t('channels.disabledNote')}</Typography.Text>}
          {settings.updatedAt && (
            <Typography.Text type="secondary">
              {t('channels.updatedAt', { at: formatDateTime(settings.updatedAt) })}
            </Typography.Text>
          )}
        </Space>
      </Form>
    </Card>
  );
}
