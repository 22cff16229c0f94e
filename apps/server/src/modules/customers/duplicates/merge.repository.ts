import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { customerScope } from '../archive/customers.repository.js';
import {
  customerBusinessFigures,
  customerContacts,
  customerMilestones,
  customerOrders,
  customerStaff,
  customers,
} from '../customers.tables.js';
import { customerEvaluations, customerGradeHistory } from '../grading/grading.tables.js';

/** Which of `ids` the actor may see (not merged away, within the data scope). */
export async function idsInScope(db: DbOrTx, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(inArray(customers.id, ids), isNull(customers.mergedIntoId), customerScope(actor)));
  return new Set(rows.map((r) => r.id));
}

/** Both rows, locked in id order (two merges of the same pair never deadlock). */
export async function lockCustomers(db: DbOrTx, ids: string[]) {
  return db.select().from(customers).where(inArray(customers.id, ids)).orderBy(asc(customers.id)).for('update');
}

/** Moves the source's contacts; when the target has a primary contact, it stays the only one. */
export async function moveContacts(db: DbOrTx, sourceId: string, targetId: string) {
  const [primary] = await db
    .select({ id: customerContacts.id })
    .from(customerContacts)
    .where(and(eq(customerContacts.customerId, targetId), eq(customerContacts.isPrimary, true)))
    .limit(1);
  const moved = await db
    .update(customerContacts)
    .set({
      customerId: targetId,
      updatedAt: new Date(),
      ...(primary ? { isPrimary: false } : {}),
    })
    .where(eq(customerContacts.customerId, sourceId))
    .returning({ id: customerContacts.id });
  return moved.length;
}

/**
 * Adds the source's staff to the target, each user once (a user on both keeps the target's role);
 * the source's owner becomes a backup unless `ownerId` (the target's owner after the merge) is them.
 */
export async function moveStaff(db: DbOrTx, sourceId: string, targetId: string, ownerId: string | null) {
  // One after the other: a transaction is one connection.
  const source = await db.select().from(customerStaff).where(eq(customerStaff.customerId, sourceId));
  const target = await db.select().from(customerStaff).where(eq(customerStaff.customerId, targetId));
  const present = new Set(target.map((s) => s.userId));
  const added = source
    .filter((s) => !present.has(s.userId))
    .map((s) => ({
      customerId: targetId,
      userId: s.userId,
      role: s.userId === ownerId ? ('owner' as const) : s.role === 'owner' ? ('backup' as const) : s.role,
    }));
  if (ownerId && !present.has(ownerId) && !added.some((s) => s.userId === ownerId)) {
    added.push({ customerId: targetId, userId: ownerId, role: 'owner' });
  }
  if (added.length > 0) await db.insert(customerStaff).values(added);
  await db.delete(customerStaff).where(eq(customerStaff.customerId, sourceId));
  return { added: added.length, total: target.length + added.length };
}

/** Milestones, orders, evaluations and grade history all move to the target. */
export async function moveRecords(db: DbOrTx, sourceId: string, targetId: string) {
  const milestones = await db
    .update(customerMilestones)
    .set({ customerId: targetId })
    .where(eq(customerMilestones.customerId, sourceId))
    .returning({ id: customerMilestones.id });
  const orders = await db
    .update(customerOrders)
    .set({ customerId: targetId })
    .where(eq(customerOrders.customerId, sourceId))
    .returning({ id: customerOrders.id });
  const evaluations = await db
    .update(customerEvaluations)
    .set({ customerId: targetId })
    .where(eq(customerEvaluations.customerId, sourceId))
    .returning({ id: customerEvaluations.id });
  const gradeHistory = await db
    .update(customerGradeHistory)
    .set({ customerId: targetId })
    .where(eq(customerGradeHistory.customerId, sourceId))
    .returning({ id: customerGradeHistory.id });
  return {
    milestones: milestones.length,
    orders: orders.length,
    evaluations: evaluations.length,
    gradeHistory: gradeHistory.length,
  };
}

/** Yearly figures move for the years the target has none of; the others stay with the source. */
export async function moveFigures(db: DbOrTx, sourceId: string, targetId: string) {
  const targetYears = db
    .select({ year: customerBusinessFigures.year })
    .from(customerBusinessFigures)
    .where(eq(customerBusinessFigures.customerId, targetId));
  const moved = await db
    .update(customerBusinessFigures)
    .set({ customerId: targetId })
    .where(and(eq(customerBusinessFigures.customerId, sourceId), notInArray(customerBusinessFigures.year, targetYears)))
    .returning({ year: customerBusinessFigures.year });
  const kept = await db
    .select({ year: customerBusinessFigures.year })
    .from(customerBusinessFigures)
    .where(eq(customerBusinessFigures.customerId, sourceId));
  return { moved: moved.map((r) => r.year), keptOnSource: kept.map((r) => r.year) };
}

/** Customers merged into the source earlier now point at the target (no chains). */
export async function repointMerged(db: DbOrTx, sourceId: string, targetId: string) {
  await db.update(customers).set({ mergedIntoId: targetId }).where(eq(customers.mergedIntoId, sourceId));
}

export async function markMerged(db: DbOrTx, sourceId: string, targetId: string) {
  await db
    .update(customers)
    .set({ mergedIntoId: targetId, version: sql`${customers.version} + 1`, updatedAt: new Date() })
    .where(eq(customers.id, sourceId));
}
