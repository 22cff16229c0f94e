import { type ProColumns, ProTable } from '@ant-design/pro-components';
import { type QueryKey, useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NamedSettingFields, type NamedSettingLabels } from './NamedSettingFields';
import { activeColumn, CreateButton, editorActionsColumn, SettingModalForm, useSettingEditor } from './SettingEditor';

/** An entry of a keyed settings list (ticket types, root causes, customer categories, milestone types…). */
export type KeyedSettingRow = {
  key: string;
  name: string;
  nameZh: string;
  nameEn: string | null;
  sortOrder: number;
  isActive: boolean;
};

/** Keys: a-z first, then a-z, 0-9 or _ (32 at most), as the server checks them. */
export const SETTING_KEY_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

export type KeyedSettingTableProps<T extends KeyedSettingRow, V extends Record<string, unknown>> = {
  /** The module's settings query key; the list is cached under `[...queryKey, name, 'all']`. */
  queryKey: QueryKey;
  /** Part of the query key, e.g. `types` or `categories`. */
  name: string;
  canEdit?: boolean;
  intro?: string;
  load: () => Promise<{ items: T[] }>;
  save: (values: V, existing: T | null) => Promise<unknown>;
  remove: (key: string) => Promise<{ result: 'deleted' | 'deactivated' }>;
  /** The form's values: of the row being edited, or of a new entry (`null`). */
  initialValues: (existing: T | null) => Partial<V>;
  /** The wording, from the calling module's locale namespace. */
  labels: NamedSettingLabels & { deactivated: string; deleteConfirm: (row: T) => string };
  extraColumns?: ProColumns<T>[];
  extraFields?: ReactNode;
};

/**
 * One keyed settings list: a table of key, names, sort order and status, with a create/edit
 * dialog and delete (the server deactivates an entry in use, and the message says so).
 */
export function KeyedSettingTable<T extends KeyedSettingRow, V extends Record<string, unknown>>(
  props: KeyedSettingTableProps<T, V>,
) {
  const { name, canEdit = true, labels, extraColumns = [], extraFields } = props;
  const { t } = useTranslation('common');
  const query = useQuery({ queryKey: [...props.queryKey, name, 'all'], queryFn: props.load });
  const editor = useSettingEditor<T, V>({
    invalidateKey: props.queryKey,
    save: props.save,
    remove: props.remove,
    deactivatedText: labels.deactivated,
  });
  const { existing } = editor;

  const columns: ProColumns<T>[] = [
    {
      title: labels.key,
      dataIndex: 'key',
      width: 150,
      render: (_, row) => <Typography.Text code>{row.key}</Typography.Text>,
    },
    { title: labels.name, dataIndex: 'nameZh' },
    { title: labels.nameEn, dataIndex: 'nameEn', render: (_, row) => row.nameEn ?? '-' },
    ...extraColumns,
    { title: labels.sortOrder, dataIndex: 'sortOrder', width: 80 },
    activeColumn(t('fields.status'), { width: 80 }),
    editorActionsColumn(editor, {
      title: t('fields.actions'),
      width: 130,
      hideInTable: !canEdit,
      id: (row) => row.key,
      confirmTitle: labels.deleteConfirm,
    }),
  ];

  return (
    <>
      {props.intro && <Typography.Paragraph type="secondary">{props.intro}</Typography.Paragraph>}
      <ProTable<T>
        rowKey="key"
        search={false}
        pagination={false}
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        columns={columns}
        options={{ reload: () => void query.refetch(), density: false, setting: false }}
        toolBarRender={() => [canEdit && <CreateButton key="new" onClick={() => editor.setEditing('new')} />]}
      />
      <SettingModalForm<T, V>
        editor={editor}
        rowKey={(row) => row.key}
        width={560}
        initialValues={props.initialValues(existing)}
      >
        <NamedSettingFields keyPattern={SETTING_KEY_PATTERN} keyLocked={!!existing} labels={labels}>
          {extraFields}
        </NamedSettingFields>
      </SettingModalForm>
    </>
  );
}
