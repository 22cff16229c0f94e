import { ProFormDigit, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The texts of a named-entry form, from the module's own namespace. */
export type NamedSettingLabels = {
  key: string;
  keyHint: string;
  name: string;
  nameEn: string;
  sortOrder: string;
  sortOrderHint?: string;
  activeHint?: string;
};

/**
 * The fields of a named reference entry (a key, a name in two languages, order, active):
 * the key is fixed once created; module-specific fields go between the names and the order.
 */
export function NamedSettingFields({
  labels,
  keyPattern,
  keyLocked,
  children,
}: {
  labels: NamedSettingLabels;
  keyPattern: RegExp;
  keyLocked: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation('common');
  return (
    <>
      <ProFormText
        name="key"
        label={labels.key}
        disabled={keyLocked}
        tooltip={labels.keyHint}
        rules={[{ required: true }, { pattern: keyPattern, message: labels.keyHint }]}
      />
      <ProFormText name="name" label={labels.name} rules={[{ required: true, whitespace: true, max: 64 }]} />
      <ProFormText name="nameEn" label={labels.nameEn} rules={[{ max: 64 }]} />
      {children}
      <ProFormDigit
        name="sortOrder"
        label={labels.sortOrder}
        tooltip={labels.sortOrderHint}
        min={0}
        max={10000}
        fieldProps={{ precision: 0 }}
      />
      <ProFormSwitch
        name="isActive"
        label={t('fields.status')}
        tooltip={labels.activeHint}
        checkedChildren={t('status.active')}
        unCheckedChildren={t('status.inactive')}
      />
    </>
  );
}
