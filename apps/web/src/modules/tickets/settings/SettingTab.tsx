import type { ProColumns } from '@ant-design/pro-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type KeyedSettingRow, KeyedSettingTable } from '../../../components/KeyedSettingTable';
import { ticketSettingsKey } from './api';
import type { NamedValues } from './settingForm';
import type { SettingDeleteResult } from './types';

export type SettingTabProps<T extends KeyedSettingRow, V extends NamedValues> = {
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
export function SettingTab<T extends KeyedSettingRow, V extends NamedValues>(props: SettingTabProps<T, V>) {
  const { toValues, newValues } = props;
  const { t } = useTranslation('ticketsSettings');
  return (
    <KeyedSettingTable<T, V>
      queryKey={ticketSettingsKey}
      name={props.name}
      canEdit={props.canEdit}
      intro={props.intro}
      load={props.load}
      save={(values, existing) => (existing ? props.update(existing.key, values) : props.create(values))}
      remove={props.remove}
      initialValues={(existing) =>
        existing ? toValues(existing) : ({ isActive: true, sortOrder: 100, ...newValues } as Partial<V>)
      }
      labels={{
        key: t('fields.key'),
        keyHint: t('keyHint'),
        name: t('fields.name'),
        nameEn: t('fields.nameEn'),
        sortOrder: t('fields.sortOrder'),
        sortOrderHint: t('sortOrderHint'),
        activeHint: t('activeHint'),
        deactivated: t('deactivated'),
        deleteConfirm: (row) => t('deleteConfirm', { name: row.name }),
      }}
      extraColumns={props.extraColumns}
      extraFields={props.extraFields}
    />
  );
}
