import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alreadyShown } from '../../api/errors';
import { useAccess } from '../auth/useAccess';
import { deleteDepartment, departmentsQueryKey } from './api';
import { DepartmentFormModal, type DepartmentFormTarget } from './DepartmentFormModal';
import type { DepartmentNode } from './tree';
import { useDepartments } from './useDepartments';

export function DepartmentsPage() {
  const { t } = useTranslation(['departments', 'common']);
  const { message } = App.useApp();
  const canWrite = useAccess().can('departments.write');
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const [target, setTarget] = useState<DepartmentFormTarget | null>(null);
  const remove = useMutation({
    mutationFn: deleteDepartment,
    onSuccess: async () => {
      message.success(t('common:feedback.deleted'));
      await queryClient.invalidateQueries({ queryKey: departmentsQueryKey });
    },
  });

  const columns: ProColumns<DepartmentNode>[] = [
    { title: t('fields.name'), dataIndex: 'name' },
    { title: t('fields.manager'), dataIndex: 'managerName' },
    { title: t('fields.memberCount'), dataIndex: 'memberCount', valueType: 'digit', width: 120 },
    { title: t('fields.sortOrder'), dataIndex: 'sortOrder', valueType: 'digit', width: 100 },
    {
      title: t('common:fields.actions'),
      valueType: 'option',
      hideInTable: !canWrite,
      render: (_, row) => [
        <Button key="child" type="link" size="small" onClick={() => setTarget({ parentId: row.id })}>
          {t('actions.addChild')}
        </Button>,
        <Button key="edit" type="link" size="small" onClick={() => setTarget({ department: row })}>
          {t('common:actions.edit')}
        </Button>,
        <Popconfirm
          key="delete"
          title={t('common:confirmDelete', { name: row.name })}
          description={t('deleteHint')}
          onConfirm={() => remove.mutateAsync(row.id).catch(alreadyShown)}
        >
          <Button type="link" size="small" danger>
            {t('common:actions.delete')}
          </Button>
        </Popconfirm>,
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<DepartmentNode>
        rowKey="id"
        search={false}
        pagination={false}
        columns={columns}
        dataSource={departments.tree}
        loading={departments.isFetching}
        expandable={{ defaultExpandAllRows: true }}
        // Re-mount when the data first arrives so defaultExpandAllRows sees the whole tree.
        key={departments.isSuccess ? 'loaded' : 'loading'}
        options={{ reload: () => void departments.refetch(), density: false, setting: false }}
        toolBarRender={() =>
          canWrite
            ? [
                <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setTarget({})}>
                  {t('actions.create')}
                </Button>,
              ]
            : []
        }
      />
      <DepartmentFormModal target={target} items={departments.items} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
