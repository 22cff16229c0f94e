import { PERMISSIONS, type Permission } from '@kefu/shared';
import type { DbOrTx } from '../../db/client.js';
import { recordEvent } from '../../events/outbox.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/index.js';
import { assertGrantWithinActor, assertMayChangeRole } from './roles.policy.js';
import * as repo from './roles.repository.js';

type ActorCtx = RequestContext & { actor: Actor };
type RoleInput = {
  name?: string;
  description?: string | null;
  permissions?: (typeof PERMISSIONS)[number][];
  dataScope?: 'own' | 'team' | 'department' | 'all';
};

export async function listRoles(deps: Deps, locale: 'zh-CN' | 'en') {
  return { items: await repo.listRoleViews(deps.database.db, locale) };
}

/** The permissions the app's modules declare (their manifests), in the shared catalog's order. */
export function listPermissions(declared: Iterable<Permission>) {
  const keys = new Set(declared);
  return {
    items: PERMISSIONS.filter((key) => keys.has(key)).map((key) => ({ key, group: key.split('.')[0] ?? key })),
  };
}

const nameIn = (role: { name: string; nameEn: string | null }, locale: 'zh-CN' | 'en') =>
  locale === 'en' ? (role.nameEn ?? role.name) : role.name;

async function viewOf(db: DbOrTx, key: string, locale: 'zh-CN' | 'en') {
  const view = (await repo.listRoleViews(db, locale)).find((r) => r.key === key);
  if (!view) throw new AppError('roles.not_found', 404);
  return view;
}

export async function createRole(
  deps: Deps,
  ctx: ActorCtx,
  input: Required<Omit<RoleInput, 'description'>> & { key: string; description?: string | null },
) {
  assertGrantWithinActor(ctx.actor, input);
  const view = await deps.database.db.transaction(async (tx) => {
    if (await repo.findRoleRow(tx, input.key)) {
      throw new AppError('roles.key_taken', 409, {
        params: { key: input.key },
        fields: [{ path: 'key', message: 'taken' }],
      });
    }
    const row = await repo.insertRole(tx, { ...input, permissions: [...new Set(input.permissions)], isSystem: false });
    await recordAudit(tx, ctx, { action: 'role.created', entityType: 'role', entityId: row.key, after: row });
    await recordEvent(tx, 'role.created', { roleKey: row.key }, ctx.actor.userId);
    return viewOf(tx, row.key, ctx.locale);
  });
  return view;
}

export async function updateRole(deps: Deps, ctx: ActorCtx, key: string, input: RoleInput) {
  const view = await deps.database.db.transaction(async (tx) => {
    const before = await repo.findRoleRow(tx, key);
    if (!before) throw new AppError('roles.not_found', 404);
    assertMayChangeRole(ctx.actor, { ...before, name: nameIn(before, ctx.locale) });
    assertGrantWithinActor(ctx.actor, {
      permissions: input.permissions ?? before.permissions,
      dataScope: input.dataScope ?? before.dataScope,
    });
    const narrowsAdmin =
      key === 'admin' &&
      ((input.permissions && PERMISSIONS.some((p) => !input.permissions?.includes(p))) ||
        (input.dataScope && input.dataScope !== 'all'));
    if (narrowsAdmin) throw new AppError('roles.admin_locked', 409);
    const values = input.permissions ? { ...input, permissions: [...new Set(input.permissions)] } : input;
    const after = await repo.updateRole(tx, key, values);
    await recordAudit(tx, ctx, { action: 'role.updated', entityType: 'role', entityId: key, before, after });
    await recordEvent(tx, 'role.updated', { roleKey: key }, ctx.actor.userId);
    return viewOf(tx, key, ctx.locale);
  });
  return view;
}

export async function deleteRole(deps: Deps, ctx: ActorCtx, key: string) {
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.findRoleRow(tx, key);
    if (!before) throw new AppError('roles.not_found', 404);
    assertMayChangeRole(ctx.actor, { ...before, name: nameIn(before, ctx.locale) });
    if (before.isSystem) throw new AppError('roles.system_role', 409);
    const users = await repo.countUsersWithRole(tx, key);
    if (users > 0) throw new AppError('roles.in_use', 409, { params: { count: users } });
    await repo.deleteRole(tx, key);
    await recordAudit(tx, ctx, { action: 'role.deleted', entityType: 'role', entityId: key, before });
    await recordEvent(tx, 'role.deleted', { roleKey: key }, ctx.actor.userId);
  });
}
