import { or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { departmentTreeIds, scopedUserIds, teamUserIds } from '../../../lib/data-scope.js';
import { tickets } from '../tickets.tables.js';

/**
 * The data scope of the ticket lists with its sets resolved beforehand, in one small query: the
 * people of the scope, the department tree, the caller's team (the `team` queue) and the tickets
 * the caller watches. Same tickets as ticketScope (tickets.repository.ts), written with constants:
 * `assignee_id = ANY('{…}')` instead of `assignee_id IN (WITH RECURSIVE …)` and
 * `id = ANY('{…}')` instead of `EXISTS (SELECT … ticket_watchers …)`.
 *
 * Why: a sub-query inside an OR cannot become a join; PostgreSQL runs it as a filter on every row
 * it reads and can neither estimate it nor use an index for it. At 1,000,000 tickets an agent's
 * search for a common word then walked 650,000 rows (9 s), and counting a team's open queue read
 * every open ticket. With constants each branch of the OR is an index condition (BitmapOr over the
 * assignee, creator and department indexes) and is estimated from the column statistics.
 */

/** Up to this many watched tickets are inlined; beyond, the EXISTS sub-query is kept. */
const WATCHED_INLINE = 500;

export type ResolvedScope = {
  /** People whose tickets are in scope (assignee or creator); null: everyone (scope `all`). */
  userIds: string[] | null;
  /** Department scope: the actor's department and the ones below it. */
  departmentIds: string[];
  /** The actor and everyone below them (the `team` queue). */
  teamIds: string[];
  /** Tickets the actor watches; null when more than WATCHED_INLINE (then a sub-query). */
  watchedIds: string[] | null;
  /** The complaint types (`complaint` filter); null when the filter is not given. */
  complaintTypeKeys: string[] | null;
};

const uuids = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

function teamTree(actor: Actor): SQL {
  return sql`SELECT id::text FROM (${teamUserIds(actor.userId)}) AS team(id)`;
}

function departmentTree(departmentId: string): SQL {
  return sql`SELECT id::text FROM (${departmentTreeIds(departmentId)}) AS tree(id)`;
}

/**
 * Resolves what the scope, the queue and the `complaint` filter need (the complaint types too: as
 * constants `type_key = ANY(…)` is an index condition, a semi-join on ticket_types is not); no query
 * at all for scope `all` without team or watching queue or complaint filter.
 */
export async function resolveTicketScope(
  db: DbOrTx,
  actor: Actor,
  filter: { queue: 'mine' | 'team' | 'unassigned' | 'watching' | 'all'; complaint?: boolean },
): Promise<ResolvedScope> {
  const people = scopedUserIds(actor);
  const needsWatched = people !== null || filter.queue === 'watching';
  const needsTeam = filter.queue === 'team';
  const needsTypes = filter.complaint !== undefined;
  const department = actor.dataScope === 'department' ? actor.departmentId : null;
  if (!needsWatched && !needsTeam && !needsTypes) {
    return { userIds: null, departmentIds: [], teamIds: [], watchedIds: [], complaintTypeKeys: null };
  }
  const none = sql`'{}'::text[]`;
  const result = await db.execute<{
    user_ids: string[] | null;
    department_ids: string[];
    team_ids: string[];
    watched_ids: string[];
    complaint_types: string[];
  }>(sql`SELECT
      ${actor.dataScope === 'own' || !people ? sql`NULL::text[]` : sql`ARRAY(SELECT id::text FROM (${people}) AS scope(id))`} AS user_ids,
      ${department ? sql`ARRAY(${departmentTree(department)})` : none} AS department_ids,
      ${needsTeam ? sql`ARRAY(${teamTree(actor)})` : none} AS team_ids,
      ${needsWatched ? sql`ARRAY(SELECT ticket_id::text FROM ticket_watchers WHERE user_id = ${actor.userId}::uuid LIMIT ${WATCHED_INLINE + 1})` : none} AS watched_ids,
      ${needsTypes ? sql`ARRAY(SELECT key FROM ticket_types WHERE is_complaint)` : none} AS complaint_types`);
  const row = result.rows[0];
  const watched = row?.watched_ids ?? [];
  return {
    userIds: people === null ? null : actor.dataScope === 'own' ? [actor.userId] : (row?.user_ids ?? []),
    departmentIds: row?.department_ids ?? [],
    teamIds: row?.team_ids ?? [],
    watchedIds: watched.length > WATCHED_INLINE ? null : watched,
    complaintTypeKeys: needsTypes ? (row?.complaint_types ?? []) : null,
  };
}

/** Tickets the actor watches, as a constant list when it is short. */
export function watchedBy(actor: Actor, scope: ResolvedScope): SQL {
  if (scope.watchedIds === null) {
    return sql`EXISTS (SELECT 1 FROM ticket_watchers tw WHERE tw.ticket_id = ${tickets.id} AND tw.user_id = ${actor.userId}::uuid)`;
  }
  return scope.watchedIds.length === 0 ? sql`FALSE` : sql`${tickets.id} = ANY(${uuids(scope.watchedIds)})`;
}

/** `column` is one of `ids` (an equality for one id, which reads like any single-value filter). */
export function oneOf(column: PgColumn, ids: string[]): SQL {
  if (ids.length === 0) return sql`FALSE`;
  return ids.length === 1 ? sql`${column} = ${ids[0]}::uuid` : sql`${column} = ANY(${uuids(ids)})`;
}

type Queue = 'mine' | 'team' | 'unassigned' | 'watching' | 'all';

/**
 * The tickets the actor may see (see ticketScope), from the resolved sets, without what the queue
 * already decides; undefined when no term is needed: scope `all`, `mine` (assigned to the actor,
 * who is always in their own scope) and a team lead's `team` queue (the same people and the same
 * unassigned tickets as the team scope). Under `unassigned` the assignee branch cannot match. Fewer OR branches leave the
 * planner an index-only count where the queue has an index of its own.
 */
export function resolvedScopeSql(actor: Actor, scope: ResolvedScope, queue: Queue = 'all'): SQL | undefined {
  if (scope.userIds === null) return undefined;
  const people = new Set(scope.userIds);
  if (queue === 'mine' && people.has(actor.userId)) return undefined;
  if (
    queue === 'team' &&
    actor.dataScope === 'team' &&
    scope.teamIds.length === people.size &&
    scope.teamIds.every((id) => people.has(id))
  ) {
    return undefined;
  }
  const unassigned = queue === 'unassigned';
  const branches: SQL[] = unassigned
    ? [oneOf(tickets.createdBy, scope.userIds)]
    : [oneOf(tickets.assigneeId, scope.userIds), oneOf(tickets.createdBy, scope.userIds)];
  if (actor.dataScope === 'team' && actor.departmentId) {
    branches.push(
      unassigned
        ? sql`${tickets.departmentId} = ${actor.departmentId}::uuid`
        : sql`(${tickets.assigneeId} IS NULL AND ${tickets.departmentId} = ${actor.departmentId}::uuid)`,
    );
  }
  if (actor.dataScope === 'department' && actor.departmentId) {
    branches.push(oneOf(tickets.departmentId, scope.departmentIds));
  }
  const watched = watchedBy(actor, scope);
  if (scope.watchedIds === null || scope.watchedIds.length > 0) branches.push(watched);
  return sql`(${or(...branches)})`;
}
