import type { Locale } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import type { ExportColumn } from '../../../lib/export.js';
import { activeCustomerFields } from '../archive/custom-fields.js';
import type { listCustomersInScope } from '../archive/customers.repository.js';

type Row = Awaited<ReturnType<typeof listCustomersInScope>>['items'][number];

const BASE: { zh: string; en: string; value: (r: Row) => unknown }[] = [
  { zh: '客户编号', en: 'Code', value: (r) => r.code },
  { zh: '客户名称', en: 'Name', value: (r) => r.name },
  { zh: '类型', en: 'Kind', value: (r) => r.kind },
  { zh: '等级', en: 'Grade', value: (r) => r.grade },
  { zh: '重点客户', en: 'Key customer', value: (r) => (r.isKey ? 'Y' : '') },
  { zh: '类别', en: 'Category', value: (r) => r.categoryName },
  { zh: '电话', en: 'Phone', value: (r) => r.phone },
  { zh: '邮箱', en: 'E-mail', value: (r) => r.email },
  { zh: '地区', en: 'Region', value: (r) => r.region },
  { zh: '专属客服经理', en: 'Account manager', value: (r) => r.ownerName },
  { zh: '更新时间', en: 'Updated', value: (r) => r.updatedAt },
];

/** Export columns: the standard ones, then every active custom field. */
export async function customerExportColumns(db: DbOrTx, locale: Locale): Promise<ExportColumn<Row>[]> {
  const custom = await activeCustomerFields(db);
  return [
    ...BASE.map((c) => ({ header: locale === 'en' ? c.en : c.zh, value: c.value })),
    ...custom.map((f) => ({
      header: locale === 'en' ? (f.labelEn ?? f.label) : f.label,
      value: (r: Row) => {
        const v = r.customFields[f.key];
        return Array.isArray(v) ? v.join(', ') : v;
      },
    })),
  ];
}
