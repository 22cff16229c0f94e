import { api, buildUrl, unwrap } from '../../api/client';
import type { AuditQuery } from '../../api/types';

export const auditQueryKey = ['audit'] as const;

/** The filters of the list on screen; the export takes the same ones (no paging, no sort). */
export type AuditFilters = {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** ISO timestamps */
  from?: string;
  to?: string;
};

export const listAudit = (query: AuditQuery) => unwrap(api.GET('/api/v1/audit', { params: { query } }));

export function auditExportUrl(format: 'csv' | 'xlsx', filters: AuditFilters): string {
  const { actorId, action, entityType, entityId, from, to } = filters;
  return buildUrl('/api/v1/audit/export', { format, actorId, action, entityType, entityId, from, to });
}
