import { DrawerForm } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/ApiError';
import { showError } from '../../../api/errors';
import type { Customer } from '../../../api/types';
import { customerKey, updateCustomer } from './api';
import { CustomerFields } from './CustomerFields';
import { type CustomerFormValues, toFormValues, toUpdateBody } from './customerForm';
import { refreshCustomer } from './useCustomer';

/**
 * Edits the profile with optimistic locking: the `version` read is sent back, and a 409 means
 * someone else saved in between — the user is told, the file is reloaded, and they edit again.
 */
export function CustomerEditDrawer({
  customer,
  open,
  onClose,
}: {
  customer: Customer;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['customers', 'common']);
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CustomerFormValues>();

  const save = useMutation({
    mutationFn: (values: CustomerFormValues) => updateCustomer(customer.id, toUpdateBody(values, customer.version)),
    meta: { silent: true },
  });

  return (
    <DrawerForm<CustomerFormValues>
      key={customer.id}
      title={t('actions.edit')}
      open={open}
      onOpenChange={(next) => !next && onClose()}
      form={form}
      width={820}
      grid
      rowProps={{ gutter: 16 }}
      drawerProps={{ destroyOnHidden: true, maskClosable: false }}
      initialValues={toFormValues(customer)}
      onFinish={async (values) => {
        try {
          const updated = await save.mutateAsync(values);
          await refreshCustomer(queryClient, customer.id, updated);
          message.success(t('common:feedback.saved'));
          onClose();
          return true;
        } catch (error) {
          if (isApiError(error) && error.code === 'conflict') {
            modal.warning({
              title: t('conflict.title'),
              content: t('conflict.content'),
              okText: t('conflict.reload'),
              // The drawer stays open on the latest version: the user sees the other change and edits again.
              onOk: async () => {
                await refreshCustomer(queryClient, customer.id);
                const fresh = queryClient.getQueryData<Customer>(customerKey(customer.id));
                form.resetFields();
                if (fresh) form.setFieldsValue(toFormValues(fresh) as Parameters<typeof form.setFieldsValue>[0]);
              },
            });
          } else if (isApiError(error) && error.code === 'customers.key_needs_two_staff') {
            modal.warning({ title: error.message, content: t('staff.addBackupFirst') });
          } else {
            showError(error, { form });
          }
          return false;
        }
      }}
    >
      <CustomerFields
        ownerOption={
          customer.ownerId ? { value: customer.ownerId, label: customer.ownerName ?? customer.ownerId } : null
        }
      />
    </DrawerForm>
  );
}
