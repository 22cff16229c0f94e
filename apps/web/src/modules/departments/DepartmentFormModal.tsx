import { ModalForm, ProForm, ProFormDigit, ProFormText, ProFormTreeSelect } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../api/types';
import { UserSelect } from '../users/UserSelect';
import { createDepartment, departmentsQueryKey, updateDepartment } from './api';
import { buildDepartmentTree, descendantIds, toTreeOptions } from './tree';

/** `{}` = new root department, `{ parentId }` = new child, `{ department }` = edit. */
export type DepartmentFormTarget = { department?: Department; parentId?: string };

type Values = { name: string; parentId?: string | null; managerId?: string | null; sortOrder?: number };

export function DepartmentFormModal({
  target,
  items,
  onClose,
}: {
  target: DepartmentFormTarget | null;
  items: Department[];
  onClose: () => void;
}) {
  const { t } = useTranslation(['departments', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const editing = target?.department;

  // A department cannot move below itself: disable it and its descendants as parents.
  const parentOptions = useMemo(
    () => toTreeOptions(buildDepartmentTree(items), editing ? descendantIds(items, editing.id) : undefined),
    [items, editing],
  );

  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        name: values.name.trim(),
        parentId: values.parentId ?? null,
        managerId: values.managerId ?? null,
        sortOrder: values.sortOrder ?? 0,
      };
      return editing ? updateDepartment(editing.id, body) : createDepartment(body);
    },
    meta: { form },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: departmentsQueryKey }),
  });

  return (
    <ModalForm<Values>
      key={editing?.id ?? `new-${target?.parentId ?? 'root'}`}
      title={editing ? t('actions.edit') : t('actions.create')}
      open={target !== null}
      onOpenChange={(open) => !open && onClose()}
      form={form}
      width={480}
      modalProps={{ destroyOnHidden: true }}
      initialValues={
        editing
          ? {
              name: editing.name,
              parentId: editing.parentId,
              managerId: editing.managerId,
              sortOrder: editing.sortOrder,
            }
          : { parentId: target?.parentId ?? null, sortOrder: 0 }
      }
      onFinish={async (values) => {
        try {
          await save.mutateAsync(values);
        } catch {
          return false;
        }
        message.success(editing ? t('common:feedback.saved') : t('common:feedback.created'));
        return true;
      }}
    >
      <ProFormText name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, max: 64 }]} />
      <ProFormTreeSelect
        name="parentId"
        label={t('fields.parent')}
        allowClear
        placeholder={t('hints.noParent')}
        fieldProps={{ treeData: parentOptions, treeDefaultExpandAll: true, showSearch: true }}
      />
      <ProForm.Item name="managerId" label={t('fields.manager')}>
        <UserSelect
          initialOption={
            editing?.managerId ? { value: editing.managerId, label: editing.managerName ?? editing.managerId } : null
          }
        />
      </ProForm.Item>
      <ProFormDigit
        name="sortOrder"
        label={t('fields.sortOrder')}
        extra={t('hints.sortOrder')}
        min={0}
        fieldProps={{ precision: 0 }}
      />
    </ModalForm>
  );
}
