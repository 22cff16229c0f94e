import type { DbOrTx } from '../../db/client.js';
import { recordEvent } from '../../events/outbox.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import type { PageQuery } from '../../lib/pagination.js';
import { assertStrongPassword, hashPassword } from '../../lib/passwords.js';
import { recordAudit } from '../audit/index.js';
import { revokeCredentials } from '../auth/index.js';
import { findDepartmentRow } from '../departments/index.js';
import { excessOf, findRoleRow, isAdministrator } from '../roles/index.js';
import { assertCanGrant, assertMayManage, assertNotLastAdmin, assertReachWithinActor } from './users.policy.js';
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

type StoredView = Omit<UserView, 'manageable'>;

/**
 * Adds `manageable` — whether the caller may edit, disable or reset the password of each user — as
 * a hint for the web. It checks what is cheap for a whole page (self, administrators, permissions,
 * scope level, superiors); the use cases still decide each request with the full rule.
 */
async function withManageable(db: DbOrTx, actor: Actor, views: StoredView[]): Promise<UserView[]> {
  if (views.length === 0) return [];
  const byKey = new Map((await repo.roleGrants(db)).map((g) => [g.key, g]));
  const superiors = new Set(await repo.superiorsOf(db, actor.userId));
  return views.map((view) => {
    const grant = byKey.get(view.roleKey);
    const manageable =
      view.id !== actor.userId &&
      !superiors.has(view.id) &&
      (isAdministrator(actor) || view.roleKey !== 'admin') &&
      grant !== undefined &&
      excessOf(actor, grant).length === 0;
    return { ...view, manageable };
  });
}

export async function listUsers(deps: Deps, ctx: ActorCtx, filter: repo.UserFilter, page: PageQuery) {
  const { db } = deps.database;
  const { items, total } = await repo.listUsersInScope(db, ctx.actor, filter, page, ctx.locale);
  return { items: await withManageable(db, ctx.actor, items), total, page: page.page, pageSize: page.pageSize };
}

export async function getUser(deps: Deps, ctx: ActorCtx, id: string): Promise<UserView> {
  const { db } = deps.database;
  const user = await repo.findUserViewInScope(db, ctx.actor, id, ctx.locale);
  if (!user) throw new AppError('users.not_found', 404);
  const [view] = await withManageable(db, ctx.actor, [user]);
  return view as UserView;
}

/** The organisational fields of an edit that differ from the stored user (a full form resends all). */
function orgChanges(input: UpdateUserInput, before?: StoredView) {
  const changed = (key: 'roleKey' | 'departmentId' | 'superiorId') =>
    input[key] !== undefined && (before === undefined || input[key] !== before[key]);
  return { roleKey: changed('roleKey'), departmentId: changed('departmentId'), superiorId: changed('superiorId') };
}

/**
 * What the actor assigns must lie within their own reach: a role they could hold (no more
 * permissions, no wider scope), a department in their scope, a superior they can see.
 */
async function assertReferences(
  db: DbOrTx,
  actor: Actor,
  input: UpdateUserInput,
  changes: ReturnType<typeof orgChanges>,
  userId?: string,
) {
  if (changes.roleKey && input.roleKey !== undefined) {
    const role = await findRoleRow(db, input.roleKey);
    if (!role) throw badRequest('roles.not_found', {}, [{ path: 'roleKey', message: 'unknown role' }]);
    assertCanGrant(actor, role);
  }
  if (changes.departmentId && input.departmentId !== undefined) {
    if (input.departmentId && !(await findDepartmentRow(db, input.departmentId))) {
      throw badRequest('departments.not_found', {}, [{ path: 'departmentId', message: 'unknown department' }]);
    }
    if (!(await repo.departmentInScope(db, actor, input.departmentId))) {
      throw new AppError('users.department_out_of_scope', 403, {
        fields: [{ path: 'departmentId', message: 'outside the caller’s scope' }],
      });
    }
  }
  if (changes.superiorId && input.superiorId) {
    // A superior outside the caller's scope looks exactly like an unknown one.
    if (!(await repo.userInScope(db, actor, input.superiorId))) {
      throw badRequest('users.not_found', {}, [{ path: 'superiorId', message: 'unknown user' }]);
    }
    if (userId && (await repo.isSelfOrSubordinate(db, userId, input.superiorId))) {
      throw badRequest('users.superior_cycle', {}, [{ path: 'superiorId', message: 'cycle' }]);
    }
  }
}

/** Nobody changes their own role, department or superior (nor disables themself). */
function assertOwnAccountEdit(input: UpdateUserInput, before: StoredView) {
  if (input.isActive === false) {
    throw badRequest('users.cannot_disable_self', {}, [{ path: 'isActive', message: 'self' }]);
  }
  const changes = orgChanges(input, before);
  const fields = (Object.keys(changes) as (keyof typeof changes)[]).filter((k) => changes[k]);
  if (fields.length > 0) {
    throw new AppError('users.cannot_edit_self_org', 403, {
      fields: fields.map((path) => ({ path, message: 'own account' })),
    });
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
    await assertReferences(tx, ctx.actor, input, orgChanges(input));
    if (input.departmentId === undefined && !(await repo.departmentInScope(tx, ctx.actor, null))) {
      throw new AppError('users.department_out_of_scope', 403, {
        fields: [{ path: 'departmentId', message: 'required within the caller’s scope' }],
      });
    }
    const { password: _password, ...values } = input;
    const row = await repo.insertUser(tx, { ...values, passwordHash });
    await assertReachWithinActor(tx, ctx.actor, row.id);
    const created = await repo.findUserView(tx, row.id, ctx.locale);
    await recordAudit(tx, ctx, { action: 'user.created', entityType: 'user', entityId: row.id, after: created });
    await recordEvent(tx, 'user.created', { userId: row.id }, ctx.actor.userId);
    return row.id;
  });
  return getUser(deps, ctx, id);
}

export async function updateUser(deps: Deps, ctx: ActorCtx, id: string, input: UpdateUserInput): Promise<UserView> {
  const self = id === ctx.actor.userId;
  const fields = Object.keys(input).filter((k) => input[k as keyof UpdateUserInput] !== undefined);
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.findUserViewInScope(tx, ctx.actor, id, ctx.locale);
    if (!before) throw new AppError('users.not_found', 404);
    if (self) assertOwnAccountEdit(input, before);
    else await assertMayManage(tx, ctx.actor, id);
    await assertReferences(tx, ctx.actor, input, orgChanges(input, before), id);
    const demoted = input.roleKey !== undefined && input.roleKey !== 'admin';
    if (before.roleKey === 'admin' && (input.isActive === false || demoted)) await assertNotLastAdmin(tx, id);
    await repo.updateUser(tx, id, input);
    if (!self) await assertReachWithinActor(tx, ctx.actor, id);
    if (input.isActive === false) await revokeCredentials(tx, id);
    const after = await repo.findUserView(tx, id, ctx.locale);
    await recordAudit(tx, ctx, {
      action: input.roleKey !== undefined && input.roleKey !== before.roleKey ? 'user.role_changed' : 'user.updated',
      entityType: 'user',
      entityId: id,
      before,
      after,
    });
    await recordEvent(tx, 'user.updated', { userId: id, fields }, ctx.actor.userId);
  });
  return getUser(deps, ctx, id);
}

export async function resetUserPassword(deps: Deps, ctx: ActorCtx, id: string, newPassword: string) {
  assertStrongPassword(newPassword, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await deps.database.db.transaction(async (tx) => {
    if (!(await repo.findUserViewInScope(tx, ctx.actor, id, ctx.locale))) throw new AppError('users.not_found', 404);
    // One's own password is changed with the current one (/auth/password), never reset here.
    if (id === ctx.actor.userId) throw new AppError('users.cannot_reset_own_password', 403);
    await assertMayManage(tx, ctx.actor, id);
    await repo.updateUser(tx, id, { passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null });
    await revokeCredentials(tx, id);
    await recordAudit(tx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id });
    await recordEvent(tx, 'user.updated', { userId: id, fields: ['password'] }, ctx.actor.userId);
  });
}
