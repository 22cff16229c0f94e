import {
  ModalForm,
  ProForm,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTreeSelect,
} from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import type { DepartmentNode } from '../departments/tree';
import { toTreeOptions } from '../departments/tree';
import { createUser, updateUser, usersQueryKey } from './api';
import { UserSelect } from './UserSelect';

type Values = {
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  roleKey: string;
  departmentId?: string | null;
  superiorId?: string | null;
  password?: string;
  isActive: boolean;
};

const blankToNull = (value: string | undefined | null) => value?.trim() || null;

/** Create (`user === 'new'`) or edit a user. */
export function UserFormModal({
  user,
  onClose,
  onSaved,
  roleOptions,
  departmentTree,
  isSelf = false,
}: {
  user: User | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
  roleOptions: { value: string; label: string }[];
  departmentTree: DepartmentNode[];
  /** One's own account: role, department, superior and status are not one's own to change. */
  isSelf?: boolean;
}) {
  const { t } = useTranslation(['users', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const isNew = user === 'new';
  const existing = user !== 'new' && user !== null ? user : null;

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const common = {
        displayName: values.displayName.trim(),
        email: blankToNull(values.email),
        phone: blankToNull(values.phone),
        roleKey: values.roleKey,
        departmentId: values.departmentId ?? null,
        superiorId: values.superiorId ?? null,
      };
      if (existing) return updateUser(existing.id, { ...common, isActive: values.isActive });
      return createUser({ ...common, username: values.username.trim(), password: values.password ?? '' });
    },
    meta: { form },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryKey }),
  });

  return (
    <ModalForm<Values>
      key={existing?.id ?? 'new'}
      title={isNew ? t('actions.create') : t('actions.edit')}
      open={user !== null}
      onOpenChange={(open) => !open && onClose()}
      form={form}
      width={560}
      grid
      rowProps={{ gutter: 16 }}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        existing
          ? {
              username: existing.username,
              displayName: existing.displayName,
              email: existing.email ?? undefined,
              phone: existing.phone ?? undefined,
              roleKey: existing.roleKey,
              departmentId: existing.departmentId,
              superiorId: existing.superiorId,
              isActive: existing.isActive,
            }
          : { isActive: true }
      }
      onFinish={async (values) => {
        try {
          await save.mutateAsync(values);
        } catch {
          return false;
        }
        message.success(isNew ? t('common:feedback.created') : t('common:feedback.saved'));
        onSaved();
        return true;
      }}
    >
      <ProFormText
        name="username"
        label={t('fields.username')}
        colProps={{ span: 12 }}
        disabled={!isNew}
        fieldProps={{ autoComplete: 'off' }}
        rules={[
          { required: true, whitespace: true, max: 64 },
          { pattern: /^[A-Za-z0-9._-]+$/, message: t('validation.username') },
        ]}
      />
      <ProFormText
        name="displayName"
        label={t('fields.displayName')}
        colProps={{ span: 12 }}
        rules={[{ required: true, whitespace: true, max: 64 }]}
      />
      <ProFormText name="email" label={t('common:fields.email')} colProps={{ span: 12 }} rules={[{ type: 'email' }]} />
      <ProFormText name="phone" label={t('common:fields.phone')} colProps={{ span: 12 }} rules={[{ max: 32 }]} />
      <ProFormSelect
        name="roleKey"
        label={t('common:fields.role')}
        colProps={{ span: 12 }}
        options={roleOptions}
        rules={[{ required: true }]}
        disabled={isSelf}
        tooltip={isSelf ? t('hints.ownOrg') : undefined}
      />
      <ProFormTreeSelect
        name="departmentId"
        label={t('common:fields.department')}
        colProps={{ span: 12 }}
        allowClear
        disabled={isSelf}
        fieldProps={{ treeData: toTreeOptions(departmentTree), treeDefaultExpandAll: true, showSearch: true }}
      />
      {/* ProForm.Item has no colProps; in grid mode the form is a Row, so a Col places it. */}
      <Col span={12}>
        <ProForm.Item name="superiorId" label={t('common:fields.superior')}>
          <UserSelect
            disabled={isSelf}
            initialOption={
              existing?.superiorId
                ? { value: existing.superiorId, label: existing.superiorName ?? existing.superiorId }
                : null
            }
            excludeIds={existing ? [existing.id] : undefined}
          />
        </ProForm.Item>
      </Col>
      {isNew ? (
        <ProFormText.Password
          name="password"
          label={t('fields.initialPassword')}
          colProps={{ span: 12 }}
          extra={t('hints.initialPassword')}
          fieldProps={{ autoComplete: 'new-password' }}
          rules={[{ required: true }]}
        />
      ) : (
        <ProFormSwitch
          name="isActive"
          label={t('common:fields.status')}
          colProps={{ span: 12 }}
          disabled={isSelf}
          checkedChildren={t('common:status.active')}
          unCheckedChildren={t('common:status.inactive')}
        />
      )}
    </ModalForm>
  );
}
