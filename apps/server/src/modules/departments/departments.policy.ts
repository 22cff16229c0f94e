import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { departmentTreeIds } from '../../lib/data-scope.js';
import { userDepartmentSql } from '../users/index.js';

type Change = { id?: string; parentId?: string | null; managerId?: string | null };

/**
 * Holding `departments.write` never widens one's own reach (issue 10): below data scope `all`, an
 * actor changes only departments strictly below their own (never their own department, whose
 * place and manager belong to the level above), puts departments only under their own tree, and
 * names as manager only a member of that tree. So nobody pulls another department under their own
 * to see its people, or moves their department to escape its manager.
 */
export async function assertMayChangeDepartment(db: DbOrTx, actor: Actor, change: Change) {
  if (actor.dataScope === 'all') return;
  const home = actor.departmentId;
  const refuse = () => new AppError('departments.outside_own_tree', 403);
  if (!home || actor.dataScope !== 'department') throw refuse();
  const below = async (candidate: string, strictly: boolean) => {
    if (strictly && candidate === home) return false;
    const result = await db.execute<{ found: boolean }>(
      sql`SELECT ${candidate}::uuid IN (${departmentTreeIds(home)}) AS found`,
    );
    return Boolean(result.rows[0]?.found);
  };
  if (change.id !== undefined && !(await below(change.id, true))) throw refuse();
  // A new department must have a parent; an existing one keeps its parent when none is sent.
  if (change.parentId === null || (change.id === undefined && change.parentId === undefined)) throw refuse();
  if (change.parentId && !(await below(change.parentId, false))) throw refuse();
  if (change.managerId) {
    const result = await db.execute<{ found: boolean }>(
      sql`SELECT coalesce(${userDepartmentSql(sql`${change.managerId}::uuid`)} IN (${departmentTreeIds(home)}), false) AS found`,
    );
    if (!result.rows[0]?.found) throw refuse();
  }
}
