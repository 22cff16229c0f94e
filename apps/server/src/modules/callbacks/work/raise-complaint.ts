import { t } from '@kefu/shared';
import { recordEvent } from '../../../events/outbox.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { findTicketSummaries, listTicketTypes, openTicketFrom } from '../../tickets/index.js';
import { loadRules } from '../plans/generate.js';
import * as repo from './work.repository.js';
import type { ComplaintInput } from './work.schemas.js';
import type { Ctx } from './work.service.js';

/** The promised next reply when none is given: one working day (9 h) on the business calendar. */
const NEXT_REPLY_WORKING_MINUTES = 9 * 60;

/**
 * One click: the complaint the customer raised in a callback becomes a complaint ticket for the
 * callback's customer, opened by the caller through tickets' own create use case (numbering,
 * complaint protocol, SLA, history "opened from a callback complaint", events), in the same
 * transaction as the link `callbacks.complaint_ticket_id`. The subject and description carry the
 * callback's purpose, satisfaction and the customer's opinion over unless given. A second click
 * returns the ticket already made. Out of scope → 404, as every callback route.
 */
export async function raiseComplaint(deps: Deps, ctx: Ctx, id: string, input: ComplaintInput) {
  const { db } = deps.database;
  const outcome = await db.transaction(async (tx) => {
    const row = await repo.lockCallback(tx, ctx.actor, id);
    if (!row) throw new AppError('callbacks.not_found', 404);
    if (row.complaintTicketId) return { ticketId: row.complaintTicketId, created: false };
    if (row.status === 'cancelled') throw new AppError('callbacks.closed', 409);
    const types = (await listTicketTypes(tx, true)).filter((type) => type.isComplaint);
    const type = types.find((x) => x.key === 'complaint') ?? types[0];
    if (!type) throw new AppError('callbacks.complaint_type_missing', 409);
    if (!input.description && !row.opinion?.trim()) {
      throw badRequest('callbacks.complaint_text_required', {}, [{ path: 'description', message: '' }]);
    }
    const customerName = (await repo.customerName(tx, row.customerId)) ?? '';
    const subject = input.subject ?? t(ctx.locale, 'callback.complaint.subject', { customer: customerName });
    const description =
      input.description ??
      t(ctx.locale, 'callback.complaint.description', {
        purpose: row.purpose ?? t(ctx.locale, `label.callback_source.${row.sourceKind}`),
        satisfaction: row.satisfaction ?? '—',
        opinion: row.opinion ?? '',
        specialist: ctx.actor.displayName,
      });
    const now = new Date();
    const nextReplyAt =
      input.nextReplyAt ??
      new Date((await loadRules(tx, deps)).calendar.due(now.getTime(), NEXT_REPLY_WORKING_MINUTES)).toISOString();
    const ticket = await openTicketFrom(
      tx,
      ctx,
      {
        typeKey: type.key,
        channel: row.channel === 'wechat' ? 'wechat' : 'phone',
        priority: input.priority,
        subject: subject.slice(0, 200),
        description: description.slice(0, 20_000),
        customerId: row.customerId,
        tags: ['callback'],
        nextReplyAt,
      },
      { source: { kind: 'callback', id } },
    );
    await repo.updateCallback(tx, id, { complaintTicketId: ticket.id });
    await recordAudit(tx, ctx, {
      action: 'callback.complaint_raised',
      entityType: 'callback',
      entityId: id,
      after: { ticketId: ticket.id, number: ticket.number },
      audience: { userIds: row.assigneeId ? [row.assigneeId] : [] },
    });
    await recordEvent(
      tx,
      'callback.complaint_raised',
      { callbackId: id, customerId: row.customerId, ticketId: ticket.id },
      ctx.actor.userId,
    );
    return { ticketId: ticket.id, created: true };
  });
  const [summary] = await findTicketSummaries(db, [outcome.ticketId]);
  return { callbackId: id, ticketId: outcome.ticketId, ticketNumber: summary?.number ?? '', created: outcome.created };
}
