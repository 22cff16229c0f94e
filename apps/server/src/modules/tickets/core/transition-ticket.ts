import { and, count, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { reindexTicket } from '../queue/tickets.search.js';
import { improvementMeasures } from '../tickets.tables.js';
import { getTicket } from './get-ticket.js';
import { planMove } from './tickets.lifecycle.js';
import { requireFactsComplete, requireNextReply, requireResolution, resolutionReply } from './tickets.protocol.js';
import * as repo from './tickets.repository.js';
import {
  assertRootCause,
  assertVersion,
  type Ctx,
  loadForWrite,
  noticeUsers,
  responsibleManager,
  screenReply,
} from './tickets.rules.js';
import type { TransitionInput } from './tickets.schemas.js';

async function countMeasures(tx: DbOrTx, ticketId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(improvementMeasures)
    .where(and(eq(improvementMeasures.ticketId, ticketId), ne(improvementMeasures.status, 'cancelled')));
  return Number(row?.n ?? 0);
}

/**
 * Takes one step of the lifecycle (tickets.lifecycle.ts) with the complaint protocol's guards:
 * - resolve: process and result are required and sent to the customer as a reply (复清楚); a
 *   complaint needs its facts checklist complete (问清楚);
 * - close: a complaint needs the customer's feedback, a root-cause category, the cause, a summary
 *   and at least one improvement measure; only a supervisor closes a complaint;
 * - reopen: a complaint gets a new promised next-reply time (跟清楚).
 */
export async function transitionTicket(deps: Deps, ctx: Ctx, id: string, input: TransitionInput) {
  const now = new Date();
  await deps.database.db.transaction(async (tx) => {
    const { ticket, isComplaint } = await loadForWrite(tx, ctx.actor, id);
    assertVersion(ticket.version, input.version);
    const move = planMove(ticket.status, input.action, ctx.actor.permissions, isComplaint);
    if (!move.ok && move.reason === 'forbidden') {
      throw new AppError('tickets.transition_forbidden', 403, {
        params: { action: input.action, permission: move.permission },
      });
    }
    if (!move.ok) {
      throw new AppError('tickets.transition_not_allowed', 409, {
        params: { from: ticket.status, action: input.action },
      });
    }
    const patch: Partial<repo.TicketInsert> = { status: move.to };
    const before: Record<string, unknown> = { status: ticket.status };
    let reply: string | null = null;

    switch (input.action) {
      case 'classify':
        patch.classifiedAt = now;
        // The responsible department is told (seed 003: classified → department notified).
        await noticeUsers(
          tx,
          ctx.actor.userId,
          [await responsibleManager(tx, ticket.departmentId)],
          ticket,
          'classified',
        );
        break;
      case 'start':
        if (!ticket.classifiedAt) patch.classifiedAt = now;
        break;
      case 'resolve': {
        requireResolution(input.process, input.result);
        if (isComplaint) requireFactsComplete(ticket.facts, ctx.locale);
        patch.resolutionProcess = input.process as string;
        patch.resolutionResult = input.result as string;
        patch.resolvedAt = now;
        patch.firstContactResolved = ticket.status === 'received' && input.firstContact === true;
        reply = resolutionReply(input.process as string, input.result as string, ctx.locale);
        break;
      }
      case 'feedback':
        patch.feedbackSatisfied = input.satisfied ?? null;
        patch.feedbackNote = input.note ?? null;
        break;
      case 'close': {
        if (isComplaint) {
          if (ticket.status !== 'feedback') throw badRequest('tickets.feedback_required');
          if (!input.rootCauseKey || !input.rootCause?.trim() || !input.summary?.trim()) {
            throw new AppError('tickets.root_cause_required', 400, {
              fields: [
                ...(input.rootCauseKey ? [] : [{ path: 'rootCauseKey', message: '' }]),
                ...(input.rootCause?.trim() ? [] : [{ path: 'rootCause', message: '' }]),
                ...(input.summary?.trim() ? [] : [{ path: 'summary', message: '' }]),
              ],
            });
          }
          await assertRootCause(tx, input.rootCauseKey);
          if ((await countMeasures(tx, id)) === 0) throw badRequest('tickets.measure_required');
        } else if (input.rootCauseKey) {
          await assertRootCause(tx, input.rootCauseKey);
        }
        patch.rootCauseKey = input.rootCauseKey ?? ticket.rootCauseKey;
        patch.rootCause = input.rootCause ?? ticket.rootCause;
        patch.summary = input.summary ?? ticket.summary;
        patch.closedAt = now;
        break;
      }
      case 'reopen': {
        const nextReplyAt = input.nextReplyAt ? new Date(input.nextReplyAt) : undefined;
        if (isComplaint) requireNextReply(nextReplyAt ?? null, null, now);
        if (nextReplyAt) patch.nextReplyAt = nextReplyAt;
        patch.resolvedAt = null;
        patch.closedAt = null;
        break;
      }
    }

    // A resolved or closed ticket waits on nobody (history: the transition's before/after).
    const waitEnds = (input.action === 'resolve' || input.action === 'close') && ticket.waitingOn !== null;
    if (waitEnds) patch.waitingOn = null;
    const screened = reply ? await screenReply(tx, reply, input.forbiddenOverrideReason) : null;
    const row = await repo.updateTicketVersioned(tx, id, input.version, patch);
    if (!row) assertVersion(-1, input.version);
    const updated = row as repo.TicketRow;
    if (reply && screened) {
      const message = await repo.insertMessage(tx, {
        ticketId: id,
        kind: 'reply',
        channel: ticket.channel,
        body: reply,
        authorId: ctx.actor.userId,
        forbiddenOverride: screened.overridden,
      });
      await screened.record(ctx, updated, message.id);
      if (!ticket.firstResponseAt) await repo.touchTicket(tx, id, { firstResponseAt: now });
      await reindexTicket(tx, id);
    }
    const after = Object.fromEntries(
      Object.entries(patch).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : (v ?? null)]),
    );
    for (const key of Object.keys(after))
      if (key !== 'status') before[key] = ticket[key as keyof typeof ticket] ?? null;
    await repo.insertHistory(tx, [
      {
        ticketId: id,
        actorId: ctx.actor.userId,
        action: `transition:${input.action}`,
        before,
        after,
        note: input.note ?? null,
      },
    ]);
    await recordAudit(tx, ctx, { action: 'ticket.status_changed', entityType: 'ticket', entityId: id, before, after });
    if (waitEnds) await recordEvent(tx, 'ticket.waiting_changed', { ticketId: id, waitingOn: null }, ctx.actor.userId);
    await recordEvent(
      tx,
      'ticket.status_changed',
      { ticketId: id, from: ticket.status, to: updated.status },
      ctx.actor.userId,
    );
  });
  return getTicket(deps, ctx.actor, id);
}
