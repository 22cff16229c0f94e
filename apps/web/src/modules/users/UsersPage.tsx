import { PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SortOrderMap, toListQuery } from '../../api/listQuery';
import type { User } from '../../api/types';
import { useAccess } from '../auth/useAccess';
import { useCurrentUser } from '../auth/useCurrentUser';
import { toTreeOptions } from '../departments/tree';
import { useDepartments } from '../departments/useDepartments';
import { useRoleOptions } from '../roles/useRoleOptions';
import { listUsers, usersQueryKey } from './api';
import { SetPasswordModal } from './SetPasswordModal';
import { UnlockButton } from './UnlockButton';
import { UserFormModal } from './UserFormModal';

type SearchValues = { q?: string; roleKey?: string; departmentId?: string; isActive?: 'true' | 'false' };

export function UsersPage() {
  const { t } = useTranslation(['users', 'common']);
  const canWrite = useAccess().can('users.write');
  const meId = useCurrentUser().data?.id;
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(null);
  const roleOptions = useRoleOptions();
  const departments = useDepartments();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [passwordFor, setPasswordFor] = useState<User | null>(null);

  const columns: ProColumns<User>[] = [
    {
      title: t('search.keyword'),
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: t('search.keywordHint') },
    },
    { title: t('fields.username'), dataIndex: 'username', sorter: true, hideInSearch: true, copyable: true },
    { title: t('fields.displayName'), dataIndex: 'displayName', sorter: true, hideInSearch: true },
    {
      title: t('common:fields.role'),
      dataIndex: 'roleKey',
      valueType: 'select',
      fieldProps: { options: roleOptions },
      render: (_, row) => row.roleName,
    },
    {
      title: t('common:fields.department'),
      dataIndex: 'departmentId',
      valueType: 'treeSelect',
      fieldProps: { treeData: toTreeOptions(departments.tree), treeDefaultExpandAll: true, showSearch: true },
      render: (_, row) => row.departmentName ?? '-',
    },
    { title: t('common:fields.superior'), dataIndex: 'superiorName', hideInSearch: true },
    { title: t('common:fields.email'), dataIndex: 'email', hideInSearch: true, ellipsis: true },
    { title: t('common:fields.phone'), dataIndex: 'phone', hideInSearch: true },
    {
      title: t('common:fields.status'),
      dataIndex: 'isActive',
      valueType: 'select',
      valueEnum: {
        true: { text: t('common:status.active'), status: 'Success' },
        false: { text: t('common:status.inactive'), status: 'Default' },
      },
      render: (_, row) =>
        row.isActive ? (
          <Tag color="success">{t('common:status.active')}</Tag>
        ) : (
          <Tag>{t('common:status.inactive')}</Tag>
        ),
    },
    {
      title: t('fields.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      valueType: 'dateTime',
      sorter: true,
      hideInSearch: true,
    },
    {
      title: t('common:fields.createdAt'),
      dataIndex: 'createdAt',
      valueType: 'dateTime',
      sorter: true,
      hideInSearch: true,
      hideInTable: true,
    },
    {
      title: t('common:fields.actions'),
      valueType: 'option',
      hideInTable: !canWrite,
      // The server refuses managing one's superiors and anyone holding more (`manageable`); one's own
      // account is edited without its role, department or superior, and its password is changed in the profile.
      render: (_, row) =>
        row.manageable
          ? [
              <Button key="edit" type="link" size="small" onClick={() => setEditing(row)}>
                {t('common:actions.edit')}
              </Button>,
              <Button key="password" type="link" size="small" onClick={() => setPasswordFor(row)}>
                {t('actions.setPassword')}
              </Button>,
              <UnlockButton key="unlock" user={row} />,
            ]
          : row.id === meId
            ? [
                <Button key="edit" type="link" size="small" onClick={() => setEditing(row)}>
                  {t('common:actions.edit')}
                </Button>,
              ]
            : [
                <Tooltip key="outranks" title={t('hints.outranks')}>
                  <Typography.Text type="secondary">{t('hints.notManageable')}</Typography.Text>
                </Tooltip>,
              ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<User, SearchValues>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
        request={async (params, sort) => {
          const query = toListQuery(params, sort as SortOrderMap);
          const page = await queryClient.fetchQuery({
            queryKey: [...usersQueryKey, 'list', query],
            queryFn: () => listUsers(query),
            staleTime: 0, // a table reload always asks the server
          });
          return { data: page.items, total: page.total, success: true };
        }}
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
      <UserFormModal
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={() => actionRef.current?.reload()}
        roleOptions={roleOptions}
        departmentTree={departments.tree}
        isSelf={editing !== null && editing !== 'new' && editing.id === meId}
      />
      <SetPasswordModal user={passwordFor} onClose={() => setPasswordFor(null)} />
    </PageContainer>
  );
}
