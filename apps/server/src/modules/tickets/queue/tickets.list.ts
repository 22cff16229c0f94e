import { and, asc, count, desc, eq, inArray, isNull, notInArray, type SQL, sql } from 'drizzle-orm';
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
import { dueAtSql, dueColumns, dueTodaySql, dueWithinHourSql, overdueSql, urgencySql } from './ticket-due.js';
import { oneOf, type ResolvedScope, resolvedScopeSql, resolveTicketScope, watchedBy } from './tickets.list-scope.js';

/**
 * The queue and filters of a list or a count. `timeZone` (deps.config.timezone) decides "today"
 * (`due=today`) and the days of `createdFrom` / `createdTo`; without it, Asia/Shanghai.
 */
export type TicketFilter = Omit<ListTicketsQuery, 'page' | 'pageSize' | 'sort' | 'q'> & { timeZone?: string };

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The start of day `date` (YYYY-MM-DD) in `timeZone`. */
const dayStart = (date: string, timeZone: string) => sql`((${date}::date)::timestamp AT TIME ZONE ${timeZone})`;

/**
 * The queue's default order (`sort=dueAt`, and no sort without `q`): overdue first (a breached time
 * limit, then the earliest due time — a passed next reply is due in the past), then the rest by
 * due time, tickets without one and those not open last, newest activity first among equals.
 * Read along the expression index `tickets_due_idx` (same expressions).
 */
export const DUE_ORDER = [asc(urgencySql), asc(dueAtSql), desc(tickets.updatedAt), desc(tickets.id)];

const PRIORITY_RANK = sql`CASE ${tickets.priority} WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 ELSE 1 END`;

const SORTABLE: Record<string, PgColumn | SQL> = {
  updatedAt: tickets.updatedAt,
  createdAt: tickets.createdAt,
  nextReplyAt: tickets.nextReplyAt,
  number: tickets.number,
  priority: PRIORITY_RANK,
  /** Time to breach: overdue first, tickets without a running time limit last. */
  sla_due: tickets.slaDueAt,
  dueAt: dueAtSql,
};

/** ORDER BY of a list without `q`: `sort`, or the default due order. */
export function listOrder(sort: string | undefined): (PgColumn | SQL)[] {
  if (!sort || sort.trim() === 'dueAt') return DUE_ORDER;
  return orderBy(sort, SORTABLE, [desc(tickets.updatedAt), desc(tickets.id)]);
}

/** `complaint=true|false` with the complaint types resolved (resolveTicketScope). */
function complaintFilter(complaint: boolean | undefined, keys: string[] | null): SQL | undefined {
  if (complaint === undefined) return undefined;
  if (!keys || keys.length === 0) return complaint ? sql`FALSE` : undefined;
  return complaint ? inArray(tickets.typeKey, keys) : notInArray(tickets.typeKey, keys);
}

/** Queue and filters as SQL terms (the data scope is added by the caller; `scope` from resolveTicketScope). */
export function ticketFilters(actor: Actor, filter: TicketFilter, scope: ResolvedScope): (SQL | undefined)[] {
  const team = oneOf(tickets.assigneeId, scope.teamIds);
  const timeZone = filter.timeZone ?? DEFAULT_TIME_ZONE;
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
    filter.overdue === true ? overdueSql : undefined,
    filter.overdue === false ? sql`NOT ${overdueSql}` : undefined,
    filter.due === 'today' ? dueTodaySql(timeZone) : undefined,
    filter.due === 'hour' ? dueWithinHourSql : undefined,
    filter.createdFrom ? sql`${tickets.createdAt} >= ${dayStart(filter.createdFrom, timeZone)}` : undefined,
    filter.createdTo
      ? sql`${tickets.createdAt} < ${dayStart(filter.createdTo, timeZone)} + interval '1 day'`
      : undefined,
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
    ...dueColumns,
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
  const order = listOrder(page.sort);
  const rows = await listFrom(db)
    .where(where)
    .orderBy(...order)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { rows, ...(await cappedPageTotal(db, tickets, page, rows.length, countParts(actor, filter, scope))) };
}

/**
 * The WHERE terms whose counts add up to the list's total. The team queue without a scope term (a
 * lead's own team, or everyone's scope) is counted in its two disjoint halves, the team's tickets
 * and the department's unassigned ones, each along its own index (assignee, unassigned) — as one
 * OR it is a scan of the table until 10,001 rows match.
 */
export function countParts(actor: Actor, filter: TicketFilter, scope: ResolvedScope): (SQL | undefined)[] {
  const scopeSql = resolvedScopeSql(actor, scope, filter.queue);
  const [queue, ...filters] = ticketFilters(actor, filter, scope);
  if (filter.queue === 'team' && scopeSql === undefined && actor.departmentId) {
    return [
      and(oneOf(tickets.assigneeId, scope.teamIds), ...filters),
      and(isNull(tickets.assigneeId), eq(tickets.departmentId, actor.departmentId), ...filters),
    ];
  }
  return [and(scopeSql, queue, ...filters)];
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
