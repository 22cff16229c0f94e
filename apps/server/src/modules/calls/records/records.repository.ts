import { and, count, desc, eq, gte, isNotNull, isNull, like, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { inOrder } from '../../../lib/in-order.js';
import { customerNameSql, customerVisibleSql } from '../../customers/index.js';
import { userNameSql } from '../../users/index.js';
import { calls } from '../calls.tables.js';
import { callVisibleSql } from './call-scope.js';
import type { ListCallsQuery } from './records.schemas.js';

const columns = (actor: Actor) => ({
  id: calls.id,
  source: calls.source,
  externalId: calls.externalId,
  queue: calls.queue,
  direction: calls.direction,
  callerNumber: calls.callerNumber,
  agent: calls.agent,
  agentUserId: calls.agentUserId,
  agentName: userNameSql(calls.agentUserId),
  enteredAt: calls.enteredAt,
  connectedAt: calls.connectedAt,
  endedAt: calls.endedAt,
  outcome: calls.outcome,
  waitSeconds: calls.waitSeconds,
  talkSeconds: calls.talkSeconds,
  ringNoAnswerCount: calls.ringNoAnswerCount,
  ringNoAnswerMs: calls.ringNoAnswerMs,
  transferred: calls.transferred,
  customerId: calls.customerId,
  customerName: sql<
    string | null
  >`CASE WHEN ${calls.customerId} IS NOT NULL AND ${customerVisibleSql(calls.customerId, actor)}
    THEN ${customerNameSql(calls.customerId)} END`,
  contactId: calls.contactId,
  ticketId: calls.ticketId,
});
export type CallRow = Awaited<ReturnType<typeof findCall>> & {};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function listWhere(actor: Actor, q: ListCallsQuery): SQL | undefined {
  return and(
    callVisibleSql(actor),
    q.from ? gte(calls.enteredAt, new Date(q.from)) : undefined,
    q.to ? lt(calls.enteredAt, new Date(q.to)) : undefined,
    q.queue ? eq(calls.queue, q.queue) : undefined,
    q.agent ? eq(calls.agent, q.agent) : undefined,
    q.outcome ? eq(calls.outcome, q.outcome) : undefined,
    q.direction ? eq(calls.direction, q.direction) : undefined,
    q.customerId ? eq(calls.customerId, q.customerId) : undefined,
    q.linked === undefined ? undefined : q.linked ? isNotNull(calls.customerId) : isNull(calls.customerId),
    q.q ? like(calls.callerNumber, `%${escapeLike(q.q)}%`) : undefined,
  );
}

/** A page of the calls the actor sees, newest first. */
export async function listCalls(db: DbOrTx, actor: Actor, q: ListCallsQuery) {
  const where = listWhere(actor, q);
  const [items, totals] = await inOrder([
    db
      .select(columns(actor))
      .from(calls)
      .where(where)
      .orderBy(desc(calls.enteredAt), desc(calls.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(calls).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

/** One call if the actor sees it. */
export async function findCall(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select(columns(actor))
    .from(calls)
    .where(and(eq(calls.id, id), callVisibleSql(actor)))
    .limit(1);
  return row;
}

/**
 * Locks the call for turning it into a ticket once, if the actor may: with calls.read, a call in
 * their call scope; without it (an agent), a call they answered or one linked to a customer they
 * may see (the calls on a customer's timeline).
 */
export async function lockCall(db: DbOrTx, actor: Actor, id: string) {
  const visible = actor.permissions.has('calls.read')
    ? callVisibleSql(actor)
    : sql`(${calls.agentUserId} = ${actor.userId}::uuid OR (${calls.customerId} IS NOT NULL AND ${customerVisibleSql(calls.customerId, actor)}))`;
  const [row] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.id, id), visible))
    .for('update')
    .limit(1);
  return row;
}

export async function setCallTicket(db: DbOrTx, id: string, ticketId: string) {
  await db.update(calls).set({ ticketId, updatedAt: new Date() }).where(eq(calls.id, id));
}
