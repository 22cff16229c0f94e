import type { ProColumns } from '@ant-design/pro-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingDeleteResult } from '../../../api/types';
import { type KeyedSettingRow, KeyedSettingTable } from '../../../components/KeyedSettingTable';
import { customerSettingsKey } from './settingsApi';

export { SETTING_KEY_PATTERN } from '../../../components/KeyedSettingTable';

/** What categories and milestone types have in common: a key and a name in two languages. */
export type NamedSetting = KeyedSettingRow;
export type NamedValues = {
  key: string;
  name: string;
  nameEn?: string | null;
  sortOrder?: number;
  isActive?: boolean;
} & Record<string, unknown>;

/** A list of named reference entries with create/edit/delete (delete deactivates one in use). */
export function NamedSettingTab<T extends NamedSetting>({
  name,
  load,
  create,
  update,
  remove,
  extraColumns,
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
  const { t } = useTranslation('customersSettings');
  return (
    <KeyedSettingTable<T, NamedValues>
      queryKey={customerSettingsKey}
      name={name}
      load={load}
      save={(values, existing) => {
        const body = { ...values, name: values.name.trim(), nameEn: values.nameEn?.trim() || null };
        if (!existing) return create(body);
        const { key: _key, ...changes } = body;
        return update(existing.key, changes);
      }}
      remove={remove}
      initialValues={(existing) =>
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
      labels={{
        key: t('settings.key'),
        keyHint: t('settings.keyHint'),
        name: t('settings.nameZh'),
        nameEn: t('settings.nameEn'),
        sortOrder: t('settings.sortOrder'),
        deactivated: t('settings.deactivated'),
        deleteConfirm: (row) => t('settings.deleteConfirm', { name: row.name }),
      }}
      extraColumns={extraColumns}
      extraFields={extraFields}
    />
  );
}
