import type { Locale } from '@kefu/shared';
import type { ExportColumn } from '../../lib/export.js';
import type { AuditRow } from './audit.repository.js';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': [
    '编号',
    '时间',
    '操作人',
    '操作',
    '对象类型',
    '对象编号',
    '变更前',
    '变更后',
    '详情',
    'IP',
    '浏览器',
    '请求编号',
  ],
  en: [
    'ID',
    'Time',
    'Actor',
    'Action',
    'Entity type',
    'Entity ID',
    'Before',
    'After',
    'Details',
    'IP',
    'User agent',
    'Request ID',
  ],
};

const VALUES: ((row: AuditRow) => unknown)[] = [
  (r) => r.id,
  (r) => r.at,
  (r) => r.actorName,
  (r) => r.action,
  (r) => r.entityType,
  (r) => r.entityId,
  (r) => r.before,
  (r) => r.after,
  (r) => r.details,
  (r) => r.ip,
  (r) => r.userAgent,
  (r) => r.requestId,
];

export function auditExportColumns(locale: Locale): ExportColumn<AuditRow>[] {
  return VALUES.map((value, i) => ({ header: HEADERS[locale][i] ?? '', value, width: i === 6 || i === 7 ? 40 : 18 }));
}
