import { isDeepStrictEqual } from 'node:util';
import { recordEvent } from '../../../events/outbox.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { reindexTicket } from '../queue/tickets.search.js';
import { assertNotMerged } from '../relations/merge.service.js';
import { getTicket } from './get-ticket.js';
import { isOpen } from './open-ticket.js';
import { requireNextReply } from './tickets.protocol.js';
import * as repo from './tickets.repository.js';
import {
  assertCustomerContact,
  assertDepartment,
  assertType,
  assertVersion,
  type Ctx,
  loadForWrite,
  reportMajorComplaint,
} from './tickets.rules.js';
import type { UpdateTicketInput } from './tickets.schemas.js';

const comparable = (value: unknown) => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * Edits a ticket's fields. The caller names the version it read: a stale one is refused with 409
 * (optimistic locking: two agents editing at once — one wins, the other is told). Every changed
 * field goes to the history with before and after, so a complaint is never edited silently.
 */
export async function updateTicket(deps: Deps, ctx: Ctx, id: string, input: UpdateTicketInput) {
  const now = new Date();
  const { version, ...fields } = input;
  await deps.database.db.transaction(async (tx) => {
    const { ticket, isComplaint: wasComplaint } = await loadForWrite(tx, ctx.actor, id);
    await assertNotMerged(tx, ticket);
    assertVersion(ticket.version, version);
    const type = fields.typeKey && fields.typeKey !== ticket.typeKey ? await assertType(tx, fields.typeKey) : null;
    const isComplaint = type ? type.isComplaint : wasComplaint;
    const customerId = fields.customerId === undefined ? ticket.customerId : fields.customerId;
    const contactId = fields.contactId === undefined ? ticket.contactId : fields.contactId;
    // A changed customer or contact must be one the caller may see (404); unchanged ones are not
    // re-checked (a form sends them back as read).
    const contact =
      customerId !== ticket.customerId || contactId !== ticket.contactId
        ? await assertCustomerContact(tx, ctx.actor, customerId, contactId)
        : undefined;
    if (fields.departmentId !== undefined) await assertDepartment(tx, fields.departmentId);
    const patch: Partial<repo.TicketInsert> = { ...fields, nextReplyAt: undefined };
    // A newly chosen contact brings their name and number, as at creation, unless the form sent its own.
    if (contact && contactId !== ticket.contactId) {
      patch.contactName = fields.contactName ?? contact.name;
      patch.contactPhone = fields.contactPhone ?? contact.mobile ?? contact.phone ?? null;
    }
    if (fields.nextReplyAt !== undefined) patch.nextReplyAt = fields.nextReplyAt ? new Date(fields.nextReplyAt) : null;
    if (isComplaint && isOpen(ticket.status)) {
      const given = fields.nextReplyAt === undefined ? undefined : patch.nextReplyAt;
      // Keeping an unchanged promise that has since passed is not refused here: the reply or
      // transition that follows asks for a new one.
      if (given !== undefined || type) requireNextReply(given, ticket.nextReplyAt, now);
    }
    if (fields.facts) patch.facts = { ...ticket.facts, ...fields.facts };

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      const old = ticket[key as keyof typeof ticket];
      if (!isDeepStrictEqual(comparable(old), comparable(value))) {
        before[key] = comparable(old);
        after[key] = comparable(value);
      }
    }
    if (Object.keys(after).length === 0) return;
    const row = await repo.updateTicketVersioned(tx, id, version, patch);
    if (!row) assertVersion(-1, version);
    const updated = row as repo.TicketRow;
    await repo.insertHistory(tx, [{ ticketId: id, actorId: ctx.actor.userId, action: 'updated', before, after }]);
    if ('subject' in after || 'description' in after) await reindexTicket(tx, id);
    const majorReported = await reportMajorComplaint(tx, updated, isComplaint);
    await recordAudit(tx, ctx, { action: 'ticket.updated', entityType: 'ticket', entityId: id, before, after });
    await recordEvent(tx, 'ticket.updated', { ticketId: id, fields: Object.keys(after) }, ctx.actor.userId);
    if (majorReported) {
      await recordEvent(
        tx,
        'complaint.major_reported',
        { ticketId: id, departmentId: updated.departmentId },
        ctx.actor.userId,
      );
    }
  });
  return getTicket(deps, ctx.actor, id);
}
