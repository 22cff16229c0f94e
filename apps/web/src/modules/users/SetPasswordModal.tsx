import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { useMutation } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { setUserPassword } from './api';

/** An administrator sets a new password for someone who forgot theirs. */
export function SetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation(['users', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const mutation = useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) => setUserPassword(id, newPassword),
    meta: { form },
  });

  return (
    <ModalForm<{ newPassword: string }>
      title={t('setPassword.title', { name: user?.displayName ?? '' })}
      open={user !== null}
      onOpenChange={(open) => !open && onClose()}
      form={form}
      width={420}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async ({ newPassword }) => {
        if (!user) return false;
        try {
          await mutation.mutateAsync({ id: user.id, newPassword });
        } catch {
          return false;
        }
        message.success(t('setPassword.done'));
        return true;
      }}
    >
      <ProFormText.Password
        name="newPassword"
        label={t('setPassword.newPassword')}
        extra={t('hints.initialPassword')}
        fieldProps={{ autoComplete: 'new-password' }}
        rules={[{ required: true }]}
      />
    </ModalForm>
  );
}
