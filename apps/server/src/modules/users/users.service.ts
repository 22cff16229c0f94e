import type { DbOrTx } from '../../db/client.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import type { PageQuery } from '../../lib/pagination.js';
import { assertStrongPassword, hashPassword } from '../../lib/passwords.js';
import { recordAudit } from '../audit/audit.service.js';
import { deleteSessionsOfUser } from '../auth/auth.repository.js';
import { findDepartmentRow } from '../departments/departments.repository.js';
import { findRoleRow } from '../roles/roles.repository.js';
import { assertCanGrant, assertNotLastAdmin } from './users.policy.js';
import * as repo from './users.repository.js';
import type { UserView } from './users.schemas.js';

type ActorCtx = RequestContext & { actor: Actor };

export type CreateUserInput = {
  username: string;
  displayName: string;
  password: string;
  roleKey: string;
  departmentId?: string | null;
  superiorId?: string | null;
  email?: string | null;
  phone?: string | null;
  locale?: 'zh-CN' | 'en';
};

export type UpdateUserInput = Partial<Omit<CreateUserInput, 'username' | 'password'>> & { isActive?: boolean };

export async function listUsers(deps: Deps, ctx: ActorCtx, filter: repo.UserFilter, page: PageQuery) {
  const { items, total } = await repo.listUsersInScope(deps.database.db, ctx.actor, filter, page, ctx.locale);
  return { items, total, page: page.page, pageSize: page.pageSize };
}

export async function getUser(deps: Deps, ctx: ActorCtx, id: string): Promise<UserView> {
  const user = await repo.findUserViewInScope(deps.database.db, ctx.actor, id, ctx.locale);
  if (!user) throw new AppError('users.not_found', 404);
  return user;
}

async function assertReferences(db: DbOrTx, actor: Actor, input: UpdateUserInput, userId?: string) {
  if (input.roleKey !== undefined) {
    const role = await findRoleRow(db, input.roleKey);
    if (!role) throw badRequest('roles.not_found', {}, [{ path: 'roleKey', message: 'unknown role' }]);
    assertCanGrant(actor, role);
  }
  if (input.departmentId && !(await findDepartmentRow(db, input.departmentId))) {
    throw badRequest('departments.not_found', {}, [{ path: 'departmentId', message: 'unknown department' }]);
  }
  if (input.superiorId) {
    if (!(await repo.findUserRow(db, input.superiorId))) {
      throw badRequest('users.not_found', {}, [{ path: 'superiorId', message: 'unknown user' }]);
    }
    if (userId && (await repo.isSelfOrSubordinate(db, userId, input.superiorId))) {
      throw badRequest('users.superior_cycle', {}, [{ path: 'superiorId', message: 'cycle' }]);
    }
  }
}

export async function createUser(deps: Deps, ctx: ActorCtx, input: CreateUserInput): Promise<UserView> {
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const id = await deps.database.db.transaction(async (tx) => {
    if (await repo.usernameExists(tx, input.username)) {
      throw new AppError('users.username_taken', 409, {
        params: { username: input.username },
        fields: [{ path: 'username', message: 'taken' }],
      });
    }
    await assertReferences(tx, ctx.actor, input);
    const { password: _password, ...values } = input;
    const row = await repo.insertUser(tx, { ...values, passwordHash });
    const created = await repo.findUserView(tx, row.id, ctx.locale);
    await recordAudit(tx, ctx, { action: 'user.created', entityType: 'user', entityId: row.id, after: created });
    return row.id;
  });
  deps.bus.emit('user.created', { userId: id }, ctx.actor.userId);
  return getUser(deps, ctx, id);
}

export async function updateUser(deps: Deps, ctx: ActorCtx, id: string, input: UpdateUserInput): Promise<UserView> {
  if (input.isActive === false && id === ctx.actor.userId) {
    throw badRequest('users.cannot_disable_self', {}, [{ path: 'isActive', message: 'self' }]);
  }
  const fields = Object.keys(input).filter((k) => input[k as keyof UpdateUserInput] !== undefined);
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.findUserViewInScope(tx, ctx.actor, id, ctx.locale);
    if (!before) throw new AppError('users.not_found', 404);
    await assertReferences(tx, ctx.actor, input, id);
    const demoted = input.roleKey !== undefined && input.roleKey !== 'admin';
    if (before.roleKey === 'admin' && (input.isActive === false || demoted)) await assertNotLastAdmin(tx, id);
    await repo.updateUser(tx, id, input);
    if (input.isActive === false) await deleteSessionsOfUser(tx, id);
    const after = await repo.findUserView(tx, id, ctx.locale);
    await recordAudit(tx, ctx, {
      action: input.roleKey !== undefined && input.roleKey !== before.roleKey ? 'user.role_changed' : 'user.updated',
      entityType: 'user',
      entityId: id,
      before,
      after,
    });
  });
  deps.bus.emit('user.updated', { userId: id, fields }, ctx.actor.userId);
  return getUser(deps, ctx, id);
}

export async function resetUserPassword(deps: Deps, ctx: ActorCtx, id: string, newPassword: string) {
  assertStrongPassword(newPassword, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await deps.database.db.transaction(async (tx) => {
    if (!(await repo.findUserViewInScope(tx, ctx.actor, id, ctx.locale))) throw new AppError('users.not_found', 404);
    await repo.updateUser(tx, id, { passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null });
    await deleteSessionsOfUser(tx, id);
    await recordAudit(tx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id });
  });
  deps.bus.emit('user.updated', { userId: id, fields: ['password'] }, ctx.actor.userId);
}
