import { DATA_SCOPES, type DataScope } from '@kefu/shared';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';

/**
 * What a role grants, compared with what the actor holds. The rule of issue 10 (defects 3 and 4):
 * nobody grants — to a role or, through a role, to a user — a permission they lack or a data scope
 * wider than their own (own < team < department < all).
 */
export type Grant = { permissions: readonly string[]; dataScope: DataScope };

export const ADMIN_ROLE = 'admin';

export const isAdministrator = (actor: Pick<Actor, 'roleKey'>) => actor.roleKey === ADMIN_ROLE;

export const scopeRank = (scope: DataScope) => DATA_SCOPES.indexOf(scope);

/** The permissions (and the scope) in `grant` that the actor does not hold; empty when within. */
export function excessOf(actor: Pick<Actor, 'permissions' | 'dataScope'>, grant: Grant): string[] {
  const missing = grant.permissions.filter((p) => !actor.permissions.has(p as never));
  const wider = scopeRank(grant.dataScope) > scopeRank(actor.dataScope);
  return [...new Set(missing), ...(wider ? [grant.dataScope] : [])];
}

/** Creating a role, or the state a role change would leave: never more than the actor holds. */
export function assertGrantWithinActor(actor: Actor, grant: Grant): void {
  const excess = excessOf(actor, grant);
  if (excess.length > 0) {
    throw new AppError('roles.grant_exceeds_actor', 403, {
      params: { items: excess.join(', ') },
      fields: [{ path: excess.includes(grant.dataScope) ? 'dataScope' : 'permissions', message: excess.join(', ') }],
    });
  }
}

/**
 * Who may change (or delete) an existing role: not a holder of it (no one widens their own
 * access), only an administrator for a built-in role (it applies to everybody), and nobody below
 * the role itself (no narrowing or renaming of a role that holds more than the actor).
 */
export function assertMayChangeRole(
  actor: Actor,
  role: Grant & { key: string; name: string; isSystem: boolean },
): void {
  if (role.key === actor.roleKey) throw new AppError('roles.cannot_edit_own_role', 403);
  if (role.isSystem && !isAdministrator(actor)) throw new AppError('roles.system_role_admin_only', 403);
  if (excessOf(actor, role).length > 0) {
    throw new AppError('roles.target_exceeds_actor', 403, { params: { role: role.name } });
  }
}
