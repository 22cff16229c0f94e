import { type Locale, t } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import type { ExportColumn } from '../../../lib/export.js';
import { activeCustomerFields } from '../archive/custom-fields.js';
import type { listCustomersInScope } from '../archive/customers.repository.js';

type CustomerColumn =
  | 'code'
  | 'name'
  | 'kind'
  | 'grade'
  | 'is_key'
  | 'category'
  | 'phone'
  | 'email'
  | 'region'
  | 'owner'
  | 'updated_at';

type Row = Awaited<ReturnType<typeof listCustomersInScope>>['items'][number];

/** Standard columns; headers from the catalog (`label.customer_column.*`). */
const BASE: { label: CustomerColumn; value: (r: Row) => unknown }[] = [
  { label: 'code', value: (r) => r.code },
  { label: 'name', value: (r) => r.name },
  { label: 'kind', value: (r) => r.kind },
  { label: 'grade', value: (r) => r.grade },
  { label: 'is_key', value: (r) => (r.isKey ? 'Y' : '') },
  { label: 'category', value: (r) => r.categoryName },
  { label: 'phone', value: (r) => r.phone },
  { label: 'email', value: (r) => r.email },
  { label: 'region', value: (r) => r.region },
  { label: 'owner', value: (r) => r.ownerName },
  { label: 'updated_at', value: (r) => r.updatedAt },
];

/** Export columns: the standard ones, then every active custom field. */
export async function customerExportColumns(db: DbOrTx, locale: Locale): Promise<ExportColumn<Row>[]> {
  const custom = await activeCustomerFields(db);
  return [
    ...BASE.map((c) => ({ header: t(locale, `label.customer_column.${c.label}`), value: c.value })),
    ...custom.map((f) => ({
      header: locale === 'en' ? (f.labelEn ?? f.label) : f.label,
      value: (r: Row) => {
        const v = r.customFields[f.key];
        return Array.isArray(v) ? v.join(', ') : v;
      },
    })),
  ];
}
