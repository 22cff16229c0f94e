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
import { App, Button, Form, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActiveTag, EditDeleteActions } from '../../components/RowActions';
import { ticketSettingsKey } from './api';
import { type NamedValues, SETTING_KEY_PATTERN } from './settingForm';
import type { SettingDeleteResult } from './types';

type Row = { key: string; name: string; nameZh: string; nameEn: string | null; sortOrder: number; isActive: boolean };

export type SettingTabProps<T extends Row, V extends NamedValues> = {
  /** Part of the query key: `types` or `root-causes`. */
  name: string;
  canEdit: boolean;
  load: () => Promise<{ items: T[] }>;
  create: (values: V) => Promise<unknown>;
  update: (key: string, values: V) => Promise<unknown>;
  remove: (key: string) => Promise<SettingDeleteResult>;
  toValues: (row: T) => V;
  extraColumns?: ProColumns<T>[];
  extraFields?: ReactNode;
  newValues?: Partial<V>;
  intro: string;
};

/**
 * One list of ticket reference data: everyone who reads tickets sees it, `tickets.settings` edits
 * it. Delete removes an unused entry; the server deactivates one that tickets use and says so.
 */
export function SettingTab<T extends Row, V extends NamedValues>(props: SettingTabProps<T, V>) {
  const { name, canEdit, load, toValues, extraColumns = [], extraFields } = props;
  const { t } = useTranslation(['ticketSettings', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<V>();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const existing = editing !== 'new' ? editing : null;
  const query = useQuery({ queryKey: [...ticketSettingsKey, name, 'all'], queryFn: load });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ticketSettingsKey });
  const save = useMutation({
    mutationFn: (values: V) => (existing ? props.update(existing.key, values) : props.create(values)),
    meta: { form },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: props.remove,
    onSuccess: async (result) => {
      message.success(result.result === 'deactivated' ? t('deactivated') : t('common:feedback.deleted'));
      await refresh();
    },
  });

  const columns: ProColumns<T>[] = [
    {
      title: t('fields.key'),
      dataIndex: 'key',
      width: 150,
      render: (_, row) => <Typography.Text code>{row.key}</Typography.Text>,
    },
    { title: t('fields.name'), dataIndex: 'nameZh' },
    { title: t('fields.nameEn'), dataIndex: 'nameEn', render: (_, row) => row.nameEn ?? '-' },
    ...extraColumns,
    { title: t('fields.sortOrder'), dataIndex: 'sortOrder', width: 80 },
    {
      title: t('common:fields.status'),
      dataIndex: 'isActive',
      width: 80,
      render: (_, row) => <ActiveTag active={row.isActive} />,
    },
    {
      title: t('common:fields.actions'),
      valueType: 'option',
      width: 130,
      hideInTable: !canEdit,
      render: (_, row) => (
        <EditDeleteActions
          confirmTitle={t('deleteConfirm', { name: row.name })}
          onEdit={() => setEditing(row)}
          onDelete={() => remove.mutateAsync(row.key)}
        />
      ),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>
      <ProTable<T>
        rowKey="key"
        search={false}
        pagination={false}
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        columns={columns}
        options={{ reload: () => void query.refetch(), density: false, setting: false }}
        toolBarRender={() => [
          canEdit && (
            <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('common:actions.create')}
            </Button>
          ),
        ]}
      />
      <ModalForm<V>
        key={existing?.key ?? 'new'}
        title={existing ? t('common:actions.edit') : t('common:actions.create')}
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        form={form}
        width={560}
        modalProps={{ destroyOnHidden: true }}
        initialValues={existing ? toValues(existing) : { isActive: true, sortOrder: 100, ...props.newValues }}
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
          label={t('fields.key')}
          disabled={!!existing}
          tooltip={t('keyHint')}
          rules={[{ required: true }, { pattern: SETTING_KEY_PATTERN, message: t('keyHint') }]}
        />
        <ProFormText name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, max: 64 }]} />
        <ProFormText name="nameEn" label={t('fields.nameEn')} rules={[{ max: 64 }]} />
        {extraFields}
        <ProFormDigit
          name="sortOrder"
          label={t('fields.sortOrder')}
          tooltip={t('sortOrderHint')}
          min={0}
          max={10000}
          fieldProps={{ precision: 0 }}
        />
        <ProFormSwitch
          name="isActive"
          label={t('common:fields.status')}
          tooltip={t('activeHint')}
          checkedChildren={t('common:status.active')}
          unCheckedChildren={t('common:status.inactive')}
        />
      </ModalForm>
    </>
  );
}
