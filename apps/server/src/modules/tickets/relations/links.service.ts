import { recordEvent } from '../../../events/outbox.js';
import type { Actor } from '../../../lib/actor.js';
import { badRequest, notFound } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { findTicketInScope, insertHistory, type TicketRow } from '../core/tickets.repository.js';
import { type Ctx, loadForWrite } from '../core/tickets.rules.js';
import * as repo from './links.repository.js';
import { assertNotMerged } from './merge.service.js';

/** Linked tickets, tickets merged into this one and the one it was merged into — those the caller may see. */
export async function listTicketLinks(deps: Deps, actor: Actor, id: string) {
  const { db } = deps.database;
  if (!(await findTicketInScope(db, actor, id))) throw notFound('tickets.not_found');
  const rows = await repo.listRelated(db, actor, id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      subject: r.subject,
      status: r.status as TicketRow['status'],
      typeKey: r.type_key,
      isComplaint: r.is_complaint,
      priority: r.priority as TicketRow['priority'],
      assignee: r.assignee_id ? { id: r.assignee_id, displayName: r.assignee_name ?? '' } : null,
      relation: r.relation,
      since: new Date(r.since).toISOString(),
    })),
  };
}

/**
 * Links two related tickets (stored once per pair). Both must be in the caller's scope (404) and
 * not merged; linking an already linked pair changes nothing.
 */
export async function linkTickets(deps: Deps, ctx: Ctx, id: string, otherId: string) {
  id = id.toLowerCase();
  otherId = otherId.toLowerCase();
  if (id === otherId) throw badRequest('tickets.link_same', {}, [{ path: 'ticketId', message: otherId }]);
  await deps.database.db.transaction(async (tx) => {
    const rows = new Map<string, TicketRow>();
    for (const key of [id, otherId].sort()) rows.set(key, (await loadForWrite(tx, ctx.actor, key)).ticket);
    const ticket = rows.get(id) as TicketRow;
    const other = rows.get(otherId) as TicketRow;
    await assertNotMerged(tx, ticket);
    await assertNotMerged(tx, other);
    if (!(await repo.insertLink(tx, id, otherId, ctx.actor.userId))) return;
    await insertHistory(tx, [
      { ticketId: id, actorId: ctx.actor.userId, action: 'linked', after: { ticketId: otherId, number: other.number } },
      {
        ticketId: otherId,
        actorId: ctx.actor.userId,
        action: 'linked',
        after: { ticketId: id, number: ticket.number },
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'ticket.linked',
      entityType: 'ticket',
      entityId: id,
      after: { linkedId: otherId, number: ticket.number, linkedNumber: other.number },
    });
    await recordEvent(tx, 'ticket.linked', { ticketId: id, linkedId: otherId }, ctx.actor.userId);
  });
  return listTicketLinks(deps, ctx.actor, id);
}

/**
 * Removes the link between two tickets. Both ends must be in the caller's scope (404), as for
 * linking: a link is part of both tickets, and removing it writes to both histories.
 */
export async function unlinkTickets(deps: Deps, ctx: Ctx, id: string, linkedId: string) {
  id = id.toLowerCase();
  linkedId = linkedId.toLowerCase();
  await deps.database.db.transaction(async (tx) => {
    const rows = new Map<string, TicketRow>();
    // In id order, like linkTickets: two changes of the same pair never deadlock.
    for (const key of [...new Set([id, linkedId])].sort()) {
      rows.set(key, (await loadForWrite(tx, ctx.actor, key)).ticket);
    }
    const ticket = rows.get(id) as TicketRow;
    if (!(await repo.deleteLink(tx, id, linkedId))) throw notFound('tickets.link_not_found');
    await insertHistory(tx, [
      {
        ticketId: id,
        actorId: ctx.actor.userId,
        action: 'unlinked',
        before: { ticketId: linkedId, number: rows.get(linkedId)?.number ?? null },
      },
      {
        ticketId: linkedId,
        actorId: ctx.actor.userId,
        action: 'unlinked',
        before: { ticketId: id, number: ticket.number },
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'ticket.unlinked',
      entityType: 'ticket',
      entityId: id,
      before: { linkedId, number: ticket.number },
    });
    for (const ticketId of [id, linkedId])
      await recordEvent(tx, 'ticket.updated', { ticketId, fields: ['links'] }, ctx.actor.userId);
  });
}
