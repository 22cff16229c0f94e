import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alreadyShown } from '../../api/errors';
import type { Role } from '../../api/types';
import { useAccess } from '../auth/useAccess';
import { useCurrentUser } from '../auth/useCurrentUser';
import { deleteRole, listRoles, rolesQueryKey } from './api';
import { RoleFormModal } from './RoleFormModal';
import { roleRestriction } from './roleRestriction';

export function RolesPage() {
  const { t } = useTranslation(['roles', 'common']);
  const { message } = App.useApp();
  const canWrite = useAccess().can('roles.write');
  const me = useCurrentUser().data;
  /** Why the caller may not change this role (the server refuses the same), or undefined. */
  const restrictionOf = (row: Role) => {
    const restriction = roleRestriction(me, row);
    return restriction ? t(`hints.restriction.${restriction}`) : undefined;
  };
  const queryClient = useQueryClient();
  const roles = useQuery({ queryKey: rolesQueryKey, queryFn: listRoles });
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const remove = useMutation({
    mutationFn: deleteRole,
    onSuccess: async () => {
      message.success(t('common:feedback.deleted'));
      await queryClient.invalidateQueries({ queryKey: rolesQueryKey });
    },
  });

  const deleteButton = (row: Role) => {
    const reason = row.isSystem
      ? t('hints.systemRole')
      : (restrictionOf(row) ?? (row.userCount > 0 ? t('hints.inUse') : undefined));
    if (reason) {
      return (
        <Tooltip key="delete" title={reason}>
          <Button type="link" size="small" danger disabled>
            {t('common:actions.delete')}
          </Button>
        </Tooltip>
      );
    }
    return (
      <Popconfirm
        key="delete"
        title={t('common:confirmDelete', { name: row.name })}
        onConfirm={() => remove.mutateAsync(row.key).catch(alreadyShown)}
      >
        <Button type="link" size="small" danger>
          {t('common:actions.delete')}
        </Button>
      </Popconfirm>
    );
  };

  const columns: ProColumns<Role>[] = [
    {
      title: t('fields.name'),
      dataIndex: 'name',
      render: (_, row) => (
        <>
          {row.name} {row.isSystem ? <Tag>{t('tags.system')}</Tag> : <Tag color="blue">{t('tags.custom')}</Tag>}
        </>
      ),
    },
    {
      title: t('fields.key'),
      dataIndex: 'key',
      render: (_, row) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {row.key}
        </Typography.Text>
      ),
    },
    { title: t('fields.description'), dataIndex: 'description', ellipsis: true },
    {
      title: t('common:fields.dataScope'),
      dataIndex: 'dataScope',
      render: (_, row) => t(`common:dataScope.${row.dataScope}`),
    },
    {
      title: t('fields.permissionCount'),
      dataIndex: 'permissions',
      render: (_, row) => row.permissions.length,
    },
    { title: t('fields.userCount'), dataIndex: 'userCount', valueType: 'digit' },
    {
      title: t('common:fields.actions'),
      valueType: 'option',
      render: (_, row) => {
        const restriction = canWrite ? restrictionOf(row) : undefined;
        return [
          <Tooltip key="edit" title={restriction}>
            <Button type="link" size="small" onClick={() => setEditing(row)}>
              {canWrite && !restriction ? t('common:actions.edit') : t('actions.view')}
            </Button>
          </Tooltip>,
          ...(canWrite ? [deleteButton(row)] : []),
        ];
      },
    },
  ];

  return (
    <PageContainer content={t('intro')}>
      <ProTable<Role>
        rowKey="key"
        search={false}
        pagination={false}
        columns={columns}
        dataSource={roles.data?.items}
        loading={roles.isFetching}
        options={{ reload: () => void roles.refetch(), density: false, setting: false }}
        toolBarRender={() =>
          canWrite
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                  {t('actions.create')}
                </Button>,
              ]
            : []
        }
      />
      <RoleFormModal
        role={editing}
        readOnly={!canWrite || (editing !== null && editing !== 'new' && restrictionOf(editing) !== undefined)}
        onClose={() => setEditing(null)}
      />
    </PageContainer>
  );
}
