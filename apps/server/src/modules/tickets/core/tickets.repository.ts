import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { departmentTreeIds, scopedUserIds } from '../../../lib/data-scope.js';
import { findUsersWithPermissions, knownUserNameSql, userNameSql } from '../../users/index.js';
import {
  NEXT_TICKET_NUMBER,
  ticketHistory,
  ticketMessages,
  tickets,
  ticketTypes,
  ticketWatchers,
} from '../tickets.tables.js';

export type TicketRow = typeof tickets.$inferSelect;
export type TicketInsert = typeof tickets.$inferInsert;

/**
 * The tickets the actor may see, as a predicate inside the query (never a filter after it):
 * - all: every ticket;
 * - otherwise: tickets assigned to or recorded by someone in the actor's user scope
 *   (lib/data-scope.ts), tickets the actor watches, and
 *   - team: unassigned tickets of the actor's own department (the team queue picks them up);
 *   - department: every ticket whose responsible department is the actor's or one below it.
 */
export function ticketScope(actor: Actor): SQL {
  const ids = scopedUserIds(actor);
  if (!ids) return sql`TRUE`;
  const watched = sql`EXISTS (SELECT 1 FROM ticket_watchers tw WHERE tw.ticket_id = ${tickets.id} AND tw.user_id = ${actor.userId}::uuid)`;
  const people = sql`${tickets.assigneeId} IN (${ids}) OR ${tickets.createdBy} IN (${ids})`;
  if (actor.dataScope === 'team' && actor.departmentId) {
    return sql`(${people} OR (${tickets.assigneeId} IS NULL AND ${tickets.departmentId} = ${actor.departmentId}::uuid) OR ${watched})`;
  }
  if (actor.dataScope === 'department' && actor.departmentId) {
    return sql`(${people} OR ${tickets.departmentId} IN (${departmentTreeIds(actor.departmentId)}) OR ${watched})`;
  }
  return sql`(${people} OR ${watched})`;
}

/** The ticket with its type's complaint flag, if the actor may see it; `forUpdate` locks the row. */
export async function findTicketInScope(db: DbOrTx, actor: Actor, id: string, { forUpdate = false } = {}) {
  const query = db
    .select({ ticket: tickets, isComplaint: ticketTypes.isComplaint, typeSkill: ticketTypes.skill })
    .from(tickets)
    .innerJoin(ticketTypes, eq(ticketTypes.key, tickets.typeKey))
    .where(and(eq(tickets.id, id), ticketScope(actor)))
    .limit(1);
  const [row] = forUpdate ? await query.for('update', { of: tickets }) : await query;
  return row;
}

export async function findTicketType(db: DbOrTx, key: string) {
  const [row] = await db.select().from(ticketTypes).where(eq(ticketTypes.key, key)).limit(1);
  return row;
}

/** The next ticket number (GD0000123), as the column's default would give it. */
export async function nextTicketNumber(db: DbOrTx): Promise<string> {
  const result = await db.execute<{ number: string }>(sql`SELECT ${NEXT_TICKET_NUMBER} AS number`);
  const number = result.rows[0]?.number;
  if (!number) throw new Error('ticket_number_seq gave no value');
  return number;
}

/** A new ticket; `searchVector` (toWeightedVector) written by the same INSERT. */
export async function insertTicket(db: DbOrTx, values: TicketInsert, searchVector: SQL) {
  const [row] = await db
    .insert(tickets)
    .values({ ...values, searchVector })
    .returning();
  return row as TicketRow;
}

/**
 * Writes `patch` and bumps the version, only if the row is still at `version` (optimistic
 * locking). Returns the new row, or undefined when someone else wrote first.
 */
export async function updateTicketVersioned(db: DbOrTx, id: string, version: number, patch: Partial<TicketInsert>) {
  const [row] = await db
    .update(tickets)
    .set({ ...patch, version: sql`${tickets.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(tickets.id, id), eq(tickets.version, version)))
    .returning();
  return row;
}

/** Changes that do not compete with an editor's form (a new message, a watcher): no version check. */
export async function touchTicket(db: DbOrTx, id: string, patch: Partial<TicketInsert> = {}) {
  const [row] = await db
    .update(tickets)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(tickets.id, id))
    .returning();
  return row as TicketRow;
}

export type HistoryInput = {
  ticketId: string;
  actorId: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
  note?: string | null;
};

export async function insertHistory(db: DbOrTx, entries: HistoryInput[]) {
  if (entries.length === 0) return;
  await db.insert(ticketHistory).values(
    entries.map((e) => ({
      ticketId: e.ticketId,
      actorId: e.actorId,
      action: e.action,
      before: e.before ?? null,
      after: e.after ?? null,
      note: e.note ?? null,
    })),
  );
}

export async function insertMessage(db: DbOrTx, values: typeof ticketMessages.$inferInsert) {
  const [row] = await db.insert(ticketMessages).values(values).returning();
  return row as typeof ticketMessages.$inferSelect;
}

export async function listMessages(db: DbOrTx, ticketId: string) {
  const result = await db.execute<{
    id: string;
    kind: 'inbound' | 'reply' | 'note' | 'system';
    channel: string | null;
    body: string;
    author_id: string | null;
    author_name: string | null;
    forbidden_override: boolean;
    moved_from_ticket_id: string | null;
    created_at: string;
  }>(sql`SELECT m.id, m.kind, m.channel, m.body, m.author_id, ${userNameSql(sql`m.author_id`)} AS author_name,
      m.forbidden_override, m.moved_from_ticket_id, m.created_at::text AS created_at
    FROM ticket_messages m
    WHERE m.ticket_id = ${ticketId} ORDER BY m.created_at, m.id`);
  return result.rows;
}

export async function listHistory(db: DbOrTx, ticketId: string) {
  const result = await db.execute<{
    id: number;
    at: string;
    actor_id: string | null;
    actor_name: string | null;
    action: string;
    before: unknown;
    after: unknown;
    note: string | null;
  }>(sql`SELECT h.id::int AS id, h.at::text AS at, h.actor_id, ${userNameSql(sql`h.actor_id`)} AS actor_name, h.action,
      h.before, h.after, h.note
    FROM ticket_history h
    WHERE h.ticket_id = ${ticketId} ORDER BY h.id`);
  return result.rows;
}

export async function listWatchers(db: DbOrTx, ticketId: string) {
  const result = await db.execute<{ id: string; display_name: string }>(
    sql`SELECT w.user_id AS id, ${knownUserNameSql(sql`w.user_id`)} AS display_name FROM ticket_watchers w
      WHERE w.ticket_id = ${ticketId} ORDER BY w.created_at`,
  );
  return result.rows.map((r) => ({ id: r.id, displayName: r.display_name }));
}

export async function addWatchers(db: DbOrTx, ticketId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  await db
    .insert(ticketWatchers)
    .values(userIds.map((userId) => ({ ticketId, userId })))
    .onConflictDoNothing();
}

export async function removeWatcher(db: DbOrTx, ticketId: string, userId: string) {
  const deleted = await db
    .delete(ticketWatchers)
    .where(and(eq(ticketWatchers.ticketId, ticketId), eq(ticketWatchers.userId, userId)))
    .returning();
  return deleted.length > 0;
}

/** Users by id with what automatic and manual assignment need to know. */
/**
 * Users by id with their role's permissions — only those within `actor`'s data scope: a user a
 * ticket route refers to (assignee, watcher, measure owner) must be one the caller may see, else
 * they do not exist for the caller.
 */
export async function findUsers(db: DbOrTx, actor: Actor, ids: string[]) {
  return findUsersWithPermissions(db, actor, ids);
}

/** Everything the search index holds for a ticket: number, subject, description, messages (incl. merged-in text). */
export async function searchableText(db: DbOrTx, ticketId: string) {
  const [ticket] = await db
    .select({ number: tickets.number, subject: tickets.subject, description: tickets.description })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  const messages = await db
    .select({ body: ticketMessages.body })
    .from(ticketMessages)
    .where(
      and(eq(ticketMessages.ticketId, ticketId), inArray(ticketMessages.kind, ['inbound', 'reply', 'note', 'system'])),
    );
  return { ticket, bodies: messages.map((m) => m.body) };
}

export async function setSearchVector(db: DbOrTx, ticketId: string, vector: SQL) {
  await db.update(tickets).set({ searchVector: vector }).where(eq(tickets.id, ticketId));
}

/**
 * The SLA module's cache of the ticket's nearest due time and worst state (the queue sorts and
 * filters on them): not an edit — no version bump, no `updatedAt`, no history, no event.
 */
export async function setTicketSla(
  db: DbOrTx,
  ticketId: string,
  sla: { dueAt: Date | null; state: TicketRow['slaState'] },
): Promise<void> {
  await db.update(tickets).set({ slaDueAt: sla.dueAt, slaState: sla.state }).where(eq(tickets.id, ticketId));
}
