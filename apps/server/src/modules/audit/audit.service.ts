import { type Locale, t } from '@kefu/shared';
import type { DbOrTx } from '../../db/client.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { type RecordAudience, resolveRecordAudiences } from '../../lib/data-scope.js';
import type { Deps } from '../../lib/deps.js';
import { type ExportFormat, exportStream } from '../../lib/export.js';
import type { PageQuery } from '../../lib/pagination.js';
import { auditExportColumns } from './audit.export.js';
import { maskPersonalData } from './audit.personal-data.js';
import {
  type AuditFilter,
  type AuditInsert,
  type AuditListRow,
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
  /**
   * Whom the record concerns (for the audit log's data scope). Left out, it is read from the
   * resolver the owning module registered for `entityType` (lib/data-scope.ts), in the same
   * transaction; a writer passes it when the record is gone (a deletion) or it knows better.
   */
  audience?: RecordAudience;
};

/** Fields never written to the audit trail, wherever they appear. */
const SECRET_KEYS = new Set(['passwordHash', 'password', 'tokenHash', 'csrfToken', 'token', 'webhookSecret']);

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

function toRow(ctx: RequestContext, entry: AuditEntry, audience: RecordAudience | undefined): AuditInsert {
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
    subjectUserIds: [...new Set(audience?.userIds ?? [])],
    subjectDepartmentIds: [...new Set(audience?.departmentIds ?? [])],
  };
}

/** The audience of each entry: given by the writer, or read through the entity type's resolver. */
async function audiencesOf(db: DbOrTx, entries: AuditEntry[]): Promise<(RecordAudience | undefined)[]> {
  const wanted = new Map<string, string[]>();
  for (const entry of entries) {
    if (entry.audience || !entry.entityId) continue;
    wanted.set(entry.entityType, [...(wanted.get(entry.entityType) ?? []), entry.entityId]);
  }
  const resolved = new Map<string, Map<string, RecordAudience> | null>();
  for (const [entityType, ids] of wanted) resolved.set(entityType, await resolveRecordAudiences(db, entityType, ids));
  return entries.map(
    (entry) => entry.audience ?? (entry.entityId ? resolved.get(entry.entityType)?.get(entry.entityId) : undefined),
  );
}

/**
 * Writes audit entries in the caller's transaction, so that a change and its record of who did it
 * commit together or not at all. Use for every write, and for every read or export of a
 * protected record (`action: '<entity>.viewed' | '<entity>.exported'`).
 */
export async function recordAudit(db: DbOrTx, ctx: RequestContext, ...entries: AuditEntry[]): Promise<void> {
  const audiences = await audiencesOf(db, entries);
  await insertAuditEntries(
    db,
    entries.map((entry, i) => toRow(ctx, entry, audiences[i])),
  );
}

/**
 * One page of the entries within the reader's data scope (audit.repository.ts `auditScope`), with
 * personal fields masked unless the reader's scope is `all`.
 */
export async function listAuditEntries(
  deps: Deps,
  actor: Actor,
  filter: AuditFilter,
  page: PageQuery,
  locale: Locale = actor.locale,
) {
  const { items, total, totalExact } = await listAuditRows(deps.database.db, actor, filter, page, locale);
  const visible = actor.dataScope === 'all' ? items : items.map(maskPersonalData);
  return { items: visible, total, totalExact, page: page.page, pageSize: page.pageSize };
}

/**
 * Streams the filtered audit log within the caller's data scope as CSV or Excel, personal fields
 * always masked (a file leaves Kefu's access control); the export itself is written to the audit
 * log first.
 */
export async function exportAuditEntries(
  deps: Deps,
  ctx: RequestContext & { actor: Actor },
  filter: AuditFilter,
  format: ExportFormat,
) {
  await recordAudit(deps.database.db, ctx, {
    action: 'audit.exported',
    entityType: 'audit_log',
    details: { format, filter },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    filename: `${t(ctx.locale, 'label.export.audit_file')}-${stamp}.${format}`,
    ...exportStream({
      format,
      sheetName: t(ctx.locale, 'label.export.audit'),
      columns: auditExportColumns(ctx.locale),
      batches: maskedBatches(iterateAuditRows(deps.database.db, ctx.actor, filter, ctx.locale)),
    }),
  };
}

async function* maskedBatches(batches: AsyncGenerator<AuditListRow[]>): AsyncGenerator<AuditListRow[]> {
  for await (const rows of batches) yield rows.map(maskPersonalData);
}
