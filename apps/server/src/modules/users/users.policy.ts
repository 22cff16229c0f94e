import type { DataScope } from '@kefu/shared';
import { and, count, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import { ADMIN_ROLE, excessOf, isAdministrator } from '../roles/index.js';
import * as repo from './users.repository.js';
import { users } from './users.tables.js';

type RoleRow = { key: string; name: string; permissions: string[]; dataScope: DataScope };

/**
 * No escalation: whoever assigns a role must already hold every permission in it and a data scope
 * at least as wide; the administrator role is given by administrators only. Otherwise
 * `users.write` alone would let anyone make themselves (or an accomplice) administrator.
 */
export function assertCanGrant(actor: Actor, role: RoleRow): void {
  const excess = excessOf(actor, role);
  if (excess.length > 0 || (role.key === ADMIN_ROLE && !isAdministrator(actor))) {
    throw new AppError('users.role_escalation', 403, {
      params: { role: role.name },
      fields: [{ path: 'roleKey', message: `exceeds caller: ${excess.join(', ') || ADMIN_ROLE}` }],
    });
  }
}

/**
 * Whether `target` holds anything the actor does not, so that editing, disabling or resetting
 * them could hand the actor more than they have:
 * - an administrator, unless the actor is one (only administrators manage administrators);
 * - a permission the actor lacks, or a wider data-scope level;
 * - a data reach not inside the actor's (e.g. a team whose members sit outside the actor's
 *   department);
 * - someone above the actor along the reporting line (no one manages their own superiors).
 * The actor never outranks themself; what they may change on their own account is a separate rule.
 */
export async function outranks(db: DbOrTx, actor: Actor, target: repo.Authority): Promise<boolean> {
  if (target.id === actor.userId) return false;
  if (target.roleKey === ADMIN_ROLE && !isAdministrator(actor)) return true;
  if (excessOf(actor, target).length > 0) return true;
  if (!(await repo.reachWithin(db, target, actor))) return true;
  return repo.isSelfOrSubordinate(db, target.id, actor.userId);
}

/** Editing, disabling or resetting the password of `targetId` (already known to be in scope). */
export async function assertMayManage(db: DbOrTx, actor: Actor, targetId: string): Promise<void> {
  const target = await repo.findAuthority(db, targetId);
  if (!target) throw new AppError('users.not_found', 404);
  if (await outranks(db, actor, target)) {
    throw new AppError('users.target_outranks_actor', 403, { params: { name: target.displayName } });
  }
}

/** After a create or an edit, inside its transaction: the user's reach must lie within the actor's. */
export async function assertReachWithinActor(db: DbOrTx, actor: Actor, targetId: string): Promise<void> {
  const target = await repo.findAuthority(db, targetId);
  if (target && !(await repo.reachWithin(db, target, actor))) {
    throw new AppError('users.grant_exceeds_actor', 403);
  }
}

/** The last active administrator can be neither disabled nor given another role (no lock-out). */
export async function assertNotLastAdmin(db: DbOrTx, userId: string): Promise<void> {
  const [others] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.roleKey, ADMIN_ROLE), eq(users.isActive, true), ne(users.id, userId)));
  if ((others?.n ?? 0) === 0) throw new AppError('users.last_admin', 409);
}
