import { EditOutlined, KeyOutlined, LockOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer, ProDescriptions, ProFormText } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Me } from '../../api/types';
import { meQueryKey, updateMe } from './api';
import { ChangePasswordModal } from './ChangePasswordModal';
import { useCurrentUser } from './useCurrentUser';

/** The signed-in user's own record; only the display name is theirs to edit. */
export function ProfilePage() {
  const { t } = useTranslation(['auth', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useCurrentUser();
  const [passwordOpen, setPasswordOpen] = useState(false);
  const [form] = Form.useForm<{ displayName: string }>();
  const rename = useMutation({
    mutationFn: updateMe,
    meta: { form },
    onSuccess: (updated) => queryClient.setQueryData(meQueryKey, updated),
  });
  if (!me) return null;

  return (
    <PageContainer
      extra={[
        <Button key="password" icon={<LockOutlined />} onClick={() => setPasswordOpen(true)}>
          {t('userMenu.changePassword')}
        </Button>,
        <Link key="tokens" to="/account/tokens">
          <Button icon={<KeyOutlined />}>{t('userMenu.tokens')}</Button>
        </Link>,
      ]}
    >
      <ProDescriptions<Me> column={{ xs: 1, md: 2 }} dataSource={me} bordered>
        <ProDescriptions.Item label={t('fields.username')} dataIndex="username" />
        <ProDescriptions.Item label={t('fields.displayName')}>
          <Space>
            {me.displayName}
            <ModalForm<{ displayName: string }>
              title={t('profile.editName')}
              form={form}
              width={400}
              initialValues={{ displayName: me.displayName }}
              modalProps={{ destroyOnHidden: true }}
              trigger={<Button type="link" size="small" icon={<EditOutlined />} aria-label={t('profile.editName')} />}
              onFinish={async ({ displayName }) => {
                try {
                  await rename.mutateAsync({ displayName: displayName.trim() });
                } catch {
                  return false;
                }
                message.success(t('common:feedback.saved'));
                return true;
              }}
            >
              <ProFormText
                name="displayName"
                label={t('fields.displayName')}
                rules={[{ required: true, whitespace: true, max: 64 }]}
              />
            </ModalForm>
          </Space>
        </ProDescriptions.Item>
        <ProDescriptions.Item label={t('common:fields.role')}>{me.role.name}</ProDescriptions.Item>
        <ProDescriptions.Item label={t('common:fields.dataScope')}>
          {t(`common:dataScope.${me.dataScope}`)}
        </ProDescriptions.Item>
        <ProDescriptions.Item label={t('common:fields.department')}>{me.department?.name ?? '-'}</ProDescriptions.Item>
        <ProDescriptions.Item label={t('common:fields.superior')}>
          {me.superior?.displayName ?? '-'}
        </ProDescriptions.Item>
        <ProDescriptions.Item label={t('common:fields.email')}>{me.email ?? '-'}</ProDescriptions.Item>
        <ProDescriptions.Item label={t('common:fields.phone')}>{me.phone ?? '-'}</ProDescriptions.Item>
        <ProDescriptions.Item label={t('common:language')}>{t(`common:languages.${me.locale}`)}</ProDescriptions.Item>
      </ProDescriptions>
      <ChangePasswordModal open={passwordOpen} onOpenChange={setPasswordOpen} />
    </PageContainer>
  );
}
