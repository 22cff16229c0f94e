import { type ProColumns, ProTable } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NamedSettingFields } from '../../../components/NamedSettingFields';
import {
  activeColumn,
  CreateButton,
  editorActionsColumn,
  SettingModalForm,
  useSettingEditor,
} from '../../../components/SettingEditor';
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
  const { t } = useTranslation(['ticketsSettings', 'common']);
  const query = useQuery({ queryKey: [...ticketSettingsKey, name, 'all'], queryFn: load });
  const editor = useSettingEditor<T, V>({
    invalidateKey: ticketSettingsKey,
    save: (values, existing) => (existing ? props.update(existing.key, values) : props.create(values)),
    remove: props.remove,
    deactivatedText: t('deactivated'),
  });
  const { existing } = editor;

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
    activeColumn(t('common:fields.status'), { width: 80 }),
    editorActionsColumn(editor, {
      title: t('common:fields.actions'),
      width: 130,
      hideInTable: !canEdit,
      id: (row) => row.key,
      confirmTitle: (row) => t('deleteConfirm', { name: row.name }),
    }),
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
        toolBarRender={() => [canEdit && <CreateButton key="new" onClick={() => editor.setEditing('new')} />]}
      />
      <SettingModalForm<T, V>
        editor={editor}
        rowKey={(row) => row.key}
        width={560}
        initialValues={existing ? toValues(existing) : { isActive: true, sortOrder: 100, ...props.newValues }}
      >
        <NamedSettingFields
          keyPattern={SETTING_KEY_PATTERN}
          keyLocked={!!existing}
          labels={{
            key: t('fields.key'),
            keyHint: t('keyHint'),
            name: t('fields.name'),
            nameEn: t('fields.nameEn'),
            sortOrder: t('fields.sortOrder'),
            sortOrderHint: t('sortOrderHint'),
            activeHint: t('activeHint'),
          }}
        >
          {extraFields}
        </NamedSettingFields>
      </SettingModalForm>
    </>
  );
}
