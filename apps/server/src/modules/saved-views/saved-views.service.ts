import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './saved-views.repository.js';
import type { SavedViewDto, SavedViewModule, SaveViewInput } from './saved-views.schemas.js';

type ActorCtx = RequestContext & { actor: Actor };

function toDto(row: repo.SavedViewRow, actor: Actor): SavedViewDto {
  return {
    id: row.id,
    module: row.module as SavedViewModule,
    name: row.name,
    query: row.query,
    isShared: row.isShared,
    isOwn: true,
    ownerId: row.userId,
    ownerName: actor.displayName,
    createdAt: row.createdAt,
  };
}

/** The caller's views of a module, then the views others share (each with its owner's name). */
export async function listSavedViews(deps: Deps, actor: Actor, module: SavedViewModule) {
  const rows = await repo.listVisibleViews(deps.database.db, actor.userId, module);
  return { items: rows.map((row) => ({ ...row, module: row.module as SavedViewModule, isOwn: Boolean(row.isOwn) })) };
}

/**
 * Saves a view of the caller's. A view of the same name (same module) is replaced: its query and
 * sharing change, its id stays. Returns whether it was created.
 */
export async function saveView(deps: Deps, ctx: ActorCtx, input: SaveViewInput) {
  const userId = ctx.actor.userId;
  return deps.database.db.transaction(async (tx) => {
    await repo.lockUserModule(tx, userId, input.module);
    const before = await repo.findOwnViewByName(tx, userId, input.module, input.name);
    if (before) {
      const after = await repo.updateView(tx, before.id, { query: input.query, isShared: input.isShared });
      await recordAudit(tx, ctx, {
        action: 'saved_view.updated',
        entityType: 'saved_view',
        entityId: after.id,
        before,
        after,
      });
      return { created: false, view: toDto(after, ctx.actor) };
    }
    const row = await repo.insertView(tx, { userId, ...input });
    await recordAudit(tx, ctx, {
      action: 'saved_view.created',
      entityType: 'saved_view',
      entityId: row.id,
      after: row,
    });
    return { created: true, view: toDto(row, ctx.actor) };
  });
}

/** Only the owner deletes a view; someone else's (shared or not) is answered as not found. */
export async function deleteView(deps: Deps, ctx: ActorCtx, id: string) {
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.findOwnView(tx, ctx.actor.userId, id);
    if (!before) throw new AppError('saved_views.not_found', 404);
    await repo.deleteView(tx, id);
    await recordAudit(tx, ctx, { action: 'saved_view.deleted', entityType: 'saved_view', entityId: id, before });
  });
}
