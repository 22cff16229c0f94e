import type { Tx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { requireAssignRights } from '../assignment/assignment.service.js';
import { pickAssignee, stampAssigned } from '../assignment/tickets.assignment.js';
import { ticketVector } from '../queue/tickets.search.js';
import { assertWatcher } from '../relations/watchers.service.js';
import { getTicket } from './get-ticket.js';
import { requireFactsComplete, requireNextReply, resolutionReply } from './tickets.protocol.js';
import * as repo from './tickets.repository.js';
import {
  assertAssignable,
  assertCustomerContact,
  assertDepartment,
  assertType,
  type Ctx,
  noticeUsers,
  reportMajorComplaint,
  screenReply,
} from './tickets.rules.js';
import type { CreateTicketInput } from './tickets.schemas.js';

/**
 * Records a ticket (听清楚: subject and the full description are required). A complaint that is not
 * resolved in this contact needs a promised next-reply time (跟清楚); one resolved at once needs the
 * facts checklist complete and tells the customer the process and result (复清楚). Assignment is
 * manual, automatic (round-robin / least-loaded among agents on shift) or left to the queue.
 */
export async function createTicket(deps: Deps, ctx: Ctx, input: CreateTicketInput) {
  const row = await deps.database.db.transaction((tx) => recordTicket(tx, ctx, input));
  return getTicket(deps, ctx.actor, row.id);
}

/** Where a ticket opened by another module came from: a callback (its complaint). */
export type TicketSource = { kind: 'callback'; id: string };

export type RecordTicketOptions = {
  /**
   * Set by a module that opens the ticket from one of its own records the caller may work on
   * (a callback assigned to them): the customer's visibility was checked there, through that
   * record, so the customer-scope check is skipped; the history's `created` entry names it.
   */
  source?: TicketSource;
};

/**
 * createTicket's work in the caller's transaction (tickets' export `openTicketFrom` for other
 * modules): the ticket row, its watchers, history, audit and events; returns the new row.
 */
export async function recordTicket(tx: Tx, ctx: Ctx, input: CreateTicketInput, options: RecordTicketOptions = {}) {
  const now = new Date();
  const { assign, assigneeId, watcherIds = [], resolvedAtFirstContact, forbiddenOverrideReason, ...fields } = input;
  const strategy = assign ?? (assigneeId ? 'manual' : 'none');
  // Giving the new ticket to someone (or to a strategy) is assigning: tickets.assign, as on
  // POST /tickets/:id/assign. Recording it as one's own needs no more than recording it.
  const toSelf = strategy === 'manual' && assigneeId === ctx.actor.userId;
  if (strategy !== 'none' && !toSelf) requireAssignRights(ctx.actor, strategy, assigneeId ?? undefined);
  const watchers = [...new Set(watcherIds)];

  const type = await assertType(tx, fields.typeKey);
  const customerId = fields.customerId ?? null;
  const contactId = fields.contactId ?? null;
  const contact = options.source ? undefined : await assertCustomerContact(tx, ctx.actor, customerId, contactId);
  // The chosen contact's name and number are kept on the ticket (shown on it, used for callbacks)
  // unless the form gave others.
  const contactName = fields.contactName ?? contact?.name ?? null;
  const contactPhone = fields.contactPhone ?? contact?.mobile ?? contact?.phone ?? null;
  const departmentId = fields.departmentId ?? type.defaultDepartmentId ?? ctx.actor.departmentId;
  await assertDepartment(tx, departmentId);
  const nextReplyAt = fields.nextReplyAt ? new Date(fields.nextReplyAt) : null;
  if (type.isComplaint && !resolvedAtFirstContact) requireNextReply(nextReplyAt, null, now);
  if (type.isComplaint && resolvedAtFirstContact) requireFactsComplete(fields.facts ?? {}, ctx.locale);
  const resolutionText = resolvedAtFirstContact
    ? resolutionReply(resolvedAtFirstContact.process, resolvedAtFirstContact.result, ctx.locale)
    : null;
  const screened = resolutionText ? await screenReply(tx, resolutionText, forbiddenOverrideReason) : null;
  // Watching opens the ticket to the watcher: only people within the caller's scope (as POST /:id/watchers).
  for (const [i, userId] of watchers.entries()) {
    if (userId !== ctx.actor.userId) await assertWatcher(tx, ctx.actor, userId, `watcherIds.${i}`);
  }

  let assignee: string | null = null;
  if (strategy === 'manual' && assigneeId) assignee = (await assertAssignable(tx, ctx.actor, assigneeId)).id;
  else if (strategy === 'round_robin' || strategy === 'least_loaded') {
    assignee = await pickAssignee(tx, strategy, { departmentId, skill: type.skill });
  }
  if (assignee && strategy === 'manual') await stampAssigned(tx, assignee);

  // The number first, so that the search vector (number, subject, description, the resolution
  // reply) is written by the INSERT itself — not by a second UPDATE that rewrites every index.
  const number = await repo.nextTicketNumber(tx);
  const vector = ticketVector(
    { number, subject: fields.subject, description: fields.description },
    resolutionText ? [resolutionText] : [],
  );
  const row = await repo.insertTicket(
    tx,
    {
      ...fields,
      number,
      customerId,
      contactId,
      contactName,
      contactPhone,
      departmentId,
      assigneeId: assignee,
      createdBy: ctx.actor.userId,
      nextReplyAt: resolvedAtFirstContact ? null : nextReplyAt,
      facts: fields.facts ?? {},
      isMajor: fields.isMajor ?? false,
      status: resolvedAtFirstContact ? 'resolved' : 'received',
      firstContactResolved: Boolean(resolvedAtFirstContact),
      resolutionProcess: resolvedAtFirstContact?.process ?? null,
      resolutionResult: resolvedAtFirstContact?.result ?? null,
      resolvedAt: resolvedAtFirstContact ? now : null,
      firstResponseAt: resolvedAtFirstContact ? now : null,
    },
    vector,
  );
  if (resolutionText && screened) {
    const message = await repo.insertMessage(tx, {
      ticketId: row.id,
      kind: 'reply',
      channel: row.channel,
      body: resolutionText,
      authorId: ctx.actor.userId,
      forbiddenOverride: screened.overridden,
    });
    await screened.record(ctx, row, message.id);
  }
  await repo.addWatchers(tx, row.id, watchers);
  await noticeUsers(tx, ctx.actor.userId, [row.assigneeId], row, 'assigned');
  await repo.insertHistory(tx, [
    {
      ticketId: row.id,
      actorId: ctx.actor.userId,
      action: 'created',
      after: {
        typeKey: row.typeKey,
        channel: row.channel,
        priority: row.priority,
        status: row.status,
        subject: row.subject,
        assigneeId: row.assigneeId,
        departmentId: row.departmentId,
        isMajor: row.isMajor,
        nextReplyAt: row.nextReplyAt,
      },
      note: options.source
        ? `${options.source.kind}:${options.source.id}`
        : strategy !== 'none'
          ? `assign:${strategy}`
          : null,
    },
  ]);
  const majorReported = await reportMajorComplaint(tx, row, type.isComplaint);
  await recordAudit(tx, ctx, {
    action: 'ticket.created',
    entityType: 'ticket',
    entityId: row.id,
    after: { number: row.number, typeKey: row.typeKey, customerId, assigneeId: assignee, status: row.status },
  });
  const actorId = ctx.actor.userId;
  await recordEvent(
    tx,
    'ticket.created',
    { ticketId: row.id, customerId: row.customerId, typeKey: row.typeKey, isComplaint: type.isComplaint },
    actorId,
  );
  if (row.assigneeId) {
    await recordEvent(
      tx,
      'ticket.assigned',
      { ticketId: row.id, assigneeId: row.assigneeId, previousAssigneeId: null, strategy },
      actorId,
    );
  }
  if (majorReported) {
    await recordEvent(tx, 'complaint.major_reported', { ticketId: row.id, departmentId: row.departmentId }, actorId);
  }
  return row;
}
