import type { DbOrTx } from '../../db/client.js';
import { recordEvent } from '../../events/outbox.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/index.js';
import { findUserRow } from '../users/index.js';
import { assertMayChangeDepartment } from './departments.policy.js';
import * as repo from './departments.repository.js';

type ActorCtx = RequestContext & { actor: Actor };
type DepartmentInput = { name?: string; parentId?: string | null; managerId?: string | null; sortOrder?: number };

export async function listDepartments(deps: Deps) {
  return { items: await repo.listDepartmentViews(deps.database.db) };
}

async function assertReferences(db: DbOrTx, input: DepartmentInput, id?: string) {
  if (input.parentId) {
    if (!(await repo.findDepartmentRow(db, input.parentId))) {
      throw badRequest('departments.not_found', {}, [{ path: 'parentId', message: 'unknown department' }]);
    }
    if (id && (await repo.isSelfOrDescendant(db, id, input.parentId))) {
      throw badRequest('departments.parent_cycle', {}, [{ path: 'parentId', message: 'cycle' }]);
    }
  }
  if (input.managerId && !(await findUserRow(db, input.managerId))) {
    throw badRequest('users.not_found', {}, [{ path: 'managerId', message: 'unknown user' }]);
  }
}

async function viewOf(db: DbOrTx, id: string) {
  const view = (await repo.listDepartmentViews(db)).find((d) => d.id === id);
  if (!view) throw new AppError('departments.not_found', 404);
  return view;
}

export async function createDepartment(deps: Deps, ctx: ActorCtx, input: DepartmentInput & { name: string }) {
  const view = await deps.database.db.transaction(async (tx) => {
    await assertReferences(tx, input);
    await assertMayChangeDepartment(tx, ctx.actor, input);
    const row = await repo.insertDepartment(tx, input);
    await recordAudit(tx, ctx, {
      action: 'department.created',
      entityType: 'department',
      entityId: row.id,
      after: row,
    });
    await recordEvent(tx, 'department.created', { departmentId: row.id }, ctx.actor.userId);
    return viewOf(tx, row.id);
  });
  return view;
}

export async function updateDepartment(deps: Deps, ctx: ActorCtx, id: string, input: DepartmentInput) {
  const view = await deps.database.db.transaction(async (tx) => {
    const before = await repo.findDepartmentRow(tx, id);
    if (!before) throw new AppError('departments.not_found', 404);
    await assertReferences(tx, input, id);
    await assertMayChangeDepartment(tx, ctx.actor, { ...input, id });
    const after = await repo.updateDepartment(tx, id, input);
    await recordAudit(tx, ctx, { action: 'department.updated', entityType: 'department', entityId: id, before, after });
    await recordEvent(tx, 'department.updated', { departmentId: id }, ctx.actor.userId);
    return viewOf(tx, id);
  });
  return view;
}

export async function deleteDepartment(deps: Deps, ctx: ActorCtx, id: string) {
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.findDepartmentRow(tx, id);
    if (!before) throw new AppError('departments.not_found', 404);
    await assertMayChangeDepartment(tx, ctx.actor, { id });
    if ((await repo.countChildrenAndMembers(tx, id)) > 0) throw new AppError('departments.not_empty', 409);
    await repo.deleteDepartment(tx, id);
    await recordAudit(tx, ctx, { action: 'department.deleted', entityType: 'department', entityId: id, before });
    await recordEvent(tx, 'department.deleted', { departmentId: id }, ctx.actor.userId);
  });
}
