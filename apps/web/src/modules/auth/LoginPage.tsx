import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { PageLoading } from '../../components/PageLoading';
import { LangSwitch } from '../../layouts/LangSwitch';
import { login, meQueryKey } from './api';
import { safeRedirect } from './redirect';
import { useCurrentUser } from './useCurrentUser';

type LoginValues = { username: string; password: string };

export function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  const { token } = theme.useToken();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const redirect = safeRedirect(params.get('redirect'));
  const { data: me, isPending } = useCurrentUser();

  const signIn = useMutation({
    mutationFn: login,
    meta: { silent: true }, // shown in the form's alert
    onSuccess: (user) => {
      // Nothing cached for a previous user may survive a sign-in.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      // useLocaleSync then applies the user's saved language.
      queryClient.setQueryData(meQueryKey, user);
      navigate(redirect, { replace: true });
    },
  });

  if (isPending) return <PageLoading />;
  if (me && !signIn.isPending && !signIn.isSuccess) return <Navigate to={redirect} replace />;

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: token.paddingLG,
        background: `linear-gradient(180deg, ${token.colorPrimaryBg} 0%, ${token.colorBgLayout} 60%)`,
      }}
    >
      <div style={{ position: 'absolute', top: token.padding, right: token.paddingLG }}>
        <LangSwitch />
      </div>
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: token.paddingLG * 1.5 } }}>
        <Space direction="vertical" align="center" style={{ width: '100%', marginBottom: token.marginLG }}>
          <img src="/logo.svg" alt="" width={48} height={48} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('common:appName')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.tagline')}</Typography.Text>
        </Space>
        {signIn.error ? (
          <Alert type="error" showIcon message={signIn.error.message} style={{ marginBottom: token.marginLG }} />
        ) : null}
        <Form<LoginValues>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => signIn.mutate(values)}
          disabled={signIn.isPending}
        >
          <Form.Item
            name="username"
            label={t('fields.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              id="username"
              name="username"
              size="large"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('fields.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              id="password"
              name="password"
              size="large"
              prefix={<LockOutlined />}
              autoComplete="current-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={signIn.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
