import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePassword } from './api';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

export function ChangePasswordModal({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation('auth');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({ mutationFn: changePassword, meta: { form } });

  return (
    <ModalForm<Values>
      title={t('password.title')}
      open={open}
      onOpenChange={onOpenChange}
      form={form}
      width={420}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async ({ currentPassword, newPassword }) => {
        try {
          await mutation.mutateAsync({ currentPassword, newPassword });
        } catch {
          return false;
        }
        message.success(t('password.changed'));
        return true;
      }}
    >
      <Alert type="info" showIcon message={t('password.effects')} style={{ marginBottom: 16 }} />
      <ProFormText.Password
        name="currentPassword"
        label={t('password.current')}
        fieldProps={{ autoComplete: 'current-password' }}
        rules={[{ required: true }]}
      />
      <ProFormText.Password
        name="newPassword"
        label={t('password.new')}
        extra={t('password.hint')}
        fieldProps={{ autoComplete: 'new-password' }}
        rules={[{ required: true }]}
      />
      <ProFormText.Password
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        fieldProps={{ autoComplete: 'new-password' }}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      />
    </ModalForm>
  );
}
