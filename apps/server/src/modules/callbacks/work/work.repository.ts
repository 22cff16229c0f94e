import { and, asc, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { scopedUserIds } from '../../../lib/data-scope.js';
import { inOrder } from '../../../lib/in-order.js';
import { customerNameSql, customerVisibleSql } from '../../customers/index.js';
import { userNameSql } from '../../users/index.js';
import { type CallbackStatus, callbackPlanSteps, callbacks } from '../callbacks.tables.js';
import { type CallbackSettingsValues, customerQuietWindows, readSettings } from '../settings/settings.repository.js';
import { callbackAttempts } from './work.tables.js';

export type CallbackRow = typeof callbacks.$inferSelect;

/**
 * The callbacks the actor may see and work: those assigned to them; with `callbacks.manage`
 * besides, those of customers in their data scope and those assigned to people in it.
 */
export function callbackScope(actor: Actor): SQL {
  const mine = sql`${callbacks.assigneeId} = ${actor.userId}::uuid`;
  if (!actor.permissions.has('callbacks.manage')) return mine;
  const ids = scopedUserIds(actor);
  if (!ids) return sql`TRUE`;
  return sql`(${mine} OR ${callbacks.assigneeId} IN (${ids}) OR ${customerVisibleSql(callbacks.customerId, actor)})`;
}

/** When the callback is to be made next: the retry time while one is set, else its scheduled time. */
export const dueAtSql = sql<Date>`coalesce(${callbacks.nextAttemptAt}, ${callbacks.scheduledAt})`;

export type CallbackFilter = {
  assigneeId?: string;
  status?: CallbackStatus;
  /** today: pending and due on or before today; overdue: pending past its deadline. */
  due?: 'today' | 'overdue';
  unassigned?: boolean;
  campaignId?: string;
  customerId?: string;
};

export function filterWhere(filter: CallbackFilter, today: string, now: Date): SQL[] {
  const where: SQL[] = [];
  if (filter.assigneeId) where.push(eq(callbacks.assigneeId, filter.assigneeId));
  if (filter.unassigned) where.push(isNull(callbacks.assigneeId));
  if (filter.status) where.push(eq(callbacks.status, filter.status));
  if (filter.campaignId) where.push(eq(callbacks.campaignId, filter.campaignId));
  if (filter.customerId) where.push(eq(callbacks.customerId, filter.customerId));
  if (filter.due === 'today') where.push(sql`${callbacks.status} = 'pending' AND ${callbacks.dueDate} <= ${today}`);
  if (filter.due === 'overdue')
    where.push(sql`${callbacks.status} = 'pending' AND ${callbacks.deadlineAt} < ${now.toISOString()}::timestamptz`);
  return where;
}

const listColumns = {
  id: callbacks.id,
  customerId: callbacks.customerId,
  customerName: customerNameSql(callbacks.customerId),
  sourceKind: callbacks.sourceKind,
  sourceId: callbacks.sourceId,
  planId: callbacks.planId,
  campaignId: callbacks.campaignId,
  channel: callbacks.channel,
  purpose: callbacks.purpose,
  status: callbacks.status,
  assigneeId: callbacks.assigneeId,
  assigneeName: userNameSql(callbacks.assigneeId),
  dueDate: callbacks.dueDate,
  scheduledAt: callbacks.scheduledAt,
  nextAttemptAt: callbacks.nextAttemptAt,
  dueAt: dueAtSql,
  deadlineAt: callbacks.deadlineAt,
  attempts: callbacks.attempts,
  reached: callbacks.reached,
  writeUp: callbacks.writeUp,
  completedAt: callbacks.completedAt,
  complaintTicketId: callbacks.complaintTicketId,
};

export async function listCallbacks(db: DbOrTx, where: SQL, limit: number, offset: number) {
  const [items, totals] = await inOrder([
    db
      .select(listColumns)
      .from(callbacks)
      .where(where)
      .orderBy(asc(dueAtSql), asc(callbacks.id))
      .limit(limit)
      .offset(offset),
    db.select({ total: count() }).from(callbacks).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

/** My callbacks due today (or earlier, still pending), past their deadline, and unreached awaiting a write-up. */
export async function countMine(db: DbOrTx, userId: string, today: string, now: Date) {
  const [row] = await db
    .select({
      today: sql<number>`count(*) FILTER (WHERE ${callbacks.status} = 'pending' AND ${callbacks.dueDate} <= ${today})`,
      overdue: sql<number>`count(*) FILTER (WHERE ${callbacks.status} = 'pending' AND ${callbacks.deadlineAt} < ${now.toISOString()}::timestamptz)`,
      unreached: sql<number>`count(*) FILTER (WHERE ${callbacks.status} = 'unreached' AND ${callbacks.writeUp} IS NULL)`,
    })
    .from(callbacks)
    .where(eq(callbacks.assigneeId, userId));
  return { today: Number(row?.today ?? 0), overdue: Number(row?.overdue ?? 0), unreached: Number(row?.unreached ?? 0) };
}

/** One callback with its list fields, the step's script and the outcome, if the actor may see it. */
export async function findCallbackView(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({
      ...listColumns,
      script: sql<
        string | null
      >`(SELECT ${callbackPlanSteps.script} FROM ${callbackPlanSteps} WHERE ${callbackPlanSteps.id} = ${callbacks.stepId})`,
      satisfaction: callbacks.satisfaction,
      opinion: callbacks.opinion,
      staffRatings: callbacks.staffRatings,
      completedBy: callbacks.completedBy,
    })
    .from(callbacks)
    .where(and(eq(callbacks.id, id), callbackScope(actor)))
    .limit(1);
  return row;
}

/** The callback row locked for a change, if the actor may see it. */
export async function lockCallback(db: DbOrTx, actor: Actor, id: string): Promise<CallbackRow | undefined> {
  const [row] = await db
    .select()
    .from(callbacks)
    .where(and(eq(callbacks.id, id), callbackScope(actor)))
    .for('update')
    .limit(1);
  return row;
}

export async function updateCallback(db: DbOrTx, id: string, values: Partial<typeof callbacks.$inferInsert>) {
  const [row] = await db
    .update(callbacks)
    .set({ ...values, version: sql`${callbacks.version} + 1`, updatedAt: new Date() })
    .where(eq(callbacks.id, id))
    .returning();
  return row as CallbackRow;
}

export async function insertCallback(db: DbOrTx, values: typeof callbacks.$inferInsert) {
  const [row] = await db.insert(callbacks).values(values).onConflictDoNothing().returning();
  return row;
}

export async function insertAttempt(db: DbOrTx, values: typeof callbackAttempts.$inferInsert) {
  await db.insert(callbackAttempts).values(values);
}

/** Attempts on this callback since `since` (the start of the local day). */
export async function countAttemptsSince(db: DbOrTx, callbackId: string, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(callbackAttempts)
    .where(
      and(
        eq(callbackAttempts.callbackId, callbackId),
        sql`${callbackAttempts.at} >= ${since.toISOString()}::timestamptz`,
      ),
    );
  return row?.n ?? 0;
}

export async function listAttempts(db: DbOrTx, callbackId: string) {
  return db
    .select({
      number: callbackAttempts.number,
      at: callbackAttempts.at,
      byId: callbackAttempts.by,
      byName: userNameSql(callbackAttempts.by),
      reached: callbackAttempts.reached,
      note: callbackAttempts.note,
    })
    .from(callbackAttempts)
    .where(eq(callbackAttempts.callbackId, callbackId))
    .orderBy(asc(callbackAttempts.number));
}

/** The customer's other callbacks, newest first (the history shown before the call). */
export async function customerCallbackHistory(db: DbOrTx, customerId: string, exceptId: string, limit = 50) {
  return db
    .select({
      id: callbacks.id,
      sourceKind: callbacks.sourceKind,
      channel: callbacks.channel,
      purpose: callbacks.purpose,
      status: callbacks.status,
      dueDate: callbacks.dueDate,
      assigneeName: userNameSql(callbacks.assigneeId),
      attempts: callbacks.attempts,
      reached: callbacks.reached,
      satisfaction: callbacks.satisfaction,
      opinion: callbacks.opinion,
      writeUp: callbacks.writeUp,
      completedAt: callbacks.completedAt,
      complaintTicketId: callbacks.complaintTicketId,
    })
    .from(callbacks)
    .where(and(eq(callbacks.customerId, customerId), sql`${callbacks.id} <> ${exceptId}::uuid`))
    .orderBy(desc(callbacks.dueDate), desc(callbacks.createdAt))
    .limit(limit);
}

export type WorkSettings = Pick<
  CallbackSettingsValues,
  'quietWindows' | 'retriesPerDay' | 'retryGapMinutes' | 'deadlineWorkingDays'
>;

/** The rules a try follows for one customer: the settings, with the customer's own rest hours if told. */
export async function workSettings(db: DbOrTx, customerId?: string): Promise<WorkSettings> {
  const settings = await readSettings(db);
  const own = customerId ? await customerQuietWindows(db, customerId) : null;
  return { ...settings, quietWindows: own ?? settings.quietWindows };
}

export async function customerName(db: DbOrTx, customerId: string): Promise<string | null> {
  const result = await db.execute<{ name: string | null }>(
    sql`SELECT ${customerNameSql(sql`${customerId}::uuid`)} AS name`,
  );
  return result.rows[0]?.name ?? null;
}

/**
 * Overdue callbacks go back to the pool: pending, past their deadline and given to someone before
 * the deadline passed (one given out again afterwards, by a manager, stays with them). Returns the
 * callbacks returned with their previous assignee, `limit` at a time, skipping rows locked by others.
 */
export async function returnOverdueToPool(db: DbOrTx, now: Date, limit: number) {
  const result = await db.execute<{ id: string; customer_id: string; previous: string | null }>(sql`
    WITH due AS (
      SELECT ${callbacks.id} AS id, ${callbacks.assigneeId} AS previous FROM ${callbacks}
      WHERE ${callbacks.status} = 'pending' AND ${callbacks.deadlineAt} < ${now.toISOString()}::timestamptz
        AND ${callbacks.assigneeId} IS NOT NULL
        AND (${callbacks.assignedAt} IS NULL OR ${callbacks.assignedAt} < ${callbacks.deadlineAt})
      ORDER BY ${callbacks.deadlineAt}
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    UPDATE ${callbacks} SET assignee_id = NULL, assigned_at = NULL, next_attempt_at = NULL,
      updated_at = now(), version = ${callbacks.version} + 1
    FROM due WHERE ${callbacks.id} = due.id
    RETURNING ${callbacks.id} AS id, ${callbacks.customerId} AS customer_id, due.previous AS previous`);
  return result.rows.map((r) => ({ id: r.id, customerId: r.customer_id, previousAssigneeId: r.previous }));
}
