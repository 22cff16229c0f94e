import { and, count, desc, eq, inArray, isNull, notInArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { cappedPageTotal } from '../../../lib/capped-count.js';
import { orderBy, type PageQuery } from '../../../lib/pagination.js';
import {
  DEFAULT_SEARCH_CANDIDATES,
  rankedPageOrder,
  rankedSearch,
  type SearchQuery,
} from '../../../lib/search/index.js';
import { customerCodeSql, customerNameSql } from '../../customers/index.js';
import { departmentNameSql } from '../../departments/index.js';
import { userNameSql } from '../../users/index.js';
import { notOpenTicketSql, openTicketSql } from '../core/open-ticket.js';
import type { ListTicketsQuery } from '../core/tickets.schemas.js';
import { tickets, ticketTypes } from '../tickets.tables.js';
import { oneOf, type ResolvedScope, resolvedScopeSql, resolveTicketScope, watchedBy } from './tickets.list-scope.js';

export type TicketFilter = Omit<ListTicketsQuery, 'page' | 'pageSize' | 'sort' | 'q'>;

const PRIORITY_RANK = sql`CASE ${tickets.priority} WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END`;

const SORTABLE: Record<string, PgColumn | SQL> = {
  updatedAt: tickets.updatedAt,
  createdAt: tickets.createdAt,
  nextReplyAt: tickets.nextReplyAt,
  number: tickets.number,
  priority: PRIORITY_RANK,
  /** Time to breach: overdue first, tickets without a running time limit last. */
  sla_due: tickets.slaDueAt,
};

/** `complaint=true|false` with the complaint types resolved (resolveTicketScope). */
function complaintFilter(complaint: boolean | undefined, keys: string[] | null): SQL | undefined {
  if (complaint === undefined) return undefined;
  if (!keys || keys.length === 0) return complaint ? sql`FALSE` : undefined;
  return complaint ? inArray(tickets.typeKey, keys) : notInArray(tickets.typeKey, keys);
}

/** Queue and filters as SQL terms (the data scope is added by the caller; `scope` from resolveTicketScope). */
export function ticketFilters(actor: Actor, filter: TicketFilter, scope: ResolvedScope): (SQL | undefined)[] {
  const team = oneOf(tickets.assigneeId, scope.teamIds);
  const queue: Record<TicketFilter['queue'], SQL | undefined> = {
    mine: eq(tickets.assigneeId, actor.userId),
    team: actor.departmentId
      ? sql`(${team} OR (${tickets.assigneeId} IS NULL AND ${tickets.departmentId} = ${actor.departmentId}::uuid))`
      : team,
    unassigned: isNull(tickets.assigneeId),
    watching: watchedBy(actor, scope),
    all: undefined,
  };
  return [
    queue[filter.queue],
    filter.status?.length ? inArray(tickets.status, filter.status) : undefined,
    filter.open === true ? openTicketSql(tickets.status) : undefined,
    filter.open === false ? notOpenTicketSql(tickets.status) : undefined,
    filter.typeKey ? eq(tickets.typeKey, filter.typeKey) : undefined,
    complaintFilter(filter.complaint, scope.complaintTypeKeys),
    filter.priority?.length ? inArray(tickets.priority, filter.priority) : undefined,
    filter.channel ? eq(tickets.channel, filter.channel) : undefined,
    filter.customerId ? eq(tickets.customerId, filter.customerId) : undefined,
    filter.assigneeId ? eq(tickets.assigneeId, filter.assigneeId) : undefined,
    filter.departmentId ? eq(tickets.departmentId, filter.departmentId) : undefined,
    filter.tag ? sql`${tickets.tags} @> ARRAY[${filter.tag}]::text[]` : undefined,
    filter.major === undefined ? undefined : eq(tickets.isMajor, filter.major),
    filter.replyOverdue ? sql`${tickets.nextReplyAt} < now() AND ${openTicketSql(tickets.status)}` : undefined,
    filter.slaState?.length ? inArray(tickets.slaState, filter.slaState) : undefined,
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
    customerCode: customerCodeSql(tickets.customerId),
    customerName: customerNameSql(tickets.customerId),
    contactName: tickets.contactName,
    assigneeId: tickets.assigneeId,
    assigneeName: userNameSql(tickets.assigneeId),
    departmentId: tickets.departmentId,
    departmentName: departmentNameSql(tickets.departmentId),
    tags: tickets.tags,
    nextReplyAt: tickets.nextReplyAt,
    waitingOn: tickets.waitingOn,
    slaDueAt: tickets.slaDueAt,
    slaState: tickets.slaState,
    createdAt: tickets.createdAt,
    updatedAt: tickets.updatedAt,
    version: tickets.version,
    description: tickets.description,
  };
}

export function listFrom(db: DbOrTx) {
  return db.select(listColumns()).from(tickets).innerJoin(ticketTypes, eq(ticketTypes.key, tickets.typeKey));
}

export type TicketListRow = Awaited<ReturnType<ReturnType<typeof listFrom>['execute']>>[number];

/** One page of tickets in the actor's scope (newest activity first unless sorted otherwise). */
export async function listTicketRows(db: DbOrTx, actor: Actor, filter: TicketFilter, page: PageQuery) {
  const scope = await resolveTicketScope(db, actor, filter);
  const scopeSql = resolvedScopeSql(actor, scope, filter.queue);
  const [queue, ...filters] = ticketFilters(actor, filter, scope);
  const where = and(scopeSql, queue, ...filters);
  const order = orderBy(page.sort, SORTABLE, [desc(tickets.updatedAt), desc(tickets.id)]);
  const rows = await listFrom(db)
    .where(where)
    .orderBy(...order)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  // The team queue without a scope term (a lead's own team, or everyone's scope) is counted in its
  // two disjoint halves, the team's tickets and the department's unassigned ones, each along its own
  // index (assignee, unassigned) — as one OR it is a scan of the table until 10,001 rows match.
  const halves =
    filter.queue === 'team' && scopeSql === undefined && actor.departmentId
      ? [
          and(oneOf(tickets.assigneeId, scope.teamIds), ...filters),
          and(isNull(tickets.assigneeId), eq(tickets.departmentId, actor.departmentId), ...filters),
        ]
      : [where];
  return { rows, ...(await cappedPageTotal(db, tickets, page, rows.length, halves)) };
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
  const scope = await resolveTicketScope(db, actor, filter);
  const where = and(resolvedScopeSql(actor, scope, filter.queue), ...ticketFilters(actor, filter, scope));
  const { candidates, page: ranked } = rankedSearch(db, tickets, query, {
    id: tickets.id,
    createdAt: tickets.createdAt,
    vector: tickets.searchVector,
    where,
    limit: page.pageSize,
    offset: (page.page - 1) * page.pageSize,
  });
  // The number of candidates comes with the page: a second reference makes PostgreSQL compute the
  // candidate CTE once (materialized) instead of walking the matches again for a separate count.
  // work_mem 32 MB for this statement: the bitmap of a common word (180,000 tickets of 1,000,000
  // for 空调) no longer fits the default 4 MB and turns lossy, and every row of a lossy page is
  // rechecked by reading its search vector (a scoped or filtered search: 300 ms → 90 ms measured).
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('work_mem', '32MB', true)`);
    return tx
      .with(candidates, ranked)
      .select({ ...listColumns(), candidates: sql<number>`(SELECT count(*) FROM ${candidates})`.mapWith(Number) })
      .from(ranked)
      .innerJoin(tickets, eq(tickets.id, ranked.id))
      .innerJoin(ticketTypes, eq(ticketTypes.key, tickets.typeKey))
      .orderBy(...rankedPageOrder(ranked));
  });
  const counted =
    rows[0]?.candidates ??
    (page.page === 1 ? 0 : Number((await db.with(candidates).select({ n: count() }).from(candidates))[0]?.n ?? 0));
  return { rows, total: counted, totalExact: counted < DEFAULT_SEARCH_CANDIDATES };
}
