import { PlusOutlined } from '@ant-design/icons';
import {
  ModalForm,
  type ProColumns,
  ProFormDigit,
  ProFormSwitch,
  ProFormText,
  ProTable,
} from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingDeleteResult } from '../../../api/types';
import { ActiveTag, EditDeleteActions } from '../../../components/RowActions';
import { customerSettingsKey } from '../settingsApi';

/** What categories and milestone types have in common: a key and a name in two languages. */
export type NamedSetting = {
  key: string;
  name: string;
  nameZh: string;
  nameEn: string | null;
  sortOrder: number;
  isActive: boolean;
};
export type NamedValues = {
  key: string;
  name: string;
  nameEn?: string | null;
  sortOrder?: number;
  isActive?: boolean;
} & Record<string, unknown>;

export const SETTING_KEY_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

/** A list of named reference entries with create/edit/delete (delete deactivates one in use). */
export function NamedSettingTab<T extends NamedSetting>({
  name,
  load,
  create,
  update,
  remove,
  extraColumns = [],
  extraFields,
  toValues,
}: {
  name: string;
  load: () => Promise<{ items: T[] }>;
  create: (values: NamedValues) => Promise<unknown>;
  update: (key: string, values: Omit<NamedValues, 'key'>) => Promise<unknown>;
  remove: (key: string) => Promise<SettingDeleteResult>;
  extraColumns?: ProColumns<T>[];
  extraFields?: ReactNode;
  toValues?: (row: T) => Record<string, unknown>;
}) {
  const { t } = useTranslation(['customers', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NamedValues>();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const existing = editing !== 'new' ? editing : null;
  const query = useQuery({ queryKey: [...customerSettingsKey, name, 'all'], queryFn: load });
  const refresh = () => queryClient.invalidateQueries({ queryKey: customerSettingsKey });
  const save = useMutation({
    mutationFn: (values: NamedValues) => {
      const body = { ...values, name: values.name.trim(), nameEn: values.nameEn?.trim() || null };
      if (!existing) return create(body);
      const { key: _key, ...changes } = body;
      return update(existing.key, changes);
    },
    meta: { form },
    onSuccess: refresh,
  });
  const del = useMutation({
    mutationFn: remove,
    onSuccess: async (result) => {
      message.success(result.result === 'deactivated' ? t('settings.deactivated') : t('common:feedback.deleted'));
      await refresh();
    },
  });

  const columns: ProColumns<T>[] = [
    { title: t('settings.key'), dataIndex: 'key', copyable: true },
    { title: t('settings.nameZh'), dataIndex: 'nameZh' },
    { title: t('settings.nameEn'), dataIndex: 'nameEn', render: (_, row) => row.nameEn ?? '-' },
    ...extraColumns,
    { title: t('settings.sortOrder'), dataIndex: 'sortOrder' },
    {
      title: t('common:fields.status'),
      dataIndex: 'isActive',
      render: (_, row) => <ActiveTag active={row.isActive} />,
    },
    {
      title: t('common:fields.actions'),
      valueType: 'option',
      render: (_, row) => (
        <EditDeleteActions
          confirmTitle={t('settings.deleteConfirm', { name: row.name })}
          onEdit={() => setEditing(row)}
          onDelete={() => del.mutateAsync(row.key)}
        />
      ),
    },
  ];

  return (
    <>
      <ProTable<T>
        rowKey="key"
        search={false}
        options={false}
        pagination={false}
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        columns={columns}
        toolBarRender={() => [
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('common:actions.create')}
          </Button>,
        ]}
      />
      <ModalForm<NamedValues>
        key={existing?.key ?? 'new'}
        title={existing ? t('common:actions.edit') : t('common:actions.create')}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        form={form}
        width={520}
        modalProps={{ destroyOnHidden: true }}
        initialValues={
          existing
            ? {
                key: existing.key,
                name: existing.nameZh,
                nameEn: existing.nameEn ?? undefined,
                sortOrder: existing.sortOrder,
                isActive: existing.isActive,
                ...toValues?.(existing),
              }
            : { isActive: true, sortOrder: 100 }
        }
        onFinish={async (values) => {
          try {
            await save.mutateAsync(values);
          } catch {
            return false;
          }
          message.success(t('common:feedback.saved'));
          return true;
        }}
      >
        <ProFormText
          name="key"
          label={t('settings.key')}
          disabled={!!existing}
          tooltip={t('settings.keyHint')}
          rules={[{ required: true }, { pattern: SETTING_KEY_PATTERN, message: t('settings.keyHint') }]}
        />
        <ProFormText name="name" label={t('settings.nameZh')} rules={[{ required: true, whitespace: true, max: 64 }]} />
        <ProFormText name="nameEn" label={t('settings.nameEn')} rules={[{ max: 64 }]} />
        {extraFields}
        <ProFormDigit
          name="sortOrder"
          label={t('settings.sortOrder')}
          min={0}
          max={10000}
          fieldProps={{ precision: 0 }}
        />
        <ProFormSwitch
          name="isActive"
          label={t('common:fields.status')}
          checkedChildren={t('common:status.active')}
          unCheckedChildren={t('common:status.inactive')}
        />
      </ModalForm>
    </>
  );
}
