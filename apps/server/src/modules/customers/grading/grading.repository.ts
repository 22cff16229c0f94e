import { and, asc, count, desc, eq, isNull, lte, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { inOrder } from '../../../lib/in-order.js';
import { offsetOf, type PageQuery } from '../../../lib/pagination.js';
import { isActiveUserSql, userNameSql } from '../../users/index.js';
import { customerScope } from '../archive/customers.repository.js';
import type { Grade } from '../customers.tables.js';
import { customerStaff, customers } from '../customers.tables.js';
import {
  customerEvaluations,
  customerGradeHistory,
  evaluationCriteria,
  evaluationRounds,
  gradeBands,
} from './grading.tables.js';

export type RoundRow = typeof evaluationRounds.$inferSelect;

/* ── Criteria and bands ─────────────────────────────────────────────────────────────────────── */

export async function listCriteria(db: DbOrTx) {
  return db.select().from(evaluationCriteria).orderBy(asc(evaluationCriteria.sortOrder), asc(evaluationCriteria.key));
}

export async function upsertCriterion(db: DbOrTx, values: typeof evaluationCriteria.$inferInsert) {
  const { key: _key, ...update } = values;
  await db
    .insert(evaluationCriteria)
    .values(values)
    .onConflictDoUpdate({ target: evaluationCriteria.key, set: update });
}

export async function deactivateCriteriaExcept(db: DbOrTx, keys: string[]) {
  await db.update(evaluationCriteria).set({ isActive: false }).where(notInArray(evaluationCriteria.key, keys));
}

export async function listBands(db: DbOrTx) {
  return db.select().from(gradeBands).orderBy(asc(gradeBands.grade));
}

export async function replaceBands(db: DbOrTx, bands: { grade: Grade; minScore: number }[]) {
  await db.delete(gradeBands);
  await db.insert(gradeBands).values(bands);
}

/* ── Rounds ─────────────────────────────────────────────────────────────────────────────────── */

/** Customers of the round within the actor's scope, each once. */
function evaluatedInScope(actor: Actor) {
  // Nested once: drizzle writes top-level columns of a single-table query's selection without
  // their table, which inside this subquery would be ambiguous; nested SQL keeps them qualified.
  const count = sql`(SELECT count(DISTINCT e.customer_id)::int FROM ${customerEvaluations} e
    JOIN ${customers} ON ${customers.id} = e.customer_id
    WHERE e.round_id = ${evaluationRounds.id} AND ${customers.mergedIntoId} IS NULL AND ${customerScope(actor)})`;
  return sql<number>`${count}`;
}

function roundColumns(actor: Actor) {
  return {
    id: evaluationRounds.id,
    name: evaluationRounds.name,
    periodStart: evaluationRounds.periodStart,
    periodEnd: evaluationRounds.periodEnd,
    status: evaluationRounds.status,
    createdBy: evaluationRounds.createdBy,
    createdByName: userNameSql(evaluationRounds.createdBy),
    createdAt: evaluationRounds.createdAt,
    closedAt: evaluationRounds.closedAt,
    evaluated: evaluatedInScope(actor),
  };
}

export async function listRounds(db: DbOrTx, actor: Actor, status: 'open' | 'closed' | undefined, page: PageQuery) {
  const where = status ? eq(evaluationRounds.status, status) : undefined;
  const [items, totals] = await inOrder([
    db
      .select(roundColumns(actor))
      .from(evaluationRounds)
      .where(where)
      .orderBy(desc(evaluationRounds.periodEnd), desc(evaluationRounds.createdAt))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ total: count() }).from(evaluationRounds).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

export async function findRoundView(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db.select(roundColumns(actor)).from(evaluationRounds).where(eq(evaluationRounds.id, id));
  return row;
}

/**
 * The round, locked until commit: `share` while an evaluation is recorded in it (evaluations do
 * not wait for each other), `update` to close it (waits for those evaluations, then blocks new ones).
 */
export async function lockRound(db: DbOrTx, id: string, mode: 'share' | 'update') {
  const [row] = await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, id)).for(mode);
  return row;
}

export async function findRoundByNameOrPeriod(
  db: DbOrTx,
  name: string,
  period?: { periodStart: string; periodEnd: string },
) {
  const [row] = await db
    .select()
    .from(evaluationRounds)
    .where(
      period
        ? sql`${evaluationRounds.name} = ${name} OR (${evaluationRounds.periodStart} = ${period.periodStart} AND ${evaluationRounds.periodEnd} = ${period.periodEnd})`
        : eq(evaluationRounds.name, name),
    )
    .limit(1);
  return row;
}

/** Serialises the opening of rounds (two instances, a manual and a scheduled run) until commit. */
export async function lockRoundOpening(db: DbOrTx) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('customers.evaluation_round'))`);
}

export async function insertRound(db: DbOrTx, values: typeof evaluationRounds.$inferInsert) {
  const [row] = await db.insert(evaluationRounds).values(values).returning();
  if (!row) throw new Error('insert round returned nothing');
  return row;
}

export async function closeRound(db: DbOrTx, id: string) {
  await db.update(evaluationRounds).set({ status: 'closed', closedAt: new Date() }).where(eq(evaluationRounds.id, id));
}

/** All customers (not merged away) within the actor's scope. */
export async function countCustomersInScope(db: DbOrTx, actor: Actor) {
  const [row] = await db
    .select({ n: count() })
    .from(customers)
    .where(and(isNull(customers.mergedIntoId), customerScope(actor)));
  return row?.n ?? 0;
}

/* ── Evaluations and grade history ──────────────────────────────────────────────────────────── */

/** Locks the customer row so that concurrent evaluations change its grade one after the other. */
export async function lockCustomerGrade(db: DbOrTx, id: string) {
  const [row] = await db.select({ grade: customers.grade }).from(customers).where(eq(customers.id, id)).for('update');
  return row;
}

export async function setCustomerGrade(db: DbOrTx, id: string, grade: Grade, at: Date) {
  await db
    .update(customers)
    .set({ grade, version: sql`${customers.version} + 1`, updatedAt: at })
    .where(eq(customers.id, id));
}

export async function insertEvaluation(db: DbOrTx, values: typeof customerEvaluations.$inferInsert) {
  const [row] = await db.insert(customerEvaluations).values(values).returning();
  if (!row) throw new Error('insert evaluation returned nothing');
  return row;
}

export async function insertGradeHistory(db: DbOrTx, values: typeof customerGradeHistory.$inferInsert) {
  await db.insert(customerGradeHistory).values(values);
}

/** Staff contacts whose accounts are active (a deactivated colleague no longer looks after anyone). */
export async function countActiveStaff(db: DbOrTx, customerId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(customerStaff)
    .where(and(eq(customerStaff.customerId, customerId), isActiveUserSql(customerStaff.userId)));
  return row?.n ?? 0;
}

function evaluationQuery(db: DbOrTx) {
  return db
    .select({
      id: customerEvaluations.id,
      roundId: customerEvaluations.roundId,
      roundName: evaluationRounds.name,
      customerId: customerEvaluations.customerId,
      customerName: customers.name,
      customerCode: customers.code,
      scores: customerEvaluations.scores,
      totalScore: sql<number>`${customerEvaluations.totalScore}::float8`,
      gradeBefore: customerEvaluations.gradeBefore,
      gradeAfter: customerEvaluations.gradeAfter,
      comment: customerEvaluations.comment,
      evaluatedBy: customerEvaluations.evaluatedBy,
      evaluatedByName: userNameSql(customerEvaluations.evaluatedBy),
      evaluatedAt: customerEvaluations.evaluatedAt,
    })
    .from(customerEvaluations)
    .innerJoin(customers, eq(customers.id, customerEvaluations.customerId))
    .leftJoin(evaluationRounds, eq(evaluationRounds.id, customerEvaluations.roundId));
}

export async function findEvaluation(db: DbOrTx, id: string) {
  const [row] = await evaluationQuery(db).where(eq(customerEvaluations.id, id));
  return row;
}

/** Evaluations of one round (within the actor's scope) or of one customer, newest first. */
export async function listEvaluations(
  db: DbOrTx,
  actor: Actor,
  by: { roundId: string } | { customerId: string },
  page: PageQuery,
) {
  const where = and(
    'roundId' in by ? eq(customerEvaluations.roundId, by.roundId) : eq(customerEvaluations.customerId, by.customerId),
    isNull(customers.mergedIntoId),
    customerScope(actor),
  );
  const [items, totals] = await inOrder([
    evaluationQuery(db)
      .where(where)
      .orderBy(desc(customerEvaluations.evaluatedAt), desc(customerEvaluations.id))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db
      .select({ total: count() })
      .from(customerEvaluations)
      .innerJoin(customers, eq(customers.id, customerEvaluations.customerId))
      .where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

export async function listGradeHistory(db: DbOrTx, customerId: string) {
  return db
    .select({
      id: customerGradeHistory.id,
      gradeBefore: customerGradeHistory.gradeBefore,
      gradeAfter: customerGradeHistory.gradeAfter,
      reason: customerGradeHistory.reason,
      evaluationId: customerGradeHistory.evaluationId,
      totalScore: sql<number | null>`${customerEvaluations.totalScore}::float8`,
      roundId: customerEvaluations.roundId,
      roundName: evaluationRounds.name,
      changedBy: customerGradeHistory.changedBy,
      changedByName: userNameSql(customerGradeHistory.changedBy),
      changedAt: customerGradeHistory.changedAt,
    })
    .from(customerGradeHistory)
    .leftJoin(customerEvaluations, eq(customerEvaluations.id, customerGradeHistory.evaluationId))
    .leftJoin(evaluationRounds, eq(evaluationRounds.id, customerEvaluations.roundId))
    .where(eq(customerGradeHistory.customerId, customerId))
    .orderBy(asc(customerGradeHistory.changedAt), asc(customerGradeHistory.id));
}

/** The last grade change at or before `at`, if any. */
export async function gradeAt(db: DbOrTx, customerId: string, at: Date) {
  const [row] = await db
    .select({ grade: customerGradeHistory.gradeAfter, since: customerGradeHistory.changedAt })
    .from(customerGradeHistory)
    .where(and(eq(customerGradeHistory.customerId, customerId), lte(customerGradeHistory.changedAt, at)))
    .orderBy(desc(customerGradeHistory.changedAt))
    .limit(1);
  return row;
}
