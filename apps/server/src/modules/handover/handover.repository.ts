import { and, count, desc, eq, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { inScope } from '../../lib/data-scope.js';
import { inOrder } from '../../lib/in-order.js';
import { offsetOf, orderBy, type PageQuery } from '../../lib/pagination.js';
import { knownUserNameSql, userNameSql, userPhoneSql } from '../users/index.js';
import { handovers } from './handover.tables.js';

export { CHUNK, chunks } from '../../lib/chunks.js';
export {
  bumpCustomerVersions,
  listNoticeTargets,
  moveOwnedCustomers,
  moveStaffRoles,
  previewKeyCustomersShortOfStaff,
  previewOwnedCustomers,
  previewStaffRoles,
  STAFF_ROLE_STRENGTH,
} from '../customers/index.js';
export { findPartiesInScope, type Party } from '../users/index.js';

// ── the handover record ─────────────────────────────────────────────────────────────────

export async function insertHandover(tx: DbOrTx, values: typeof handovers.$inferInsert) {
  const [row] = await tx.insert(handovers).values(values).returning({ id: handovers.id });
  if (!row) throw new Error('insert handover returned nothing');
  return row;
}

function viewQuery(db: DbOrTx) {
  return db
    .select({
      id: handovers.id,
      fromUserId: handovers.fromUserId,
      fromName: knownUserNameSql(handovers.fromUserId),
      toUserId: handovers.toUserId,
      toName: knownUserNameSql(handovers.toUserId),
      reason: handovers.reason,
      counts: handovers.counts,
      notify: handovers.notify,
      createdBy: handovers.createdBy,
      createdByName: userNameSql(handovers.createdBy),
      createdAt: handovers.createdAt,
    })
    .from(handovers);
}

export async function findHandoverView(db: DbOrTx, id: string) {
  const [row] = await viewQuery(db).where(eq(handovers.id, id)).limit(1);
  return row;
}

/** The handover and both people, for the notice job. */
export async function findHandoverParties(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: handovers.id,
      fromName: knownUserNameSql(handovers.fromUserId),
      toName: knownUserNameSql(handovers.toUserId),
      toPhone: userPhoneSql(handovers.toUserId),
    })
    .from(handovers)
    .where(eq(handovers.id, id))
    .limit(1);
  return row;
}

/** A handover is in scope when the leaving user or the successor is. */
export async function listHandoversInScope(db: DbOrTx, actor: Actor, filter: { userId?: string }, page: PageQuery) {
  const where = and(
    or(inScope(handovers.fromUserId, actor), inScope(handovers.toUserId, actor)),
    filter.userId ? or(eq(handovers.fromUserId, filter.userId), eq(handovers.toUserId, filter.userId)) : undefined,
  );
  const [items, totals] = await inOrder([
    viewQuery(db)
      .where(where)
      .orderBy(
        ...orderBy(page.sort, { createdAt: handovers.createdAt }, [desc(handovers.createdAt), desc(handovers.id)]),
      )
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ n: count() }).from(handovers).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}
