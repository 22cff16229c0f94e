import type { Locale } from '@kefu/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { columnRef } from '../../lib/sql-ref.js';
import { customerCodeSql } from '../customers/index.js';
import { departmentNameSql } from '../departments/index.js';
import { roleNameSql } from '../roles/index.js';
import { findTicketSummaries } from '../tickets/index.js';
import { userNameSql } from '../users/index.js';
import { auditLog } from './audit.tables.js';

/**
 * Names instead of ids in the audit log: the acting user's display name today (the name written
 * with the entry when the user is gone), and a readable label of the target for the entity types
 * people look for — a user's or department's name, a role's name in the reader's language, a
 * ticket's number, a customer's code. Read through the owning modules' lookups, never their tables.
 *
 * A customer is labelled by its code only: its name is customer data, and showing it here would be
 * a read to put on record (ADR 0006); the code identifies the customer and the customer page (itself
 * audited) shows the rest. A target that no longer exists falls back to the name the entry holds
 * (`after`/`before`, as written when it was deleted); otherwise the label is null and the id shows.
 */
const entityId = columnRef(auditLog.entityId);
const entityType = columnRef(auditLog.entityType);
/** The id as a uuid, null when it is not one (a lookup by uuid must not fail on a role key). */
const idAsUuid = sql`(CASE WHEN ${entityId} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN ${entityId}::uuid END)`;

const written = (key: string) =>
  sql`coalesce(${columnRef(auditLog.after)}->>${sql.raw(`'${key}'`)}, ${columnRef(auditLog.before)}->>${sql.raw(`'${key}'`)})`;

export function actorDisplayNameSql(): SQL<string | null> {
  return sql<string | null>`coalesce(${userNameSql(auditLog.actorId)}, ${columnRef(auditLog.actorName)})`;
}

export function targetLabelSql(locale: Locale): SQL<string | null> {
  return sql<string | null>`(CASE ${entityType}
    WHEN 'user' THEN coalesce(${userNameSql(idAsUuid)}, ${written('displayName')})
    WHEN 'department' THEN coalesce(${departmentNameSql(idAsUuid)}, ${written('name')})
    WHEN 'role' THEN coalesce(${roleNameSql(entityId, locale)}, ${written('name')})
    WHEN 'customer' THEN coalesce(${customerCodeSql(idAsUuid)}, ${written('code')})
    ELSE NULL END)`;
}

/** Tickets are labelled by number, through the tickets module's lookup (one query per page). */
export async function withTicketLabels<
  T extends { entityType: string; entityId: string | null; targetLabel: string | null },
>(db: DbOrTx, rows: T[]): Promise<T[]> {
  const ids = [
    ...new Set(rows.filter((r) => r.entityType === 'ticket' && r.entityId).map((r) => r.entityId as string)),
  ];
  const valid = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  if (valid.length === 0) return rows;
  const numbers = new Map((await findTicketSummaries(db, valid)).map((t) => [t.id, t.number]));
  return rows.map((r) =>
    r.entityType === 'ticket' && r.entityId && numbers.has(r.entityId)
      ? { ...r, targetLabel: numbers.get(r.entityId) ?? null }
      : r,
  );
}
