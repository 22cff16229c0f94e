import { recordEvent } from '../../events/outbox.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/index.js';
import { findRoleRow } from '../roles/index.js';
import { findUserView, updateUser } from '../users/index.js';

export async function getMe(deps: Deps, userId: string, locale?: 'zh-CN' | 'en') {
  const { db } = deps.database;
  const probe = await findUserView(db, userId, locale ?? 'zh-CN');
  if (!probe) throw new AppError('unauthenticated', 401);
  const user = locale ? probe : await findUserView(db, userId, probe.locale);
  const role = await findRoleRow(db, probe.roleKey);
  if (!user || !role) throw new AppError('unauthenticated', 401);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    phone: user.phone,
    locale: user.locale,
    role: { key: user.roleKey, name: user.roleName },
    permissions: role.permissions,
    dataScope: role.dataScope,
    department: user.departmentId && user.departmentName ? { id: user.departmentId, name: user.departmentName } : null,
    superior: user.superiorId && user.superiorName ? { id: user.superiorId, displayName: user.superiorName } : null,
  };
}

export async function updateMe(
  deps: Deps,
  ctx: RequestContext & { actor: Actor },
  input: { displayName?: string; locale?: 'zh-CN' | 'en' },
) {
  await deps.database.db.transaction(async (tx) => {
    const before = await findUserView(tx, ctx.actor.userId, ctx.locale);
    await updateUser(tx, ctx.actor.userId, input);
    await recordAudit(tx, ctx, {
      action: 'user.profile_updated',
      entityType: 'user',
      entityId: ctx.actor.userId,
      before: before && { displayName: before.displayName, locale: before.locale },
      after: input,
    });
    await recordEvent(tx, 'user.updated', { userId: ctx.actor.userId, fields: Object.keys(input) }, ctx.actor.userId);
  });
  return getMe(deps, ctx.actor.userId, input.locale ?? ctx.locale);
}
