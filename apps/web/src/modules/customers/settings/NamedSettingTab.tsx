import { type ProColumns, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingDeleteResult } from '../../../api/types';
import { NamedSettingFields } from '../../../components/NamedSettingFields';
import {
  activeColumn,
  CreateButton,
  editorActionsColumn,
  SettingModalForm,
  useSettingEditor,
} from '../../../components/SettingEditor';
import { customerSettingsKey } from './settingsApi';

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
  const { t } = useTranslation(['customersSettings', 'common']);
  const query = useQuery({ queryKey: [...customerSettingsKey, name, 'all'], queryFn: load });
  const editor = useSettingEditor<T, NamedValues>({
    invalidateKey: customerSettingsKey,
    save: (values, existing) => {
      const body = { ...values, name: values.name.trim(), nameEn: values.nameEn?.trim() || null };
      if (!existing) return create(body);
      const { key: _key, ...changes } = body;
      return update(existing.key, changes);
    },
    remove,
    deactivatedText: t('settings.deactivated'),
  });
  const { existing } = editor;

  const columns: ProColumns<T>[] = [
    { title: t('settings.key'), dataIndex: 'key', copyable: true },
    { title: t('settings.nameZh'), dataIndex: 'nameZh' },
    { title: t('settings.nameEn'), dataIndex: 'nameEn', render: (_, row) => row.nameEn ?? '-' },
    ...extraColumns,
    { title: t('settings.sortOrder'), dataIndex: 'sortOrder' },
    activeColumn(t('common:fields.status')),
    editorActionsColumn(editor, {
      title: t('common:fields.actions'),
      id: (row) => row.key,
      confirmTitle: (row) => t('settings.deleteConfirm', { name: row.name }),
    }),
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
        toolBarRender={() => [<CreateButton key="new" onClick={() => editor.setEditing('new')} />]}
      />
      <SettingModalForm<T, NamedValues>
        editor={editor}
        rowKey={(row) => row.key}
        width={520}
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
      >
        <NamedSettingFields
          keyPattern={SETTING_KEY_PATTERN}
          keyLocked={!!existing}
          labels={{
            key: t('settings.key'),
            keyHint: t('settings.keyHint'),
            name: t('settings.nameZh'),
            nameEn: t('settings.nameEn'),
            sortOrder: t('settings.sortOrder'),
          }}
        >
          {extraFields}
        </NamedSettingFields>
      </SettingModalForm>
    </>
  );
}
