import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  customerCategories,
  customerContacts,
  customerStaff,
  customers,
  users,
} from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { scopedUserIds } from '../../lib/data-scope.js';
import { offsetOf, orderBy, type PageQuery } from '../../lib/pagination.js';
import type { ListCustomersQuery } from './customers.schemas.js';
import { inOrder } from '../../lib/in-order.js';

export type CustomerRow = typeof customers.$inferSelect;
export type CustomerInsert = typeof customers.$inferInsert;

/**
 * A customer is within the actor's scope when its owner, or one of its staff contacts, is one of
 * the users the actor's data scope covers. Merged-away customers are never listed.
 */
export function customerScope(actor: Actor): SQL {
  const ids = scopedUserIds(actor);
  if (!ids) return sql`TRUE`;
  return sql`(${customers.ownerId} IN (${ids}) OR EXISTS (
    SELECT 1 FROM customer_staff cs WHERE cs.customer_id = ${customers.id} AND cs.user_id IN (${ids})))`;
}

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export type CustomerFilter = Omit<ListCustomersQuery, 'page' | 'pageSize' | 'sort'>;

export function customerWhere(actor: Actor, filter: CustomerFilter): SQL {
  const q = filter.q ? `%${escapeLike(filter.q)}%` : undefined;
  const digits = filter.q?.replace(/\D/g, '') ?? '';
  const custom = (filter.cf ?? []).map((pair) => {
    const [key, ...rest] = pair.split(':');
    const value = rest.join(':');
    // Matches a scalar value or membership in a multi-select array.
    return sql`(${customers.customFields} -> ${key} = to_jsonb(${value}::text) OR ${customers.customFields} -> ${key} @> to_jsonb(ARRAY[${value}::text]))`;
  });
  return and(
    isNull(customers.mergedIntoId),
    customerScope(actor),
    q
      ? or(
          ilike(customers.name, q),
          ilike(customers.code, q),
          ilike(customers.email, q),
          digits.length >= 4 ? ilike(customers.phoneNormalized, `%${digits}%`) : undefined,
        )
      : undefined,
    filter.kind ? eq(customers.kind, filter.kind) : undefined,
    filter.grade ? inArray(customers.grade, filter.grade.split(',') as ('A' | 'B' | 'C' | 'D')[]) : undefined,
    filter.categoryKey ? eq(customers.categoryKey, filter.categoryKey) : undefined,
    filter.ownerId ? eq(customers.ownerId, filter.ownerId) : undefined,
    filter.region ? eq(customers.region, filter.region) : undefined,
    filter.isKey === undefined ? undefined : eq(customers.isKey, filter.isKey),
    filter.updatedFrom ? gte(customers.updatedAt, filter.updatedFrom) : undefined,
    filter.updatedTo ? lte(customers.updatedAt, filter.updatedTo) : undefined,
    ...custom,
  ) as SQL;
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
      locale === 'en' ? sql<string | null>`coalesce(${customerCategories.nameEn}, ${customerCategories.name})` : customerCategories.name,
    grade: customers.grade,
    isKey: customers.isKey,
    ownerId: customers.ownerId,
    ownerName: users.displayName,
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
    .leftJoin(customerCategories, eq(customerCategories.key, customers.categoryKey))
    .leftJoin(users, eq(users.id, customers.ownerId));
}

/** The two statements behind a list page (lazy query builders; the benchmark EXPLAINs them). */
export function customerListQueries(db: DbOrTx, actor: Actor, filter: CustomerFilter, page: PageQuery) {
  const where = customerWhere(actor, filter);
  return {
    items: listQuery(db, actor.locale)
      .where(where)
      .orderBy(...orderBy(page.sort, SORTABLE, [desc(customers.updatedAt), desc(customers.id)]))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    total: db.select({ total: count() }).from(customers).where(where),
  };
}

export async function listCustomersInScope(db: DbOrTx, actor: Actor, filter: CustomerFilter, page: PageQuery) {
  const queries = customerListQueries(db, actor, filter, page);
  const [items, totals] = await inOrder([queries.items, queries.total]);
  return { items, total: totals[0]?.total ?? 0 };
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
    .select({ customer: customers, categoryName: listColumns(actor.locale).categoryName, ownerName: users.displayName })
    .from(customers)
    .leftJoin(customerCategories, eq(customerCategories.key, customers.categoryKey))
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(and(eq(customers.id, id), isNull(customers.mergedIntoId), customerScope(actor)))
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
    .select({ userId: customerStaff.userId, displayName: users.displayName, role: customerStaff.role })
    .from(customerStaff)
    .innerJoin(users, eq(users.id, customerStaff.userId))
    .where(eq(customerStaff.customerId, customerId))
    .orderBy(asc(customerStaff.createdAt));
}

export async function insertCustomer(db: DbOrTx, values: CustomerInsert) {
  const [row] = await db.insert(customers).values(values).returning();
  if (!row) throw new Error('insert customer returned nothing');
  return row;
}

/** Updates only when the stored version is `version`; returns the new row, or undefined on a stale version. */
export async function updateCustomerVersioned(db: DbOrTx, id: string, version: number, values: Partial<CustomerInsert>) {
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

export async function updateContact(db: DbOrTx, customerId: string, contactId: string, values: Partial<typeof customerContacts.$inferInsert>) {
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
    await db.insert(customerStaff).values(
      staff.map((s) => ({ customerId, userId: s.userId, role: s.role })),
    );
  }
}

export async function countStaff(db: DbOrTx, customerId: string) {
  const [row] = await db.select({ n: count() }).from(customerStaff).where(eq(customerStaff.customerId, customerId));
  return row?.n ?? 0;
}
