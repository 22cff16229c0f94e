import { recordEvent } from '../../../events/outbox.js';
import type { Deps } from '../../../lib/deps.js';
import { getTicketMessages } from '../core/get-ticket.js';
import { isOpen } from '../core/open-ticket.js';
import { clearWaiting } from '../core/set-waiting.js';
import { requireNextReply } from '../core/tickets.protocol.js';
import * as repo from '../core/tickets.repository.js';
import { type Ctx, loadForWrite, screenReply } from '../core/tickets.rules.js';
import type { AddMessageInput } from '../core/tickets.schemas.js';
import { reindexTicket } from '../queue/tickets.search.js';
import { assertNotMerged } from '../relations/merge.service.js';

/**
 * Adds a customer message, a reply to the customer or an internal note. A reply is checked for
 * forbidden phrases first (sending anyway needs a reason, recorded for review). A reply to an
 * unresolved complaint keeps a promised next-reply time in the future (跟清楚): the request must
 * bring a new one when the promise on record has passed or was never made.
 * Messages are appended, so they need no version: they cannot overwrite anyone's edit.
 */
export async function addMessage(deps: Deps, ctx: Ctx, id: string, input: AddMessageInput) {
  const now = new Date();
  const outcome = await deps.database.db.transaction(async (tx) => {
    const { ticket, isComplaint } = await loadForWrite(tx, ctx.actor, id);
    await assertNotMerged(tx, ticket);
    const patch: Partial<repo.TicketInsert> = {};
    const nextReplyAt = input.nextReplyAt ? new Date(input.nextReplyAt) : undefined;
    let screened: Awaited<ReturnType<typeof screenReply>> | null = null;
    if (input.kind === 'reply') {
      screened = await screenReply(tx, input.body, input.forbiddenOverrideReason);
      if (isComplaint && isOpen(ticket.status)) requireNextReply(nextReplyAt, ticket.nextReplyAt, now);
      if (!ticket.firstResponseAt) patch.firstResponseAt = now;
    }
    if (nextReplyAt) {
      requireNextReply(nextReplyAt, null, now);
      patch.nextReplyAt = nextReplyAt;
    }
    const message = await repo.insertMessage(tx, {
      ticketId: id,
      kind: input.kind,
      channel: input.kind === 'note' ? null : (input.channel ?? ticket.channel),
      body: input.body,
      authorId: ctx.actor.userId,
      forbiddenOverride: screened?.overridden ?? false,
    });
    await screened?.record(ctx, ticket, message.id);
    // The customer wrote: the ticket no longer waits on them (the SLA clocks resume).
    if (input.kind === 'inbound' && (await clearWaiting(tx, ctx.actor.userId, ticket, 'auto', 'customer')))
      patch.waitingOn = null;
    await repo.touchTicket(tx, id, patch);
    if (patch.nextReplyAt) {
      await repo.insertHistory(tx, [
        {
          ticketId: id,
          actorId: ctx.actor.userId,
          action: 'next_reply_promised',
          before: { nextReplyAt: ticket.nextReplyAt?.toISOString() ?? null },
          after: { nextReplyAt: patch.nextReplyAt.toISOString() },
        },
      ]);
    }
    await reindexTicket(tx, id);
    const forbiddenOverride = screened?.overridden ?? false;
    await recordEvent(
      tx,
      'ticket.replied',
      { ticketId: id, messageId: message.id, kind: input.kind, forbiddenOverride },
      ctx.actor.userId,
    );
    return { messageId: message.id };
  });
  const messages = await getTicketMessages(deps, ctx.actor, id);
  return messages.find((m) => m.id === outcome.messageId) ?? messages[messages.length - 1];
}
