import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../../api/formErrors';
import { Hint } from './ChannelCard';
import {
  getSmsSettings,
  pick,
  putSmsSettings,
  SMS_FIELDS,
  type SmsSettingsBody,
  smsSettingsKey,
  testSms,
} from './providerApi';
import { TestResultView } from './TestResultView';

/** The SMS provider account (Alibaba Cloud SMS): AccessKey, signature, default template; test send. */
export function SmsSettingsTab() {
  const { t } = useTranslation(['notifications', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SmsSettingsBody>();
  const [testForm] = Form.useForm<{ phone: string }>();
  const query = useQuery({ queryKey: smsSettingsKey, queryFn: getSmsSettings });
  const save = useMutation({
    mutationFn: (values: SmsSettingsBody) =>
      putSmsSettings({
        ...pick<SmsSettingsBody>(values, SMS_FIELDS, ['accessKeySecret']),
        version: query.data?.version ?? 1,
      }),
    onSuccess: async () => {
      message.success(t('common:feedback.saved'));
      form.setFieldValue('accessKeySecret', '');
      await queryClient.invalidateQueries({ queryKey: smsSettingsKey });
    },
    onError: (error) => setFieldErrors(form, error),
  });
  const test = useMutation({ mutationFn: (values: { phone: string }) => testSms(values.phone) });
  if (!query.data) return <Card loading />;
  const { hasSecret, configured, ...initial } = query.data;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('sms.title')} size="small">
        <Form<SmsSettingsBody>
          form={form}
          layout="vertical"
          initialValues={{ ...initial, accessKeySecret: '' }}
          onFinish={(values) => save.mutate(values)}
          style={{ maxWidth: 560 }}
        >
          <Form.Item name="provider" label={t('sms.provider')}>
            <Select options={[{ value: 'aliyun', label: t('sms.aliyun') }]} />
          </Form.Item>
          <Form.Item name="endpoint" label={<Hint label={t('sms.endpoint')} hint={t('sms.endpointHint')} />}>
            <Input placeholder="https://dysmsapi.aliyuncs.com" />
          </Form.Item>
          <Form.Item name="regionId" label={t('sms.regionId')}>
            <Input placeholder="cn-hangzhou" />
          </Form.Item>
          <Form.Item name="accessKeyId" label="AccessKey ID">
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="accessKeySecret"
            label={<Hint label="AccessKey Secret" hint={t('secretHint')} />}
            extra={hasSecret ? t('secretKept') : t('secretMissing')}
          >
            <Input.Password autoComplete="new-password" placeholder={hasSecret ? '••••••••' : ''} />
          </Form.Item>
          <Form.Item name="signName" label={<Hint label={t('sms.signName')} hint={t('sms.signNameHint')} />}>
            <Input />
          </Form.Item>
          <Form.Item
            name="defaultTemplateCode"
            label={<Hint label={t('sms.defaultTemplate')} hint={t('sms.defaultTemplateHint')} />}
          >
            <Input placeholder="SMS_123456789" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common:actions.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('sms.testTitle')} size="small">
        <Form form={testForm} layout="inline" onFinish={(values) => test.mutate(values)} style={{ rowGap: 8 }}>
          <Form.Item
            name="phone"
            rules={[{ required: true, pattern: /^\+?\d{6,15}$/, message: t('sms.phoneInvalid') }]}
          >
            <Input placeholder={t('sms.phonePlaceholder')} style={{ width: 200 }} />
          </Form.Item>
          <Button htmlType="submit" loading={test.isPending}>
            {t('test.send')}
          </Button>
        </Form>
        <div style={{ marginTop: 12 }}>
          <TestResultView result={test.data} />
        </div>
      </Card>
    </Space>
  );
}
