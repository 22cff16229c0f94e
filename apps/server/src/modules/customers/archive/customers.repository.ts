import { type AnyColumn, and, asc, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { cappedCount } from '../../../lib/capped-count.js';
import { scopedUserIds } from '../../../lib/data-scope.js';
import { offsetOf, orderBy, type PageQuery } from '../../../lib/pagination.js';
import { columnRef } from '../../../lib/sql-ref.js';
import { knownUserNameSql, userNameSql } from '../../users/index.js';
import { customerCategories, customerContacts, customerStaff, customers } from '../customers.tables.js';
import { type CustomerFilter, customerFilters } from './customers.filters.js';

export type { CustomerFilter } from './customers.filters.js';

export type CustomerRow = typeof customers.$inferSelect;
/** Whose data scope: a signed-in actor, or a user loaded for a background job (an import). */
export type ScopeSubject = Pick<Actor, 'userId' | 'dataScope' | 'departmentId'>;
export type CustomerInsert = typeof customers.$inferInsert;

/**
 * A customer is within the actor's scope when its owner, or one of its staff contacts, is one of
 * the users the actor's data scope covers. Merged-away customers are never listed. (The list,
 * listCustomersInScope, reads the same set along its indexes.)
 */
export function customerScope(actor: ScopeSubject): SQL {
  // scopedUserIds reads only these three fields of the actor.
  const ids = scopedUserIds(actor as Actor);
  if (!ids) return sql`TRUE`;
  return sql`(${customers.ownerId} IN (${ids}) OR EXISTS (
    SELECT 1 FROM customer_staff cs WHERE cs.customer_id = ${customers.id} AND cs.user_id IN (${ids})))`;
}

export function customerWhere(actor: Actor, filter: CustomerFilter): SQL {
  return and(isNull(customers.mergedIntoId), customerScope(actor), ...customerFilters(filter)) as SQL;
}

/**
 * The ids of the customers the list would show for this filter, in the actor's scope, as a
 * subquery (`SELECT id FROM customers WHERE …`) another module embeds in one set-based statement
 * (a callback campaign over 100,000 customers): the list's own filter and scope code.
 */
export function customerIdsMatchingSql(actor: ScopeSubject, filter: CustomerFilter): SQL {
  const where = and(isNull(customers.mergedIntoId), customerScope(actor), ...customerFilters(filter));
  return sql`(SELECT ${customers.id} AS id FROM ${customers} WHERE ${where})`;
}

function listColumns(locale: 'zh-CN' | 'en') {
  return {
    id: customers.id,
    code: customers.code,
    kind: customers.kind,
    name: customers.name,
    phone: customers.phone,
    email: customers.email,
    region: customers.region,
    categoryKey: customers.categoryKey,
    categoryName:
      locale === 'en'
        ? sql<string | null>`coalesce(${customerCategories.nameEn}, ${customerCategories.name})`
        : customerCategories.name,
    grade: customers.grade,
    isKey: customers.isKey,
    ownerId: customers.ownerId,
    ownerName: userNameSql(customers.ownerId),
    customFields: customers.customFields,
    createdAt: customers.createdAt,
    updatedAt: customers.updatedAt,
  };
}

const SORTABLE = {
  name: customers.name,
  code: customers.code,
  grade: customers.grade,
  createdAt: customers.createdAt,
  updatedAt: customers.updatedAt,
  region: customers.region,
};

function listQuery(db: DbOrTx, locale: 'zh-CN' | 'en') {
  return db
    .select(listColumns(locale))
    .from(customers)
    .leftJoin(customerCategories, eq(customerCategories.key, customers.categoryKey));
}

/** Up to this many matches, a page is read from all of them rather than along the list order. */
const FEW_MATCHES = 2_000;

/**
 * The ids of the users whose customers the actor sees, or null for everyone. Resolved by a query of
 * its own (a team is a recursive walk) so that the list query carries the actual ids: the planner
 * then estimates `owner_id = ANY(…)` from the column statistics instead of guessing the size of a
 * recursive CTE.
 */
export async function scopeUserIds(db: DbOrTx, actor: Actor): Promise<string[] | null> {
  const ids = scopedUserIds(actor);
  if (!ids) return null;
  if (actor.dataScope === 'own') return [actor.userId];
  const result = await db.execute<{ id: string }>(sql`SELECT id::text AS id FROM (${ids}) AS scope(id)`);
  return result.rows.map((r) => r.id);
}

/**
 * One page of the customer list and its total (counted up to COUNT_LIMIT + 1 rows).
 *
 * With a restricted data scope (`users`, see scopeUserIds) a customer is in scope when its owner is
 * one of `users` (`owned`), or one of them is on its staff in another role than owner (`shared`;
 * the 'owner' staff row mirrors owner_id, see staffWithOwner). The two sets are read separately,
 * each along its own index, instead of one `owner_id IN … OR EXISTS (staff …)` that no index can
 * answer (a full scan with one sub-query per row):
 * 1. the first `offset + pageSize` owned customers in list order (owner or list-order index);
 * 2. the first as many shared ones — in the default order only among those that sort before the
 *    last row of step 1 (the page cannot reach further), which keeps a large scope (a team) from
 *    reading every shared customer, while a small one (an agent) reads its few shared ones directly;
 * 3. the page of the union of both, with the joined names;
 * the total counts the owned customers, then the shared ones owned by someone outside `users`.
 */
export async function listCustomersInScope(db: DbOrTx, actor: Actor, filter: CustomerFilter, page: PageQuery) {
  const filters = and(isNull(customers.mergedIntoId), ...customerFilters(filter));
  const order = orderBy(page.sort, SORTABLE, [desc(customers.updatedAt), desc(customers.id)]);
  const pageOf = (where: SQL | undefined, on: DbOrTx = db, offset = offsetOf(page)) =>
    listQuery(on, actor.locale)
      .where(where)
      .orderBy(...order)
      .limit(page.pageSize)
      .offset(offset);
  const users = await scopeUserIds(db, actor);
  if (users === null) {
    // Counted first: the count tells how dense the matches are, which the planner can only guess
    // (a substring search is estimated at about 1 % whatever it is). Few matches: read them all
    // through the indexes (an uncorrelated sub-query, planned without the list order) and sort;
    // many: walk the list order, which finds a page after a few rows.
    const totals = await cappedCount(db, customers, [filters]);
    if (totals.totalExact && totals.total <= FEW_MATCHES) {
      // All the matches with their sort columns, read through the indexes like the count (OFFSET 0
      // keeps the planner from pulling the sub-query up and walking the list order instead); sorted,
      // the page's ids; then only those rows with their joined names.
      const columns = sql.join([customers.id, ...Object.values(SORTABLE)], sql`, `);
      // Aliased as the table itself, so that the ORDER BY terms (customers.<column>) name its columns.
      const matches = sql`(SELECT ${columns} FROM ${customers} WHERE ${filters} OFFSET 0) AS ${customers}`;
      const ids = sql`SELECT ${customers.id} FROM ${matches} ORDER BY ${sql.join(order, sql`, `)}
        LIMIT ${page.pageSize} OFFSET ${offsetOf(page)}`;
      return { items: await pageOf(sql`${customers.id} = ANY(ARRAY(${ids}))`, db, 0), ...totals };
    }
    const dense = and(isNull(customers.mergedIntoId), ...customerFilters(filter, 'scan'));
    if (!filter.q) return { items: await pageOf(dense), ...totals };
    // A search with many matches: the planner still estimates the pattern from a sample and, when
    // the sample says "rare", reads the whole trigram index (a two-character term has no trigram)
    // or the whole table. The count has just shown the matches to be dense, so walk the list order.
    const items = await db.transaction(async (tx) => {
      // SET LOCAL of both in one statement (one round trip).
      await tx.execute(
        sql`SELECT set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)`,
      );
      return pageOf(dense, tx);
    });
    return { items, ...totals };
  }

  const ids = sql`${`{${users.join(',')}}`}::uuid[]`;
  // One user (an agent's own customers): an equality, which the owner index serves in list order.
  const one = users.length === 1 ? (users[0] as string) : undefined;
  const owned = one ? eq(customers.ownerId, one) : sql`${customers.ownerId} = ANY(${ids})`;
  const notOwned = one
    ? sql`${customers.ownerId} IS DISTINCT FROM ${one}::uuid`
    : sql`(${customers.ownerId} IS NULL OR ${customers.ownerId} <> ALL(${ids}))`;
  const shared = sql`${customers.id} IN (
    SELECT customer_id FROM ${customerStaff} WHERE user_id = ANY(${ids}) AND role <> 'owner')`;

  const window = offsetOf(page) + page.pageSize;
  const head = (where: SQL | undefined) =>
    db
      .select({ id: customers.id, updatedAt: customers.updatedAt })
      .from(customers)
      .where(where)
      .orderBy(...order)
      .limit(window);
  const first = await head(and(filters, owned));
  const last = first.length === window ? first.at(-1) : undefined;
  // Default order (updated_at DESC, id DESC): a shared customer on this page sorts at or before
  // `last`. The timestamp comes back in milliseconds (the column has microseconds): one millisecond
  // earlier is a bound that is looser, never tighter.
  const defaultOrder = !page.sort || page.sort.trim() === '-updatedAt';
  const bound = last && new Date(last.updatedAt.getTime() - 1).toISOString();
  const before =
    last && bound && defaultOrder
      ? sql`(${customers.updatedAt}, ${customers.id}) >= (${bound}::timestamptz, ${last.id}::uuid)`
      : undefined;
  const second = await head(and(filters, shared, before));
  const candidates = [...new Set([...first, ...second].map((r) => r.id))];
  const items =
    candidates.length === 0 ? [] : await pageOf(sql`${customers.id} = ANY(${`{${candidates.join(',')}}`}::uuid[])`);
  // The candidates hold the first offset + pageSize rows of the whole list, in the same places.
  return { items, ...(await cappedCount(db, customers, [and(filters, owned), and(filters, notOwned, shared)])) };
}

/** Batches of the filtered list in a stable order (keyset on id), for streaming exports. */
export async function* iterateCustomersInScope(db: DbOrTx, actor: Actor, filter: CustomerFilter, batchSize = 2000) {
  let after: string | null = null;
  for (;;) {
    const rows = await listQuery(db, actor.locale)
      .where(and(customerWhere(actor, filter), after ? sql`${customers.id} > ${after}::uuid` : undefined))
      .orderBy(asc(customers.id))
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)?.id ?? null;
    if (rows.length < batchSize) return;
  }
}

export async function findCustomerInScope(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({
      customer: customers,
      categoryName: listColumns(actor.locale).categoryName,
      ownerName: userNameSql(customers.ownerId),
    })
    .from(customers)
    .leftJoin(customerCategories, eq(customerCategories.key, customers.categoryKey))
    .where(and(eq(customers.id, id), isNull(customers.mergedIntoId), customerScope(actor)))
    .limit(1);
  return row;
}

/** True when the customer exists, is not merged away and is within the actor's data scope. */
export async function customerVisibleTo(db: DbOrTx, actor: ScopeSubject, customerId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, customerId), isNull(customers.mergedIntoId), customerScope(actor)))
    .limit(1);
  return row !== undefined;
}

/**
 * `customerId` (a column of the caller's own table) is a customer the actor may see, as a SQL
 * condition for other modules' lists (survey answers, callbacks): the scope stays here. A null id is false.
 */
export function customerVisibleSql(customerId: AnyColumn | SQL, actor: ScopeSubject): SQL {
  return sql`EXISTS (SELECT 1 FROM ${customers} WHERE ${customers.id} = ${columnRef(customerId)} AND ${customers.mergedIntoId} IS NULL AND ${customerScope(actor)})`;
}

/** True when the contact belongs to the customer. */
/** The contact `contactId` of the customer (name and numbers), or undefined when it is not one of its contacts. */
export async function contactOfCustomer(
  db: DbOrTx,
  contactId: string,
  customerId: string,
): Promise<{ id: string; name: string; phone: string | null; mobile: string | null } | undefined> {
  const [row] = await db
    .select({
      id: customerContacts.id,
      name: customerContacts.name,
      phone: customerContacts.phone,
      mobile: customerContacts.mobile,
    })
    .from(customerContacts)
    .where(and(eq(customerContacts.id, contactId), eq(customerContacts.customerId, customerId)))
    .limit(1);
  return row;
}

export async function findCustomerRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(customers).where(eq(customers.id, id)).limit(1);
  return row;
}

export async function listContacts(db: DbOrTx, customerId: string) {
  return db
    .select()
    .from(customerContacts)
    .where(eq(customerContacts.customerId, customerId))
    .orderBy(desc(customerContacts.isPrimary), asc(customerContacts.createdAt));
}

export async function listStaff(db: DbOrTx, customerId: string) {
  return db
    .select({
      userId: customerStaff.userId,
      displayName: knownUserNameSql(customerStaff.userId),
      role: customerStaff.role,
    })
    .from(customerStaff)
    .where(eq(customerStaff.customerId, customerId))
    .orderBy(asc(customerStaff.createdAt));
}

export async function insertCustomer(db: DbOrTx, values: CustomerInsert) {
  const [row] = await db.insert(customers).values(values).returning();
  if (!row) throw new Error('insert customer returned nothing');
  return row;
}

/** Updates only when the stored version is `version`; returns the new row, or undefined on a stale version. */
export async function updateCustomerVersioned(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<CustomerInsert>,
) {
  const [row] = await db
    .update(customers)
    .set({ ...values, version: sql`${customers.version} + 1`, updatedAt: new Date() })
    .where(and(eq(customers.id, id), eq(customers.version, version)))
    .returning();
  return row;
}

export async function touchCustomer(db: DbOrTx, id: string) {
  await db
    .update(customers)
    .set({ version: sql`${customers.version} + 1`, updatedAt: new Date() })
    .where(eq(customers.id, id));
}

export async function insertContacts(
  db: DbOrTx,
  customerId: string,
  contacts: Omit<typeof customerContacts.$inferInsert, 'customerId'>[],
) {
  if (contacts.length === 0) return [];
  return db
    .insert(customerContacts)
    .values(contacts.map((c) => ({ ...c, customerId })))
    .returning();
}

export async function updateContact(
  db: DbOrTx,
  customerId: string,
  contactId: string,
  values: Partial<typeof customerContacts.$inferInsert>,
) {
  const [row] = await db
    .update(customerContacts)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(customerContacts.id, contactId), eq(customerContacts.customerId, customerId)))
    .returning();
  return row;
}

export async function deleteContact(db: DbOrTx, customerId: string, contactId: string) {
  const rows = await db
    .delete(customerContacts)
    .where(and(eq(customerContacts.id, contactId), eq(customerContacts.customerId, customerId)))
    .returning();
  return rows[0];
}

export type StaffRole = 'owner' | 'backup' | 'sales' | 'engineer' | 'other';

export async function replaceStaff(db: DbOrTx, customerId: string, staff: { userId: string; role: StaffRole }[]) {
  await db.delete(customerStaff).where(eq(customerStaff.customerId, customerId));
  if (staff.length > 0) {
    await db.insert(customerStaff).values(staff.map((s) => ({ customerId, userId: s.userId, role: s.role })));
  }
}

export async function countStaff(db: DbOrTx, customerId: string) {
  const [row] = await db.select({ n: count() }).from(customerStaff).where(eq(customerStaff.customerId, customerId));
  return row?.n ?? 0;
}
