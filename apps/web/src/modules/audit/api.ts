import { api, buildUrl, unwrap } from '../../api/client';
import type { AuditQuery } from '../../api/types';

export const auditQueryKey = ['audit'] as const;

export type AuditFilters = Omit<AuditQuery, 'page' | 'pageSize'>;

export const listAudit = (query: AuditQuery) => unwrap(api.GET('/api/v1/audit', { params: { query } }));

export function auditExportUrl(format: 'csv' | 'xlsx', filters: AuditFilters): string {
  return buildUrl('/api/v1/audit/export', { format, ...filters });
}
