import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import type { Actor } from './actor.js';

/**
 * The ids of the users whose records the actor may see, as a SQL subquery to put inside the list
 * query itself (never a filter applied after it), or `null` when the scope is "all".
 * - own: the actor alone;
 * - team: the actor and everyone below them along the reporting line (direct superior), any depth;
 * - department: every user of the actor's department and of its sub-departments.
 * Records are in scope when their owner's id is in this set (for users: the user's own id).
 */
export function scopedUserIds(actor: Actor): SQL | null {
  switch (actor.dataScope) {
    case 'all':
      return null;
    case 'own':
      return sql`SELECT ${actor.userId}::uuid`;
    case 'team':
      return teamUserIds(actor.userId);
    case 'department':
      if (!actor.departmentId) return sql`SELECT ${actor.userId}::uuid`;
      return sql`WITH RECURSIVE tree(id) AS (
          SELECT ${actor.departmentId}::uuid
          UNION
          SELECT d.id FROM departments d JOIN tree t ON d.parent_id = t.id
        ) SELECT u.id FROM users u WHERE u.department_id IN (SELECT id FROM tree) OR u.id = ${actor.userId}::uuid`;
  }
}

/** `column IN (scope)` or TRUE. */
export function inScope(column: SQL | { name: string }, actor: Actor): SQL {
  const ids = scopedUserIds(actor);
  return ids ? sql`${column} IN (${ids})` : sql`TRUE`;
}

/** The ids of a user and of everyone below them along the reporting line, as a SQL subquery. */
export function teamUserIds(userId: string): SQL {
  return sql`WITH RECURSIVE team(id) AS (
      SELECT ${userId}::uuid
      UNION
      SELECT u.id FROM users u JOIN team t ON u.superior_id = t.id
    ) SELECT id FROM team`;
}

/** The ids of a department and of every department below it, as a SQL subquery. */
export function departmentTreeIds(departmentId: string): SQL {
  return sql`WITH RECURSIVE tree(id) AS (
      SELECT ${departmentId}::uuid
      UNION
      SELECT d.id FROM departments d JOIN tree t ON d.parent_id = t.id
    ) SELECT id FROM tree`;
}

/**
 * Who a record concerns, as data (so that it can be stored on an audit entry or checked against a
 * connected browser's scope without reading the owning module's tables):
 * - userIds: its owner, staff contacts, assignee, creator: a reader sees the record when one of
 *   them is among the users of the reader's data scope (`scopedUserIds`);
 * - departmentIds: its responsible department: readers with scope `department` whose department
 *   tree holds it see the record (tickets);
 * - teamDepartmentIds: readers with scope `team` whose own department is one of these see it (a
 *   ticket waiting unassigned in that department's queue);
 * - viewerIds: users who see it whatever their scope (ticket watchers).
 */
export type RecordAudience = {
  userIds: string[];
  departmentIds?: string[];
  teamDepartmentIds?: string[];
  viewerIds?: string[];
};

/** Reads the audiences of records of one entity type, keyed by id; unknown ids are left out. */
export type AudienceResolver = (db: DbOrTx, ids: string[]) => Promise<Map<string, RecordAudience>>;

const audienceResolvers = new Map<string, AudienceResolver>();

/**
 * Registers how the owning module tells who a record of `entityType` concerns (called once at
 * start, see app.ts). The audit log stores it on each entry; the real-time hub filters events by it.
 */
export function registerRecordAudience(entityType: string, resolver: AudienceResolver): void {
  audienceResolvers.set(entityType, resolver);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The audiences of the records `ids` of `entityType`, or `null` when no module registered a
 * resolver for the type. Ids that are not UUIDs are skipped (no cast error inside a caller's
 * transaction).
 */
export async function resolveRecordAudiences(
  db: DbOrTx,
  entityType: string,
  ids: readonly string[],
): Promise<Map<string, RecordAudience> | null> {
  const resolver = audienceResolvers.get(entityType);
  if (!resolver) return null;
  const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
  return valid.length === 0 ? new Map() : resolver(db, valid);
}

/** A reader's data scope resolved to sets, for checks in memory (e.g. per connected browser). */
export type ReaderScope = {
  actor: Actor;
  /** null: scope `all`. */
  userIds: ReadonlySet<string> | null;
  /** scope `department`: the reader's department and those below it. */
  departmentIds: ReadonlySet<string>;
};

export async function resolveReaderScope(db: DbOrTx, actor: Actor): Promise<ReaderScope> {
  const ids = scopedUserIds(actor);
  if (!ids) return { actor, userIds: null, departmentIds: new Set() };
  const users = await db.execute<{ id: string }>(sql`SELECT id::text AS id FROM (${ids}) AS scope(id)`);
  let departmentIds = new Set<string>();
  if (actor.dataScope === 'department' && actor.departmentId) {
    const tree = await db.execute<{ id: string }>(
      sql`SELECT id::text AS id FROM (${departmentTreeIds(actor.departmentId)}) AS tree(id)`,
    );
    departmentIds = new Set(tree.rows.map((r) => r.id));
  }
  return { actor, userIds: new Set(users.rows.map((r) => r.id)), departmentIds };
}

/** Whether a reader's scope includes a record with this audience (the rules of RecordAudience). */
export function audienceIncludes(audience: RecordAudience, reader: ReaderScope): boolean {
  const { actor, userIds } = reader;
  if (userIds === null) return true;
  if (audience.viewerIds?.includes(actor.userId)) return true;
  if (audience.userIds.some((id) => userIds.has(id))) return true;
  if (actor.dataScope === 'department' && audience.departmentIds?.some((id) => reader.departmentIds.has(id))) {
    return true;
  }
  return (
    actor.dataScope === 'team' &&
    actor.departmentId !== null &&
    (audience.teamDepartmentIds?.includes(actor.departmentId) ?? false)
  );
}
