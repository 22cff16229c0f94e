import type { DbOrTx } from '../../db/client.js';
import type { RequestContext } from '../../lib/actor.js';
import type { Deps } from '../../lib/deps.js';
import { type ExportFormat, exportStream } from '../../lib/export.js';
import type { PageQuery } from '../../lib/pagination.js';
import { auditExportColumns } from './audit.export.js';
import {
  type AuditFilter,
  type AuditInsert,
  insertAuditEntries,
  iterateAuditRows,
  listAuditRows,
} from './audit.repository.js';

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
};

/** Fields never written to the audit trail, wherever they appear. */
const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash', 'csrfToken', 'token']);

function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEYS.has(key))
        .map(([key, v]) => [key, redact(v)]),
    );
  }
  return value;
}

function toRow(ctx: RequestContext, entry: AuditEntry): AuditInsert {
  return {
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor ? `${ctx.actor.displayName} (${ctx.actor.username})` : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    details: entry.details ? redact(entry.details) : null,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    requestId: ctx.requestId,
  };
}

/**
 * Writes audit entries in the caller's transaction, so that a change and its record of who did it
 * commit together or not at all. Use for every write, and for every read or export of a
 * protected record (`action: '<entity>.viewed' | '<entity>.exported'`).
 */
export async function recordAudit(db: DbOrTx, ctx: RequestContext, ...entries: AuditEntry[]): Promise<void> {
  await insertAuditEntries(
    db,
    entries.map((entry) => toRow(ctx, entry)),
  );
}

export async function listAuditEntries(deps: Deps, filter: AuditFilter, page: PageQuery) {
  const { items, total, totalExact } = await listAuditRows(deps.database.db, filter, page);
  return { items, total, totalExact, page: page.page, pageSize: page.pageSize };
}

/** Streams the filtered audit log as CSV or Excel; the export itself is written to the audit log first. */
export async function exportAuditEntries(deps: Deps, ctx: RequestContext, filter: AuditFilter, format: ExportFormat) {
  await recordAudit(deps.database.db, ctx, {
    action: 'audit.exported',
    entityType: 'audit_log',
    details: { format, filter },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    filename: `${ctx.locale === 'en' ? 'audit-log' : '审计日志'}-${stamp}.${format}`,
    ...exportStream({
      format,
      sheetName: ctx.locale === 'en' ? 'Audit log' : '审计日志',
      columns: auditExportColumns(ctx.locale),
      batches: iterateAuditRows(deps.database.db, filter),
    }),
  };
}
