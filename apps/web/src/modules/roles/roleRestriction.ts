import { DATA_SCOPES, type DataScope } from '@kefu/shared';

/** What the server needs to know of the caller to decide on a role change (`Me` satisfies it). */
export type RoleActor = { role: { key: string }; permissions: readonly string[]; dataScope: DataScope };
type RoleLike = { key: string; isSystem: boolean; permissions: readonly string[]; dataScope: DataScope };

/** Why the caller may not change (or delete) a role, mirroring the server's rule; undefined when they may. */
export type RoleRestriction = 'ownRole' | 'systemRole' | 'exceeds';

const rank = (scope: DataScope) => DATA_SCOPES.indexOf(scope);

export function roleRestriction(me: RoleActor | null | undefined, role: RoleLike): RoleRestriction | undefined {
  if (!me) return 'exceeds';
  if (role.key === me.role.key) return 'ownRole';
  if (role.isSystem && me.role.key !== 'admin') return 'systemRole';
  if (!canGrant(me, role)) return 'exceeds';
  return undefined;
}

/** Whether the caller holds every permission in `grant` and a data scope at least as wide. */
export function canGrant(me: RoleActor, grant: { permissions: readonly string[]; dataScope: DataScope }): boolean {
  const held = new Set(me.permissions);
  return grant.permissions.every((p) => held.has(p)) && rank(grant.dataScope) <= rank(me.dataScope);
}

/** The data scopes the caller may put on a role: up to their own. */
export const grantableScopes = (me: RoleActor | null | undefined) =>
  me ? DATA_SCOPES.filter((scope) => rank(scope) <= rank(me.dataScope)) : [];
