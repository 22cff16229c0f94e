import { eq } from 'drizzle-orm';
import { ticketMessages, tickets } from '../../../db/schema/index.js';
import type { EventBus } from '../../../events/bus.js';
import type { Deps } from '../../../lib/deps.js';
import { insertTimelineEntries } from '../../customers/records/timeline.repository.js';

async function ticketOf(deps: Deps, ticketId: string) {
  const [row] = await deps.database.db
    .select({
      customerId: tickets.customerId,
      number: tickets.number,
      subject: tickets.subject,
      typeKey: tickets.typeKey,
      channel: tickets.channel,
      status: tickets.status,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  return row;
}

/**
 * The customer timeline learns about tickets through events: a new ticket, each status change,
 * and every message exchanged with the customer (internal notes stay off the customer's file).
 * Titles are stable keys with the ticket number; the web localizes them.
 */
export function registerTicketListeners(bus: EventBus, deps: Deps): void {
  bus.on('ticket.created', async (event) => {
    const ticket = await ticketOf(deps, event.payload.ticketId);
    if (!ticket?.customerId) return;
    await insertTimelineEntries(deps.database.db, [
      {
        customerId: ticket.customerId,
        kind: 'ticket',
        channel: ticket.channel,
        direction: 'inbound',
        title: `ticket.created:${ticket.number}`,
        body: ticket.subject,
        actorId: event.actorId,
        after: { typeKey: ticket.typeKey, status: ticket.status },
        refType: 'ticket',
        refId: event.payload.ticketId,
      },
    ]);
  });

  bus.on('ticket.status_changed', async (event) => {
    const ticket = await ticketOf(deps, event.payload.ticketId);
    if (!ticket?.customerId) return;
    await insertTimelineEntries(deps.database.db, [
      {
        customerId: ticket.customerId,
        kind: 'ticket',
        title: `ticket.status_changed:${ticket.number}`,
        body: ticket.subject,
        actorId: event.actorId,
        before: { status: event.payload.from },
        after: { status: event.payload.to },
        refType: 'ticket',
        refId: event.payload.ticketId,
      },
    ]);
  });

  bus.on('ticket.replied', async (event) => {
    if (event.payload.kind === 'note') return;
    const ticket = await ticketOf(deps, event.payload.ticketId);
    if (!ticket?.customerId) return;
    const [message] = await deps.database.db
      .select({ body: ticketMessages.body, channel: ticketMessages.channel })
      .from(ticketMessages)
      .where(eq(ticketMessages.id, event.payload.messageId));
    if (!message) return;
    await insertTimelineEntries(deps.database.db, [
      {
        customerId: ticket.customerId,
        kind: 'ticket',
        channel: message.channel,
        direction: event.payload.kind === 'inbound' ? 'inbound' : 'outbound',
        title: `ticket.${event.payload.kind}:${ticket.number}`,
        body: message.body.slice(0, 500),
        actorId: event.actorId,
        refType: 'ticket',
        refId: event.payload.ticketId,
      },
    ]);
  });
}
