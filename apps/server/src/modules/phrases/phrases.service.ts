import { CANNED_REPLY_VARIABLES, cannedReplyPlaceholders } from '@kefu/shared';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './phrases.repository.js';
import type { CannedReplyInput, ServicePhraseInput } from './phrases.schemas.js';

type ActorCtx = RequestContext & { actor: Actor };

// ── standard phrases (常用服务用语) ─────────────────────────────────────────────

export async function listServicePhrases(
  deps: Deps,
  filter: { q?: string; category?: string; includeInactive?: boolean },
) {
  return { items: await repo.listServicePhrases(deps.database.db, filter) };
}

export async function createServicePhrase(
  deps: Deps,
  ctx: ActorCtx,
  input: ServicePhraseInput & { category: string; text: string },
) {
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.insertServicePhrase(tx, input);
    await recordAudit(tx, ctx, {
      action: 'service_phrase.created',
      entityType: 'service_phrase',
      entityId: row.id,
      after: row,
    });
    return row;
  });
}

export async function updateServicePhrase(deps: Deps, ctx: ActorCtx, id: string, input: ServicePhraseInput) {
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findServicePhrase(tx, id);
    if (!before) throw new AppError('phrases.not_found', 404);
    const after = await repo.updateServicePhrase(tx, id, input);
    await recordAudit(tx, ctx, {
      action: 'service_phrase.updated',
      entityType: 'service_phrase',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function deleteServicePhrase(deps: Deps, ctx: ActorCtx, id: string) {
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.findServicePhrase(tx, id);
    if (!before) throw new AppError('phrases.not_found', 404);
    await repo.deleteServicePhrase(tx, id);
    await recordAudit(tx, ctx, {
      action: 'service_phrase.deleted',
      entityType: 'service_phrase',
      entityId: id,
      before,
    });
  });
}

// ── canned replies (快捷回复) ───────────────────────────────────────────────────

type CannedView = { reply: repo.CannedReplyRow; ownerName: string | null };

function toCannedDto(view: CannedView, actor: Actor) {
  const { reply } = view;
  return {
    ...reply,
    ownerName: view.ownerName,
    canEdit: reply.isShared ? actor.permissions.has('phrases.manage') : reply.ownerId === actor.userId,
  };
}

function assertVariables(body: string | undefined) {
  if (body === undefined) return;
  const { unknown } = cannedReplyPlaceholders(body);
  if (unknown.length > 0) {
    throw badRequest(
      'phrases.unknown_variable',
      {
        names: unknown.map((n) => `{${n}}`).join(', '),
        allowed: CANNED_REPLY_VARIABLES.map((n) => `{${n}}`).join(' '),
      },
      [{ path: 'body', message: `unknown variables: ${unknown.join(', ')}` }],
    );
  }
}

function assertMayManageShared(actor: Actor) {
  if (!actor.permissions.has('phrases.manage')) {
    throw new AppError('forbidden', 403, { params: { permission: 'phrases.manage' } });
  }
}

/** A reply the actor may see: shared, or their own personal one (others' personal replies are 404). */
async function visibleReply(db: Parameters<typeof repo.findCannedReply>[0], actor: Actor, id: string) {
  const view = await repo.findCannedReply(db, id);
  if (!view || (!view.reply.isShared && view.reply.ownerId !== actor.userId)) {
    throw new AppError('phrases.canned_reply_not_found', 404);
  }
  return view;
}

export async function listCannedReplies(deps: Deps, actor: Actor, filter: { q?: string; scope: string }) {
  const rows = await repo.listCannedReplies(deps.database.db, actor.userId, filter);
  return { items: rows.map((row) => toCannedDto(row, actor)) };
}

export async function createCannedReply(
  deps: Deps,
  ctx: ActorCtx,
  input: CannedReplyInput & { title: string; body: string; isShared: boolean },
) {
  if (input.isShared) assertMayManageShared(ctx.actor);
  assertVariables(input.body);
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.insertCannedReply(tx, { ...input, ownerId: ctx.actor.userId });
    await recordAudit(tx, ctx, {
      action: 'canned_reply.created',
      entityType: 'canned_reply',
      entityId: row.id,
      after: row,
    });
    return toCannedDto({ reply: row, ownerName: ctx.actor.displayName }, ctx.actor);
  });
}

export async function updateCannedReply(deps: Deps, ctx: ActorCtx, id: string, input: CannedReplyInput) {
  assertVariables(input.body);
  return deps.database.db.transaction(async (tx) => {
    const view = await visibleReply(tx, ctx.actor, id);
    if (view.reply.isShared) assertMayManageShared(ctx.actor);
    const after = await repo.updateCannedReply(tx, id, input);
    await recordAudit(tx, ctx, {
      action: 'canned_reply.updated',
      entityType: 'canned_reply',
      entityId: id,
      before: view.reply,
      after,
    });
    return toCannedDto({ reply: after, ownerName: view.ownerName }, ctx.actor);
  });
}

export async function deleteCannedReply(deps: Deps, ctx: ActorCtx, id: string) {
  await deps.database.db.transaction(async (tx) => {
    const view = await visibleReply(tx, ctx.actor, id);
    if (view.reply.isShared) assertMayManageShared(ctx.actor);
    await repo.deleteCannedReply(tx, id);
    await recordAudit(tx, ctx, {
      action: 'canned_reply.deleted',
      entityType: 'canned_reply',
      entityId: id,
      before: view.reply,
    });
  });
}

/** For the ticket reply use case: the authoritative check and the override record. */
export { checkReply, type RecordOverrideInput, recordOverride } from './forbidden.service.js';
