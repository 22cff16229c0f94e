import { type SQL, sql } from 'drizzle-orm';
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
      return sql`WITH RECURSIVE team(id) AS (
          SELECT ${actor.userId}::uuid
          UNION
          SELECT u.id FROM users u JOIN team t ON u.superior_id = t.id
        ) SELECT id FROM team`;
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
