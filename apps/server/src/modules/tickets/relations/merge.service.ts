import { type Locale, t } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { getTicket } from '../core/get-ticket.js';
import { isUnfinished } from '../core/open-ticket.js';
import { insertHistory, insertMessage, type TicketRow, updateTicketVersioned } from '../core/tickets.repository.js';
import { assertVersion, type Ctx, loadForWrite } from '../core/tickets.rules.js';
import { reindexTicket } from '../queue/tickets.search.js';
import * as repo from './merge.repository.js';

export type MergeInput = { sourceId: string; version: number };

/** A merged ticket takes no more work: links, measures and attachments go to the one it was merged into. */
export async function assertNotMerged(db: DbOrTx, ticket: Pick<TicketRow, 'status' | 'mergedIntoId'>) {
  if (ticket.status !== 'merged') return;
  const number = ticket.mergedIntoId ? await repo.findTicketNumber(db, ticket.mergedIntoId) : null;
  throw new AppError('tickets.ticket_merged', 409, { params: { number: number ?? '' } });
}

function mergedLine(source: TicketRow, locale: Locale) {
  const { number, subject, description } = source;
  return t(locale, 'ticket.line.merged_from', { number, subject, description });
}

/**
 * Merges the duplicate `sourceId` into `targetId` in one transaction, losing nothing: the source's
 * messages (replies, notes, system lines; `movedFromTicketId` says where they came from),
 * attachments, improvement measures and links move to the target, its watchers also watch the
 * target, and its description is copied into a system message on the target. The source ends
 * `merged` (pointing to the target) with its own append-only history intact; both histories
 * record the merge. Both tickets must be in the caller's scope (404) and still open to work
 * (neither closed nor merged); `version` is the target's (optimistic locking).
 */
export async function mergeTickets(deps: Deps, ctx: Ctx, targetId: string, input: MergeInput) {
  const sourceId = input.sourceId.toLowerCase();
  targetId = targetId.toLowerCase();
  if (sourceId === targetId) throw badRequest('tickets.merge_same', {}, [{ path: 'sourceId', message: sourceId }]);
  await deps.database.db.transaction(async (tx) => {
    // Lock both rows in one order, so that two merges of the same pair cannot deadlock.
    const locked = new Map<string, TicketRow>();
    for (const id of [sourceId, targetId].sort()) locked.set(id, (await loadForWrite(tx, ctx.actor, id)).ticket);
    const target = locked.get(targetId) as TicketRow;
    const source = locked.get(sourceId) as TicketRow;
    for (const ticket of [target, source]) {
      if (!isUnfinished(ticket.status)) {
        throw new AppError('tickets.merge_finished', 409, { params: { number: ticket.number } });
      }
    }
    assertVersion(target.version, input.version);

    const moved = {
      messages: await repo.moveMessages(tx, sourceId, targetId),
      attachments: await repo.moveAttachments(tx, sourceId, targetId),
      measures: await repo.moveMeasures(tx, sourceId, targetId),
      watchers: await repo.copyWatchers(tx, sourceId, targetId),
      links: (await repo.moveLinks(tx, sourceId, targetId)).length,
    };
    await insertMessage(tx, {
      ticketId: targetId,
      kind: 'system',
      channel: source.channel,
      body: mergedLine(source, ctx.locale),
      authorId: ctx.actor.userId,
      movedFromTicketId: sourceId,
    });
    await updateTicketVersioned(tx, sourceId, source.version, { status: 'merged', mergedIntoId: targetId });
    if (!(await updateTicketVersioned(tx, targetId, input.version, {}))) assertVersion(-1, input.version);

    const actorId = ctx.actor.userId;
    await insertHistory(tx, [
      {
        ticketId: sourceId,
        actorId,
        action: 'merged_into',
        before: { status: source.status },
        after: { status: 'merged', mergedIntoId: targetId, targetNumber: target.number },
      },
      {
        ticketId: targetId,
        actorId,
        action: 'merged_from',
        after: { sourceId, sourceNumber: source.number, moved },
      },
    ]);
    await reindexTicket(tx, targetId);
    await reindexTicket(tx, sourceId);
    await recordAudit(tx, ctx, {
      action: 'ticket.merged',
      entityType: 'ticket',
      entityId: targetId,
      before: { sourceStatus: source.status },
      details: { sourceId, sourceNumber: source.number, targetNumber: target.number, moved },
    });
    await recordEvent(tx, 'ticket.merged', { targetId, sourceId }, actorId);
    await recordEvent(tx, 'ticket.status_changed', { ticketId: sourceId, from: source.status, to: 'merged' }, actorId);
  });
  return getTicket(deps, ctx.actor, targetId);
}
