import { ModalForm, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../api/types';
import { createToken, tokensQueryKey } from './api';

type Values = { name: string; expiresInDays: number | 'never' };

const EXPIRY_DAYS = [30, 90, 180, 365] as const;

export function CreateTokenModal({
  open,
  onOpenChange,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (token: CreatedApiToken) => void;
}) {
  const { t } = useTranslation('auth');
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationFn: createToken,
    meta: { form },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensQueryKey }),
  });

  return (
    <ModalForm<Values>
      title={t('tokens.create')}
      open={open}
      onOpenChange={onOpenChange}
      form={form}
      width={440}
      initialValues={{ expiresInDays: 90 }}
      modalProps={{ destroyOnHidden: true }}
      onFinish={async ({ name, expiresInDays }) => {
        try {
          const token = await mutation.mutateAsync({
            name: name.trim(),
            expiresInDays: expiresInDays === 'never' ? undefined : expiresInDays,
          });
          onCreated(token);
          return true;
        } catch {
          return false;
        }
      }}
    >
      <ProFormText
        name="name"
        label={t('tokens.name')}
        placeholder={t('tokens.namePlaceholder')}
        rules={[{ required: true, whitespace: true, max: 100 }]}
      />
      <ProFormSelect
        name="expiresInDays"
        label={t('tokens.expiry')}
        allowClear={false}
        options={[
          ...EXPIRY_DAYS.map((days) => ({ value: days, label: t('tokens.days', { days }) })),
          { value: 'never', label: t('tokens.never') },
        ]}
      />
    </ModalForm>
  );
}
