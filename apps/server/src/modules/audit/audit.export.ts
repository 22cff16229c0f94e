import { type Locale, t } from '@kefu/shared';
import type { ExportColumn } from '../../lib/export.js';
import type { AuditListRow } from './audit.repository.js';

/** Column headers (catalog `label.audit_column.*`), in the order of VALUES. */
const HEADERS = [
  'id',
  'at',
  'actor',
  'action',
  'entity_type',
  'entity_id',
  'target',
  'before',
  'after',
  'details',
  'ip',
  'user_agent',
  'request_id',
] as const;

const VALUES: ((row: AuditListRow) => unknown)[] = [
  (r) => r.id,
  (r) => r.at,
  (r) => r.actorName,
  (r) => r.action,
  (r) => r.entityType,
  (r) => r.entityId,
  (r) => r.targetLabel,
  (r) => r.before,
  (r) => r.after,
  (r) => r.details,
  (r) => r.ip,
  (r) => r.userAgent,
  (r) => r.requestId,
];

export function auditExportColumns(locale: Locale): ExportColumn<AuditListRow>[] {
  return VALUES.map((value, i) => ({
    header: t(locale, `label.audit_column.${HEADERS[i] ?? 'id'}`),
    value,
    width: HEADERS[i] === 'before' || HEADERS[i] === 'after' ? 40 : 18,
  }));
}
