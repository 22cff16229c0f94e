import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import { AppError, badRequest, notFound } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import * as repo from '../core/tickets.repository.js';
import type { Ctx } from '../core/tickets.rules.js';

/**
 * Watching oneself needs tickets.read (the route's access); adding or removing someone else,
 * tickets.write. Checked after the ticket is found: out of scope stays a 404.
 */
function requireWatchRights(ctx: Ctx, userId: string) {
  if (userId !== ctx.actor.userId && !ctx.actor.permissions.has('tickets.write')) {
    throw new AppError('forbidden', 403, { params: { permission: 'tickets.write' } });
  }
}

/**
 * A watcher must be within the caller's scope (else 404, as if there were no such user: watching
 * opens the ticket to them, and nobody may open a ticket to people they cannot see), active and
 * allowed to read tickets.
 */
export async function assertWatcher(tx: DbOrTx, actor: Ctx['actor'], userId: string, path = 'userId') {
  const [user] = await repo.findUsers(tx, actor, [userId]);
  if (!user) throw new AppError('users.not_found', 404, { fields: [{ path, message: userId }] });
  if (!user.is_active || !user.permissions.includes('tickets.read')) {
    throw badRequest('tickets.watcher_not_eligible', { name: user.display_name }, [{ path, message: userId }]);
  }
}

async function requireVisible(tx: DbOrTx, ctx: Ctx, ticketId: string) {
  const found = await repo.findTicketInScope(tx, ctx.actor, ticketId);
  if (!found) throw notFound('tickets.not_found');
  return found;
}

/**
 * Adds a watcher to a ticket the caller can see, with history and audit, in the caller's
 * transaction. Returns false when they already watch it (nothing written). No version bump: a
 * watcher does not compete with anyone's edit form.
 */
export async function watchInTx(tx: DbOrTx, ctx: Ctx, ticketId: string, userId: string): Promise<boolean> {
  await requireVisible(tx, ctx, ticketId);
  requireWatchRights(ctx, userId);
  if (userId !== ctx.actor.userId) await assertWatcher(tx, ctx.actor, userId);
  const current = await repo.listWatchers(tx, ticketId);
  if (current.some((w) => w.id === userId)) return false;
  await repo.addWatchers(tx, ticketId, [userId]);
  await repo.insertHistory(tx, [{ ticketId, actorId: ctx.actor.userId, action: 'watcher_added', after: { userId } }]);
  await recordAudit(tx, ctx, {
    action: 'ticket.watcher_added',
    entityType: 'ticket',
    entityId: ticketId,
    after: { userId },
  });
  await recordEvent(tx, 'ticket.updated', { ticketId, fields: ['watchers'] }, ctx.actor.userId);
  return true;
}

/** POST /tickets/:id/watchers — answers the watchers after the change. */
export async function addWatcher(deps: Deps, ctx: Ctx, ticketId: string, userId: string) {
  const db = deps.database.db;
  await db.transaction((tx) => watchInTx(tx, ctx, ticketId, userId));
  return repo.listWatchers(db, ticketId);
}

/** DELETE /tickets/:id/watchers/:userId — removing someone who does not watch changes nothing. */
export async function removeWatcher(deps: Deps, ctx: Ctx, ticketId: string, userId: string) {
  const db = deps.database.db;
  await db.transaction(async (tx) => {
    await requireVisible(tx, ctx, ticketId);
    requireWatchRights(ctx, userId);
    if (!(await repo.removeWatcher(tx, ticketId, userId))) return;
    await repo.insertHistory(tx, [
      { ticketId, actorId: ctx.actor.userId, action: 'watcher_removed', before: { userId } },
    ]);
    await recordAudit(tx, ctx, {
      action: 'ticket.watcher_removed',
      entityType: 'ticket',
      entityId: ticketId,
      before: { userId },
    });
    await recordEvent(tx, 'ticket.updated', { ticketId, fields: ['watchers'] }, ctx.actor.userId);
  });
  return repo.listWatchers(db, ticketId);
}
