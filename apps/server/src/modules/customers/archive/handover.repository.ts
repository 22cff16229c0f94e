import { and, asc, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client.js';
import { chunks } from '../../../lib/chunks.js';
import { inOrder } from '../../../lib/in-order.js';
import { customerContacts, customerStaff, customers } from '../customers.tables.js';
import type { StaffRole } from './customers.repository.js';

// What a handover moves of the customers module (modules/handover asks through customers/index.ts):
// the customers a leaving user owns and their staff-contact roles.

// ── customers owned (customers.owner_id) ────────────────────────────────────────────────

const notMerged = isNull(customers.mergedIntoId);

export async function previewOwnedCustomers(db: DbOrTx, fromId: string, limit: number) {
  const where = and(eq(customers.ownerId, fromId), notMerged);
  const [items, totals] = await inOrder([
    db
      .select({ id: customers.id, code: customers.code, name: customers.name, grade: customers.grade })
      .from(customers)
      .where(where)
      .orderBy(asc(customers.code))
      .limit(limit),
    db.select({ n: count() }).from(customers).where(where),
  ]);
  return { items, count: totals[0]?.n ?? 0 };
}

/** Moves the owner, and with it the 'owner' staff row: the successor becomes (or is upgraded to) owner. */
export async function moveOwnedCustomers(tx: DbOrTx, fromId: string, toId: string): Promise<string[]> {
  const moved = await tx
    .update(customers)
    .set({ ownerId: toId })
    .where(and(eq(customers.ownerId, fromId), notMerged))
    .returning({ id: customers.id });
  const ids = moved.map((r) => r.id);
  for (const part of chunks(ids)) {
    await tx
      .delete(customerStaff)
      .where(and(eq(customerStaff.userId, fromId), inArray(customerStaff.customerId, part)));
    await tx
      .insert(customerStaff)
      .values(part.map((customerId) => ({ customerId, userId: toId, role: 'owner' as const })))
      .onConflictDoUpdate({ target: [customerStaff.customerId, customerStaff.userId], set: { role: 'owner' } });
  }
  return ids;
}

// ── staff-contact roles (customer_staff) on customers the leaving user does not own ────────

/** Strongest first: when both people are staff on one customer, the successor keeps the stronger role. */
export const STAFF_ROLE_STRENGTH: StaffRole[] = ['owner', 'backup', 'sales', 'engineer', 'other'];

/** The strength of the role in `column` (a fixed identifier, never input): 1 = owner. */
function rank(column: 'f.role' | 's.role'): SQL {
  return sql.raw(`array_position(ARRAY[${STAFF_ROLE_STRENGTH.map((r) => `'${r}'`).join(',')}]::text[], ${column})`);
}

const successors = alias(customerStaff, 'successor_staff');

export async function previewStaffRoles(db: DbOrTx, fromId: string, toId: string, limit: number) {
  const where = and(
    eq(customerStaff.userId, fromId),
    notMerged,
    sql`${customers.ownerId} IS DISTINCT FROM ${fromId}::uuid`,
  );
  const [items, totals] = await inOrder([
    db
      .select({
        id: customers.id,
        code: customers.code,
        name: customers.name,
        grade: customers.grade,
        role: customerStaff.role,
        successorRole: successors.role,
      })
      .from(customerStaff)
      .innerJoin(customers, eq(customers.id, customerStaff.customerId))
      .leftJoin(successors, and(eq(successors.customerId, customerStaff.customerId), eq(successors.userId, toId)))
      .where(where)
      .orderBy(asc(customers.code))
      .limit(limit),
    db
      .select({ n: count() })
      .from(customerStaff)
      .innerJoin(customers, eq(customers.id, customerStaff.customerId))
      .where(where),
  ]);
  return { items, count: totals[0]?.n ?? 0 };
}

/**
 * Key customers (flagged, or grade A) where both people are staff contacts: after the move they
 * are one person, and the customer may drop below the two contacts it needs.
 */
export async function previewKeyCustomersShortOfStaff(db: DbOrTx, fromId: string, toId: string, limit: number) {
  const result = await db.execute<{ id: string; code: string; name: string; grade: string | null; total: number }>(sql`
    SELECT c.id, c.code, c.name, c.grade, count(*) OVER ()::int AS total
    FROM customers c
    WHERE c.merged_into_id IS NULL AND (c.is_key OR c.grade = 'A')
      AND EXISTS (SELECT 1 FROM customer_staff s WHERE s.customer_id = c.id AND s.user_id = ${fromId}::uuid)
      AND EXISTS (SELECT 1 FROM customer_staff s WHERE s.customer_id = c.id AND s.user_id = ${toId}::uuid)
      AND (SELECT count(*) FROM customer_staff s WHERE s.customer_id = c.id) - 1 < 2
    ORDER BY c.code
    LIMIT ${limit}`);
  const rows = result.rows;
  return { items: rows.map(({ total: _t, ...item }) => item), count: Number(rows[0]?.total ?? 0) };
}

/**
 * Moves every remaining staff row of the leaving user (customers not merged away). Where the
 * successor already is staff on the customer, the two rows become one with the stronger role.
 * Returns the customers touched, one row each (a user has at most one row per customer).
 */
export async function moveStaffRoles(tx: DbOrTx, fromId: string, toId: string): Promise<string[]> {
  const live = sql`(SELECT id FROM customers WHERE merged_into_id IS NULL)`;
  await tx.execute(sql`
    UPDATE customer_staff AS s SET role = f.role
    FROM customer_staff AS f
    WHERE f.customer_id = s.customer_id AND f.user_id = ${fromId}::uuid AND s.user_id = ${toId}::uuid
      AND f.customer_id IN ${live} AND ${rank('f.role')} < ${rank('s.role')}`);
  const merged = await tx.execute<{ customer_id: string }>(sql`
    DELETE FROM customer_staff AS f
    WHERE f.user_id = ${fromId}::uuid AND f.customer_id IN ${live}
      AND EXISTS (SELECT 1 FROM customer_staff s WHERE s.customer_id = f.customer_id AND s.user_id = ${toId}::uuid)
    RETURNING f.customer_id`);
  const moved = await tx.execute<{ customer_id: string }>(sql`
    UPDATE customer_staff SET user_id = ${toId}::uuid
    WHERE user_id = ${fromId}::uuid AND customer_id IN ${live}
    RETURNING customer_id`);
  return [...merged.rows, ...moved.rows].map((r) => r.customer_id);
}

// ── what every affected customer gets ────────────────────────────────────────────────────

/** One version bump per customer: an editor holding the old version gets a 409 instead of overwriting. */
export async function bumpCustomerVersions(tx: DbOrTx, ids: string[], at: Date) {
  for (const part of chunks(ids)) {
    await tx
      .update(customers)
      .set({ version: sql`${customers.version} + 1`, updatedAt: at })
      .where(inArray(customers.id, part));
  }
}

/** What a customer notice needs: the customer and its primary (else first) contact. */
export async function listNoticeTargets(db: DbOrTx, ids: string[]) {
  const result = await db.execute<{
    id: string;
    name: string;
    phone: string | null;
    email: string | null;
    contact_mobile: string | null;
    contact_phone: string | null;
    contact_email: string | null;
  }>(sql`
    SELECT c.id, c.name, c.phone, c.email, k.mobile AS contact_mobile, k.phone AS contact_phone, k.email AS contact_email
    FROM customers c
    LEFT JOIN LATERAL (
      SELECT mobile, phone, email FROM ${customerContacts} WHERE customer_id = c.id
      ORDER BY is_primary DESC, created_at ASC LIMIT 1
    ) k ON TRUE
    WHERE c.id IN (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    ORDER BY c.code`);
  return result.rows;
}
