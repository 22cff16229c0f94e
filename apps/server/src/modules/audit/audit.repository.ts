import type { Locale } from '@kefu/shared';
import { and, desc, eq, getTableColumns, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { cappedPageTotal } from '../../lib/capped-count.js';
import { departmentTreeIds, scopedUserIds } from '../../lib/data-scope.js';
import { offsetOf, orderBy, type PageQuery } from '../../lib/pagination.js';
import { actorDisplayNameSql, targetLabelSql, withTicketLabels } from './audit.labels.js';
import { auditLog } from './audit.tables.js';

export type AuditInsert = typeof auditLog.$inferInsert;
export type AuditRow = typeof auditLog.$inferSelect;
/** A row as listed and exported: with the actor's name today and a readable target (audit.labels.ts). */
export type AuditListRow = AuditRow & { actorDisplayName: string | null; targetLabel: string | null };

const listed = (locale: Locale) => ({
  ...getTableColumns(auditLog),
  actorDisplayName: actorDisplayNameSql(),
  targetLabel: targetLabelSql(locale),
});

export type AuditFilter = {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
};

export async function insertAuditEntries(db: DbOrTx, entries: AuditInsert[]): Promise<void> {
  if (entries.length > 0) await db.insert(auditLog).values(entries);
}

/**
 * The entries the actor may read, as a predicate inside the query: with scope `all` every entry;
 * otherwise those whose actor is one of the users of the actor's scope (lib/data-scope.ts), and
 * those about a record that concerned one of them when written (`subject_user_ids`) or, for scope
 * `department`, whose department is in the actor's department tree. A filter by actor or entity id
 * is ANDed with it, so an out-of-scope id finds nothing.
 */
export function auditScope(actor: Actor): SQL {
  const ids = scopedUserIds(actor);
  if (!ids) return sql`TRUE`;
  const parts = [sql`${auditLog.actorId} IN (${ids})`, sql`${auditLog.subjectUserIds} && ARRAY(${ids})`];
  if (actor.dataScope === 'department' && actor.departmentId) {
    parts.push(sql`${auditLog.subjectDepartmentIds} && ARRAY(${departmentTreeIds(actor.departmentId)})`);
  }
  return sql`(${sql.join(parts, sql` OR `)})`;
}

function whereOf(actor: Actor, filter: AuditFilter): SQL | undefined {
  return and(
    auditScope(actor),
    filter.actorId ? eq(auditLog.actorId, filter.actorId) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
    filter.from ? gte(auditLog.at, filter.from) : undefined,
    filter.to ? lte(auditLog.at, filter.to) : undefined,
  );
}

const SORTABLE = { at: auditLog.at, action: auditLog.action, entityType: auditLog.entityType, id: auditLog.id };

/** One page of the audit log and its total, counted up to COUNT_LIMIT rows (lib/capped-count.ts). */
export async function listAuditRows(db: DbOrTx, actor: Actor, filter: AuditFilter, page: PageQuery, locale: Locale) {
  const where = whereOf(actor, filter);
  const rows: AuditListRow[] = await db
    .select(listed(locale))
    .from(auditLog)
    .where(where)
    .orderBy(...orderBy(page.sort, SORTABLE, [desc(auditLog.id)]))
    .limit(page.pageSize)
    .offset(offsetOf(page));
  const items = await withTicketLabels(db, rows);
  return { items, ...(await cappedPageTotal(db, auditLog, page, items.length, [where])) };
}

/** Reads matching rows in id order, `batchSize` at a time (keyset pagination), for exports. */
export async function* iterateAuditRows(
  db: DbOrTx,
  actor: Actor,
  filter: AuditFilter,
  locale: Locale,
  batchSize = 1000,
): AsyncGenerator<AuditListRow[]> {
  let afterId = 0;
  for (;;) {
    const rows: AuditListRow[] = await db
      .select(listed(locale))
      .from(auditLog)
      .where(and(whereOf(actor, filter), gte(auditLog.id, afterId + 1)))
      .orderBy(auditLog.id)
      .limit(batchSize);
    if (rows.length === 0) return;
    yield await withTicketLabels(db, rows);
    afterId = rows.at(-1)?.id ?? afterId;
    if (rows.length < batchSize) return;
  }
}
