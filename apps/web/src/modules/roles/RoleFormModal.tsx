import { ModalForm, ProForm, ProFormRadio, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { DATA_SCOPES, type DataScope, isPermission } from '@kefu/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role, RoleBody } from '../../api/types';
import { useCurrentUser } from '../auth/useCurrentUser';
import { createRole, listPermissions, permissionsQueryKey, rolesQueryKey, updateRole } from './api';
import { PermissionPicker } from './PermissionPicker';
import { grantableScopes } from './roleRestriction';

/** The permission names the API accepts (its enum, which follows @kefu/shared). */
type RolePermission = NonNullable<RoleBody['permissions']>[number];
const isRolePermission = (value: string): value is RolePermission => isPermission(value);

type Values = { key: string; name: string; description?: string; dataScope: DataScope; permissions: string[] };

/** Create a custom role (`role === 'new'`), or edit a role's name, permissions and data scope. */
export function RoleFormModal({
  role,
  readOnly,
  onClose,
}: {
  role: Role | 'new' | null;
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation(['roles', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = role !== 'new' && role !== null ? role : null;
  const permissions = useQuery({ queryKey: permissionsQueryKey, queryFn: listPermissions, staleTime: Infinity });
  // Nobody grants more than they hold: offer only the caller's own permissions and scopes up to theirs.
  const me = useCurrentUser().data;
  const scopes = new Set<string>(grantableScopes(me));

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        name: values.name.trim(),
        description: values.description?.trim() || null,
        dataScope: values.dataScope,
        permissions: values.permissions.filter(isRolePermission),
      };
      return existing ? updateRole(existing.key, body) : createRole({ ...body, key: values.key.trim() });
    },
    meta: { form },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rolesQueryKey }),
  });

  const title = existing ? (readOnly ? existing.name : t('actions.edit')) : t('actions.create');

  return (
    <ModalForm<Values>
      key={existing?.key ?? 'new'}
      title={title}
      open={role !== null}
      onOpenChange={(open) => !open && onClose()}
      form={form}
      width={720}
      readonly={false}
      disabled={readOnly}
      submitter={readOnly ? false : undefined}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        existing
          ? {
              key: existing.key,
              name: existing.name,
              description: existing.description ?? undefined,
              dataScope: existing.dataScope,
              permissions: existing.permissions,
            }
          : { dataScope: 'own', permissions: [] }
      }
      onFinish={async (values) => {
        try {
          await save.mutateAsync(values);
        } catch {
          return false;
        }
        message.success(existing ? t('common:feedback.saved') : t('common:feedback.created'));
        return true;
      }}
    >
      <ProForm.Group>
        <ProFormText
          name="key"
          label={t('fields.key')}
          width="sm"
          disabled={existing !== null || readOnly}
          tooltip={t('hints.key')}
          rules={[
            { required: true, max: 64 },
            { pattern: /^[a-z][a-z0-9_]*$/, message: t('validation.key') },
          ]}
        />
        <ProFormText
          name="name"
          label={t('fields.name')}
          width="md"
          rules={[{ required: true, whitespace: true, max: 64 }]}
        />
      </ProForm.Group>
      <ProFormTextArea name="description" label={t('fields.description')} fieldProps={{ rows: 2, maxLength: 500 }} />
      <ProFormRadio.Group
        name="dataScope"
        label={t('common:fields.dataScope')}
        tooltip={t('hints.dataScope')}
        radioType="button"
        options={DATA_SCOPES.map((scope) => ({
          value: scope,
          label: t(`common:dataScope.${scope}`),
          disabled: !readOnly && !scopes.has(scope),
        }))}
        rules={[{ required: true }]}
      />
      <ProForm.Item name="permissions" label={t('fields.permissions')}>
        <PermissionPicker
          permissions={permissions.data?.items ?? []}
          grantable={readOnly ? undefined : me?.permissions}
          disabled={readOnly}
        />
      </ProForm.Item>
    </ModalForm>
  );
}
