import { and, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { customers, departments, tickets, ticketTypes, users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { orderBy, type PageQuery } from '../../lib/pagination.js';
import { DEFAULT_SEARCH_CANDIDATES, newestMatches, rankedOrder, type SearchQuery } from '../../lib/search/index.js';
import { OPEN_STATUSES } from './tickets.lifecycle.js';
import { ticketScope } from './tickets.repository.js';
import type { ListTicketsQuery } from './tickets.schemas.js';

/** Counting stops here: beyond, `total` is this limit and `totalExact` false. */
export const TICKET_COUNT_LIMIT = 10_000;

export type TicketFilter = Omit<ListTicketsQuery, 'page' | 'pageSize' | 'sort' | 'q'>;

const PRIORITY_RANK = sql`CASE ${tickets.priority} WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END`;

const SORTABLE: Record<string, PgColumn | SQL> = {
  updatedAt: tickets.updatedAt,
  createdAt: tickets.createdAt,
  nextReplyAt: tickets.nextReplyAt,
  number: tickets.number,
  priority: PRIORITY_RANK,
};

function teamOf(actor: Actor): SQL {
  return sql`${tickets.assigneeId} IN (WITH RECURSIVE team(id) AS (
      SELECT ${actor.userId}::uuid UNION SELECT u.id FROM users u JOIN team t ON u.superior_id = t.id
    ) SELECT id FROM team)`;
}

/** Queue and filters as SQL terms (the data scope is added by the caller). */
export function ticketFilters(actor: Actor, filter: TicketFilter): (SQL | undefined)[] {
  const queue: Record<TicketFilter['queue'], SQL | undefined> = {
    mine: eq(tickets.assigneeId, actor.userId),
    team: actor.departmentId
      ? sql`(${teamOf(actor)} OR (${tickets.assigneeId} IS NULL AND ${tickets.departmentId} = ${actor.departmentId}::uuid))`
      : teamOf(actor),
    unassigned: isNull(tickets.assigneeId),
    watching: sql`EXISTS (SELECT 1 FROM ticket_watchers tw WHERE tw.ticket_id = ${tickets.id} AND tw.user_id = ${actor.userId}::uuid)`,
    all: undefined,
  };
  return [
    queue[filter.queue],
    filter.status?.length ? inArray(tickets.status, filter.status) : undefined,
    filter.open === true ? inArray(tickets.status, [...OPEN_STATUSES]) : undefined,
    filter.open === false ? sql`${tickets.status} NOT IN ('received', 'classified', 'investigating')` : undefined,
    filter.typeKey ? eq(tickets.typeKey, filter.typeKey) : undefined,
    filter.complaint === undefined
      ? undefined
      : sql`${tickets.typeKey} IN (SELECT key FROM ticket_types WHERE is_complaint = ${filter.complaint})`,
    filter.priority?.length ? inArray(tickets.priority, filter.priority) : undefined,
    filter.channel ? eq(tickets.channel, filter.channel) : undefined,
    filter.customerId ? eq(tickets.customerId, filter.customerId) : undefined,
    filter.assigneeId ? eq(tickets.assigneeId, filter.assigneeId) : undefined,
    filter.departmentId ? eq(tickets.departmentId, filter.departmentId) : undefined,
    filter.tag ? sql`${tickets.tags} @> ARRAY[${filter.tag}]::text[]` : undefined,
    filter.major === undefined ? undefined : eq(tickets.isMajor, filter.major),
    filter.replyOverdue
      ? sql`${tickets.nextReplyAt} < now() AND ${tickets.status} IN ('received', 'classified', 'investigating')`
      : undefined,
    filter.createdFrom ? sql`${tickets.createdAt} >= ${filter.createdFrom}::date` : undefined,
    filter.createdTo ? sql`${tickets.createdAt} < ${filter.createdTo}::date + 1` : undefined,
  ];
}

export function listColumns() {
  return {
    id: tickets.id,
    number: tickets.number,
    typeKey: tickets.typeKey,
    isComplaint: ticketTypes.isComplaint,
    channel: tickets.channel,
    priority: tickets.priority,
    status: tickets.status,
    subject: tickets.subject,
    isMajor: tickets.isMajor,
    customerId: tickets.customerId,
    customerCode: customers.code,
    customerName: customers.name,
    contactName: tickets.contactName,
    assigneeId: tickets.assigneeId,
    assigneeName: users.displayName,
    departmentId: tickets.departmentId,
    departmentName: departments.name,
    tags: tickets.tags,
    nextReplyAt: tickets.nextReplyAt,
    createdAt: tickets.createdAt,
    updatedAt: tickets.updatedAt,
    version: tickets.version,
    description: tickets.description,
  };
}

export function listFrom(db: DbOrTx) {
  return db
    .select(listColumns())
    .from(tickets)
    .innerJoin(ticketTypes, eq(ticketTypes.key, tickets.typeKey))
    .leftJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(users, eq(users.id, tickets.assigneeId))
    .leftJoin(departments, eq(departments.id, tickets.departmentId));
}

export type TicketListRow = Awaited<ReturnType<ReturnType<typeof listFrom>['execute']>>[number];

async function cappedCount(db: DbOrTx, where: SQL | undefined) {
  const result = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${tickets} WHERE ${where ?? sql`TRUE`} LIMIT ${TICKET_COUNT_LIMIT + 1}) AS capped`,
  );
  const counted = Number(result.rows[0]?.n ?? 0);
  return { total: Math.min(counted, TICKET_COUNT_LIMIT), totalExact: counted <= TICKET_COUNT_LIMIT };
}

/** One page of tickets in the actor's scope (newest activity first unless sorted otherwise). */
export async function listTicketRows(db: DbOrTx, actor: Actor, filter: TicketFilter, page: PageQuery) {
  const where = and(ticketScope(actor), ...ticketFilters(actor, filter));
  const order = orderBy(page.sort, SORTABLE, [desc(tickets.updatedAt), desc(tickets.id)]);
  const rows = await listFrom(db)
    .where(where)
    .orderBy(...order)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const counted =
    page.page === 1 && rows.length < page.pageSize
      ? { total: rows.length, totalExact: true }
      : await cappedCount(db, where);
  return { rows, ...counted };
}

/**
 * Search: the newest DEFAULT_SEARCH_CANDIDATES matches of `q` in scope and filters, ranked
 * (lib/search/newest.ts); `total` counts those candidates.
 */
export async function searchTicketRows(
  db: DbOrTx,
  actor: Actor,
  filter: TicketFilter,
  query: SearchQuery,
  page: PageQuery,
) {
  const where = and(ticketScope(actor), ...ticketFilters(actor, filter));
  const candidates = newestMatches(db, tickets, query, {
    id: tickets.id,
    createdAt: tickets.createdAt,
    vector: tickets.searchVector,
    where,
    fallback: [tickets.subject],
  });
  const rows = await db
    .with(candidates)
    .select(listColumns())
    .from(candidates)
    .innerJoin(tickets, eq(tickets.id, candidates.id))
    .innerJoin(ticketTypes, eq(ticketTypes.key, tickets.typeKey))
    .leftJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoin(users, eq(users.id, tickets.assigneeId))
    .leftJoin(departments, eq(departments.id, tickets.departmentId))
    .orderBy(...rankedOrder(tickets.searchVector, query, tickets.createdAt, tickets.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const counted =
    page.page === 1 && rows.length < page.pageSize
      ? rows.length
      : Number((await db.with(candidates).select({ n: count() }).from(candidates))[0]?.n ?? 0);
  return { rows, total: counted, totalExact: counted < DEFAULT_SEARCH_CANDIDATES };
}
