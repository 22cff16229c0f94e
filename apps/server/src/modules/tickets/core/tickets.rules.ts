import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError, badRequest, notFound } from '../../../lib/app-error.js';
import { contactOfCustomer, customerVisibleTo } from '../../customers/index.js';
import { findDepartmentRow, responsibleManager } from '../../departments/index.js';
import { queueNotification } from '../../notifications/index.js';
import { checkReply, recordOverride } from '../../phrases/index.js';
import { ticketRootCauses, tickets } from '../tickets.tables.js';
import * as repo from './tickets.repository.js';

export type Ctx = RequestContext & { actor: Actor };

export async function assertType(db: DbOrTx, key: string) {
  const type = await repo.findTicketType(db, key);
  if (!type?.isActive) throw badRequest('tickets.type_not_found', { key }, [{ path: 'typeKey', message: key }]);
  return type;
}

export async function assertRootCause(db: DbOrTx, key: string) {
  const [row] = await db.select().from(ticketRootCauses).where(eq(ticketRootCauses.key, key)).limit(1);
  if (!row?.isActive) {
    throw badRequest('tickets.root_cause_not_found', { key }, [{ path: 'rootCauseKey', message: key }]);
  }
}

/**
 * The customer must be one the caller may see (data scope, not merged away) — otherwise it does not
 * exist for them (404), and no ticket can put it on its timeline or show its name; the contact must
 * belong to that customer (an unknown caller has neither).
 */
export async function assertCustomerContact(
  db: DbOrTx,
  actor: Actor,
  customerId: string | null,
  contactId: string | null,
) {
  if (customerId && !(await customerVisibleTo(db, actor, customerId)))
    throw new AppError('customers.not_found', 404, { fields: [{ path: 'customerId', message: customerId }] });
  if (!contactId) return undefined;
  const contact = customerId ? await contactOfCustomer(db, contactId, customerId) : undefined;
  if (!contact)
    throw new AppError('customers.contact_not_found', 404, { fields: [{ path: 'contactId', message: contactId }] });
  return contact;
}

export async function assertDepartment(db: DbOrTx, departmentId: string | null | undefined) {
  if (!departmentId) return;
  if (!(await findDepartmentRow(db, departmentId)))
    throw badRequest('departments.not_found', {}, [{ path: 'departmentId', message: departmentId }]);
}

/** A user who may be given tickets: within the caller's scope (else 404), active and allowed to work on them. */
export async function assertAssignable(db: DbOrTx, actor: Actor, userId: string) {
  const [user] = await repo.findUsers(db, actor, [userId]);
  if (!user) throw new AppError('users.not_found', 404, { fields: [{ path: 'assigneeId', message: userId }] });
  if (!user.is_active || !user.permissions.includes('tickets.write')) {
    throw badRequest('tickets.assignee_not_eligible', { name: user.display_name }, [
      { path: 'assigneeId', message: userId },
    ]);
  }
  return user;
}

export async function loadForWrite(db: DbOrTx, actor: Actor, id: string) {
  const row = await repo.findTicketInScope(db, actor, id, { forUpdate: true });
  if (!row) throw notFound('tickets.not_found');
  return row;
}

export function assertVersion(current: number, given: number) {
  if (current !== given) throw new AppError('tickets.version_conflict', 409, { params: { current, given } });
}

/**
 * Checks a customer-facing text against the forbidden phrases. A hit refuses the text (422 with
 * the hits and their alternatives) unless the agent gives a reason; then the override is recorded
 * for the supervisor's review once the message exists (`record`).
 */
export async function screenReply(tx: DbOrTx, text: string, overrideReason: string | undefined) {
  const hits = await checkReply(tx, text);
  if (hits.length > 0 && !overrideReason) {
    throw new AppError('tickets.forbidden_phrase', 422, {
      params: { phrases: [...new Set(hits.map((h) => h.phrase))].join('、'), hits },
    });
  }
  return {
    overridden: hits.length > 0,
    async record(ctx: Ctx, ticket: { id: string; number: string }, messageId: string) {
      if (hits.length === 0 || !overrideReason) return;
      await recordOverride(
        tx,
        {
          ticketId: ticket.id,
          ref: ticket.number,
          messageId,
          authorId: ctx.actor.userId,
          hits,
          reason: overrideReason,
        },
        ctx,
      );
    },
  };
}

export { responsibleManager };

/**
 * 一报告: a complaint marked major is reported to the department manager at once — exactly once:
 * the flag `major_reported_at` is claimed with a conditional UPDATE, and the in-app notification is
 * written in the same transaction. Returns true when this call reported it (emit the event then).
 */
/**
 * In-app notices about a ticket to the given users (skipping the actor and duplicates), written in
 * the caller's transaction: classified → the responsible department's manager; assigned → the
 * assignee.
 */
export async function noticeUsers(
  tx: DbOrTx,
  actorId: string,
  userIds: (string | null | undefined)[],
  ticket: { id: string; number: string; subject: string },
  what: 'assigned' | 'classified',
) {
  const text = {
    key: what === 'assigned' ? ('notice.ticket_assigned' as const) : ('notice.ticket_classified' as const),
    params: { number: ticket.number, subject: ticket.subject },
  };
  const recipients = [...new Set(userIds.filter((id): id is string => Boolean(id) && id !== actorId))];
  for (const recipient of recipients) {
    await queueNotification(tx, {
      channel: 'in_app',
      recipient,
      topic: what === 'assigned' ? 'ticket.assigned' : 'ticket.classified',
      vars: { ticketNumber: ticket.number, ticketSubject: ticket.subject },
      content: { subject: text, body: text },
      ref: `ticket:${ticket.id}/${what}`,
    });
  }
}

export async function reportMajorComplaint(tx: DbOrTx, ticket: repo.TicketRow, isComplaint: boolean) {
  if (!isComplaint || !ticket.isMajor || ticket.majorReportedAt) return false;
  const claimed = await tx
    .update(tickets)
    .set({ majorReportedAt: sql`now()` })
    .where(and(eq(tickets.id, ticket.id), sql`${tickets.majorReportedAt} IS NULL`))
    .returning({ id: tickets.id });
  if (claimed.length === 0) return false;
  const managerId = await responsibleManager(tx, ticket.departmentId);
  if (managerId) {
    await queueNotification(tx, {
      channel: 'in_app',
      recipient: managerId,
      topic: 'complaint.major_reported',
      vars: { ticketNumber: ticket.number, ticketSubject: ticket.subject },
      content: {
        subject: { key: 'notice.major_complaint.subject', params: { number: ticket.number, subject: ticket.subject } },
        body: {
          key: 'notice.major_complaint.body',
          params: { number: ticket.number, description: ticket.description.slice(0, 300) },
        },
      },
      ref: `ticket:${ticket.id}/major`,
    });
  }
  await repo.insertHistory(tx, [
    { ticketId: ticket.id, actorId: null, action: 'major_reported', after: { managerId } },
  ]);
  return true;
}
