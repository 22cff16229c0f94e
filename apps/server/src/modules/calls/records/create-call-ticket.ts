import { t } from '@kefu/shared';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { findTicketSummaries, listTicketTypes, openTicketFrom } from '../../tickets/index.js';
import * as repo from './records.repository.js';
import type { CallTicketBody } from './records.schemas.js';

type Ctx = RequestContext & { actor: Actor };

/**
 * Turns a call into a ticket through tickets' own create use case (numbering, SLA, history, events,
 * the customer-scope check on the linked customer), in the same transaction as the link
 * `calls.ticket_id`. The caller needs tickets.write; the call must be one they may see (404
 * otherwise): in their call scope with calls.read, else one they answered or one linked to a
 * customer they may see (as on the customer's timeline). Subject and description default to the call's facts; the
 * type to the first active ticket type that is not a complaint. A second request returns the ticket
 * made the first time (`created: false`).
 */
export async function createCallTicket(deps: Deps, ctx: Ctx, id: string, input: CallTicketBody) {
  const { db } = deps.database;
  const outcome = await db.transaction(async (tx) => {
    const call = await repo.lockCall(tx, ctx.actor, id);
    if (!call) throw new AppError('calls.not_found', 404);
    if (call.ticketId) return { ticketId: call.ticketId, created: false };
    const types = await listTicketTypes(tx, true);
    const type = input.typeKey ? { key: input.typeKey } : (types.find((x) => !x.isComplaint) ?? types[0]);
    if (!type) throw new AppError('calls.ticket_type_missing', 409);
    const facts = {
      at: call.enteredAt.toISOString(),
      queue: call.queue,
      number: call.callerNumber ?? '—',
      wait: call.waitSeconds,
      talk: call.talkSeconds,
      agent: call.agent,
    };
    const ticket = await openTicketFrom(tx, ctx, {
      typeKey: type.key,
      channel: 'phone',
      priority: input.priority,
      subject: (input.subject ?? t(ctx.locale, 'call.ticket.subject', facts)).slice(0, 200),
      description: (input.description ?? t(ctx.locale, 'call.ticket.description', facts)).slice(0, 20_000),
      customerId: call.customerId,
      contactId: call.contactId,
      contactPhone: call.callerNumber?.slice(0, 32) ?? null,
      tags: ['call'],
      nextReplyAt: input.nextReplyAt ?? null,
    });
    await repo.setCallTicket(tx, id, ticket.id);
    await recordAudit(tx, ctx, {
      action: 'call.ticket_created',
      entityType: 'call',
      entityId: id,
      after: { ticketId: ticket.id, number: ticket.number },
      audience: { userIds: call.agentUserId ? [call.agentUserId] : [] },
    });
    return { ticketId: ticket.id, created: true };
  });
  const [summary] = await findTicketSummaries(db, [outcome.ticketId]);
  return { callId: id, ticketId: outcome.ticketId, ticketNumber: summary?.number ?? '', created: outcome.created };
}
