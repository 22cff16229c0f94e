import { and, asc, count, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { inOrder } from '../../../lib/in-order.js';
import { offsetOf, type PageQuery } from '../../../lib/pagination.js';
import { columnRef } from '../../../lib/sql-ref.js';
import { isActiveUserSql, userActiveSql, userNameSql } from '../../users/index.js';
import { customerScope } from '../archive/customers.repository.js';
import { customerStaff, customers } from '../customers.tables.js';

/** Staff contacts of the customer whose accounts are active. */
const activeStaff = sql<number>`(SELECT count(*)::int FROM ${customerStaff}
  WHERE ${customerStaff.customerId} = ${columnRef(customers.id)} AND ${isActiveUserSql(customerStaff.userId)})`;

/**
 * Key customers (flagged, or grade A) in the actor's scope with fewer than two active staff
 * contacts — after an evaluation raised a customer to A, or after a colleague was deactivated.
 */
export async function listKeyStaffShortfall(db: DbOrTx, actor: Actor, page: PageQuery) {
  const where = and(
    isNull(customers.mergedIntoId),
    or(eq(customers.isKey, true), eq(customers.grade, 'A')),
    sql`${activeStaff} < 2`,
    customerScope(actor),
  );
  const [items, totals] = await inOrder([
    db
      .select({
        id: customers.id,
        code: customers.code,
        name: customers.name,
        grade: customers.grade,
        isKey: customers.isKey,
        ownerId: customers.ownerId,
        ownerName: userNameSql(customers.ownerId),
        ownerActive: userActiveSql(customers.ownerId),
        staffCount: activeStaff,
      })
      .from(customers)
      .where(where)
      .orderBy(asc(activeStaff), asc(customers.name), asc(customers.id))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ total: count() }).from(customers).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}
