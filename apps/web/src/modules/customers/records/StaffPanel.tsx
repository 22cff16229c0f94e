import { ModalForm, ProForm, ProFormList, ProFormSelect } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, List, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/ApiError';
import { showError } from '../../../api/errors';
import type { Customer, StaffBody } from '../../../api/types';
import { UserSelect, type UserSelectProps } from '../../users/UserSelect';
import { setStaff } from '../archive/api';
import { refreshCustomer } from '../archive/useCustomer';

type StaffRole = StaffBody['staff'][number]['role'];
type Values = { staff: { userId?: string; role?: StaffRole }[] };
const ROLES: StaffRole[] = ['backup', 'sales', 'engineer', 'other'];

/** A UserSelect that knows the names of the people already on the list. */
function NamedUserSelect({ names, value, ...props }: UserSelectProps & { names: Map<string, string> }) {
  const label = typeof value === 'string' ? names.get(value) : undefined;
  return (
    <UserSelect value={value} initialOption={label && typeof value === 'string' ? { value, label } : null} {...props} />
  );
}

/** Staff contacts (对接人员): the owner plus backups; key customers need at least two. */
export function StaffPanel({ customer, canWrite }: { customer: Customer; canWrite: boolean }) {
  const { t } = useTranslation(['customers', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [twoStaffError, setTwoStaffError] = useState(false);
  const names = new Map(customer.staff.map((s) => [s.userId, s.displayName]));
  const isKey = customer.isKey || customer.grade === 'A';

  const save = useMutation({
    mutationFn: (values: Values) =>
      setStaff(
        customer.id,
        values.staff.filter((s) => s.userId).map((s) => ({ userId: s.userId as string, role: s.role ?? 'backup' })),
      ),
    meta: { silent: true },
    onSuccess: (updated) => refreshCustomer(queryClient, customer.id, updated),
  });

  return (
    <>
      {isKey && customer.staff.length < 2 && (
        <Alert type="warning" showIcon message={t('staff.keyRule')} style={{ marginBottom: 8 }} />
      )}
      <List
        size="small"
        dataSource={customer.staff}
        locale={{ emptyText: t('staff.empty') }}
        data-testid="staff-list"
        header={
          canWrite && (
            <Button size="small" onClick={() => setOpen(true)} data-testid="staff-edit">
              {t('staff.edit')}
            </Button>
          )
        }
        renderItem={(s) => (
          <List.Item>
            <Space>
              {s.displayName}
              <Tag color={s.role === 'owner' ? 'gold' : 'default'}>
                {t(`staff.roles.${s.role}`, { defaultValue: s.role })}
              </Tag>
            </Space>
          </List.Item>
        )}
      />
      <ModalForm<Values>
        title={t('staff.edit')}
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setTwoStaffError(false);
        }}
        form={form}
        width={560}
        modalProps={{ destroyOnHidden: true }}
        initialValues={{
          staff: customer.staff
            .filter((s) => s.role !== 'owner')
            .map((s) => ({ userId: s.userId, role: s.role as StaffRole })),
        }}
        onFinish={async (values) => {
          try {
            await save.mutateAsync(values);
          } catch (error) {
            setTwoStaffError(isApiError(error) && error.code === 'customers.key_needs_two_staff');
            showError(error, { form });
            return false;
          }
          message.success(t('common:feedback.saved'));
          return true;
        }}
      >
        <Alert
          type={twoStaffError ? 'error' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          message={t('staff.ownerFixed', { name: customer.ownerName ?? '-' })}
          description={isKey || twoStaffError ? t('staff.keyRule') : undefined}
        />
        <ProFormList
          name="staff"
          creatorButtonProps={{ creatorButtonText: t('staff.add') }}
          copyIconProps={false}
          creatorRecord={{ role: 'backup' }}
        >
          <Space align="start">
            <ProForm.Item name="userId" rules={[{ required: true }]} style={{ width: 260 }}>
              <NamedUserSelect names={names} excludeIds={customer.ownerId ? [customer.ownerId] : undefined} />
            </ProForm.Item>
            <ProFormSelect
              name="role"
              width="sm"
              options={ROLES.map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))}
              rules={[{ required: true }]}
            />
          </Space>
        </ProFormList>
      </ModalForm>
    </>
  );
}
