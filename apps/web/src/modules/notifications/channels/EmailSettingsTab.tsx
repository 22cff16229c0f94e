import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  Switch,
  Tag,
  Tooltip,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../../api/formErrors';
import { formatDateTime } from '../../../components/format';
import { Hint } from './ChannelCard';
import { InboundMailLog } from './InboundMailLog';
import {
  EMAIL_FIELDS,
  type EmailSettingsBody,
  emailSettingsKey,
  getEmailSettings,
  pick,
  putEmailSettings,
  testEmail,
} from './providerApi';
import { TestResultView } from './TestResultView';

const SECRETS = ['smtpPassword', 'imapPassword', 'dkimPrivateKey'] as const;
const half = { xs: 24, md: 12 };

/** The mail server: SMTP out (sender, DKIM), IMAP in (polling); test send, poll now, inbound log. */
export function EmailSettingsTab() {
  const { t } = useTranslation(['notifications', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EmailSettingsBody>();
  const [testForm] = Form.useForm<{ to: string }>();
  const query = useQuery({ queryKey: emailSettingsKey, queryFn: getEmailSettings });
  const save = useMutation({
    mutationFn: (values: EmailSettingsBody) =>
      putEmailSettings({
        ...pick<EmailSettingsBody>(values, EMAIL_FIELDS, SECRETS),
        version: query.data?.version ?? 1,
      }),
    onSuccess: async () => {
      message.success(t('common:feedback.saved'));
      form.setFieldsValue({ smtpPassword: '', imapPassword: '', dkimPrivateKey: '' });
      await queryClient.invalidateQueries({ queryKey: emailSettingsKey });
    },
    onError: (error) => setFieldErrors(form, error),
  });
  const test = useMutation({ mutationFn: (values: { to: string }) => testEmail(values.to) });
  const data = query.data;
  if (!data) return <Card loading />;
  const kept = (has: boolean | undefined) => (has ? t('secretKept') : t('secretMissing'));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('email.title')}
        size="small"
        extra={
          <Space wrap size={4}>
            <Tooltip title={t('email.smtpStateHint')}>
              <Tag color={data.smtpConfigured ? 'success' : 'default'}>
                {data.smtpConfigured ? t('email.smtpReady') : t('email.smtpNotReady')}
              </Tag>
            </Tooltip>
            <Tooltip
              title={
                data.lastPolledAt
                  ? t('email.lastPolled', { at: formatDateTime(data.lastPolledAt) })
                  : t('email.neverPolled')
              }
            >
              <Tag color={data.imapConfigured && data.pollingEnabled ? 'success' : 'default'}>
                {data.imapConfigured ? t('email.imapReady') : t('email.imapNotReady')}
              </Tag>
            </Tooltip>
          </Space>
        }
      >
        {data.lastPollError && (
          <Alert
            type="error"
            showIcon
            message={t('email.pollError')}
            description={data.lastPollError}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<EmailSettingsBody>
          form={form}
          layout="vertical"
          initialValues={{ ...data, smtpPassword: '', imapPassword: '', dkimPrivateKey: '' }}
          onFinish={(values) => save.mutate(values)}
        >
          <Row gutter={24}>
            <Col {...half}>
              <Divider orientation="left" plain>
                {t('email.smtp')}
              </Divider>
              <Form.Item name="smtpHost" label={t('email.host')}>
                <Input placeholder="smtp.exmail.qq.com" />
              </Form.Item>
              <Space wrap size={16}>
                <Form.Item name="smtpPort" label={t('email.port')}>
                  <InputNumber min={1} max={65535} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item
                  name="smtpSecure"
                  valuePropName="checked"
                  label={<Hint label={t('email.secure')} hint={t('email.secureHint')} />}
                >
                  <Switch />
                </Form.Item>
              </Space>
              <Form.Item name="smtpUser" label={t('email.user')}>
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="smtpPassword"
                label={<Hint label={t('email.password')} hint={t('secretHint')} />}
                extra={kept(data.hasSmtpPassword)}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item name="fromAddress" label={<Hint label={t('email.from')} hint={t('email.fromHint')} />}>
                <Input placeholder="service@example.com" />
              </Form.Item>
              <Form.Item name="fromName" label={t('email.fromName')}>
                <Input placeholder={t('email.fromNamePlaceholder')} />
              </Form.Item>
              <Form.Item name="dkimDomain" label={<Hint label={t('email.dkimDomain')} hint={t('email.dkimHint')} />}>
                <Input placeholder="example.com" />
              </Form.Item>
              <Form.Item name="dkimSelector" label={t('email.dkimSelector')}>
                <Input placeholder="kefu" />
              </Form.Item>
              <Form.Item name="dkimPrivateKey" label={t('email.dkimKey')} extra={kept(data.hasDkimKey)}>
                <Input.TextArea rows={2} autoComplete="off" placeholder="-----BEGIN PRIVATE KEY-----" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Divider orientation="left" plain>
                {t('email.imap')}
              </Divider>
              <Form.Item
                name="pollingEnabled"
                valuePropName="checked"
                label={<Hint label={t('email.imapEnabled')} hint={t('email.imapEnabledHint')} />}
              >
                <Switch />
              </Form.Item>
              <Form.Item name="imapHost" label={t('email.host')}>
                <Input placeholder="imap.exmail.qq.com" />
              </Form.Item>
              <Space wrap size={16}>
                <Form.Item name="imapPort" label={t('email.port')}>
                  <InputNumber min={1} max={65535} style={{ width: 120 }} />
                </Form.Item>
                <Form.Item name="imapSecure" valuePropName="checked" label={t('email.secure')}>
                  <Switch />
                </Form.Item>
              </Space>
              <Form.Item name="imapUser" label={t('email.user')}>
                <Input autoComplete="off" />
              </Form.Item>
              <Form.Item
                name="imapPassword"
                label={<Hint label={t('email.password')} hint={t('secretHint')} />}
                extra={kept(data.hasImapPassword)}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item name="imapMailbox" label={t('email.mailbox')}>
                <Input placeholder="INBOX" />
              </Form.Item>
              <Form.Item
                name="inboundMaxBytes"
                label={<Hint label={t('email.maxSize')} hint={t('email.maxSizeHint')} />}
                getValueProps={(bytes?: number) => ({ value: bytes ? Math.round(bytes / 1024 / 1024) : undefined })}
                normalize={(mb?: number | null) => (mb ? mb * 1024 * 1024 : undefined)}
              >
                <InputNumber min={1} max={100} addonAfter="MB" style={{ width: 140 }} />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('common:actions.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('email.testTitle')} size="small">
        <Form form={testForm} layout="inline" onFinish={(values) => test.mutate(values)} style={{ rowGap: 8 }}>
          <Form.Item name="to" rules={[{ required: true, type: 'email', message: t('email.toInvalid') }]}>
            <Input placeholder={t('email.toPlaceholder')} style={{ width: 240 }} />
          </Form.Item>
          <Button htmlType="submit" loading={test.isPending}>
            {t('test.send')}
          </Button>
        </Form>
        <div style={{ marginTop: 12 }}>
          <TestResultView result={test.data} />
        </div>
      </Card>
      <InboundMailLog />
    </Space>
  );
}
