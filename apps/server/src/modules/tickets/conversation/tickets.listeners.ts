import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { DurableListener, StoredEvent } from '../../../events/listener.js';
import { insertTimelineEntries } from '../../customers/index.js';
import { ticketMessages, tickets } from '../tickets.tables.js';

async function ticketOf(db: DbOrTx, ticketId: string) {
  const [row] = await db
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

type Payload<N extends 'ticket.created' | 'ticket.status_changed' | 'ticket.replied'> = StoredEvent<N>['payload'];

async function onCreated(tx: DbOrTx, event: StoredEvent) {
  const payload = event.payload as Payload<'ticket.created'>;
  const ticket = await ticketOf(tx, payload.ticketId);
  if (!ticket?.customerId) return;
  await insertTimelineEntries(tx, [
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
      refId: payload.ticketId,
    },
  ]);
}

async function onStatusChanged(tx: DbOrTx, event: StoredEvent) {
  const payload = event.payload as Payload<'ticket.status_changed'>;
  const ticket = await ticketOf(tx, payload.ticketId);
  if (!ticket?.customerId) return;
  await insertTimelineEntries(tx, [
    {
      customerId: ticket.customerId,
      kind: 'ticket',
      title: `ticket.status_changed:${ticket.number}`,
      body: ticket.subject,
      actorId: event.actorId,
      before: { status: payload.from },
      after: { status: payload.to },
      refType: 'ticket',
      refId: payload.ticketId,
    },
  ]);
}

async function onReplied(tx: DbOrTx, event: StoredEvent) {
  const payload = event.payload as Payload<'ticket.replied'>;
  if (payload.kind === 'note') return;
  const ticket = await ticketOf(tx, payload.ticketId);
  if (!ticket?.customerId) return;
  const [message] = await tx
    .select({ body: ticketMessages.body, channel: ticketMessages.channel })
    .from(ticketMessages)
    .where(eq(ticketMessages.id, payload.messageId));
  if (!message) return;
  await insertTimelineEntries(tx, [
    {
      customerId: ticket.customerId,
      kind: 'ticket',
      channel: message.channel,
      direction: payload.kind === 'inbound' ? 'inbound' : 'outbound',
      title: `ticket.${payload.kind}:${ticket.number}`,
      body: message.body.slice(0, 500),
      actorId: event.actorId,
      refType: 'ticket',
      refId: payload.ticketId,
    },
  ]);
}

/**
 * The customer timeline learns about tickets through durable events: a new ticket, each status
 * change, and every message exchanged with the customer (internal notes stay off the customer's
 * file). The entry is written in the delivery's transaction, so each event adds it exactly once.
 * Titles are stable keys with the ticket number; the web localizes them.
 */
export const ticketTimelineListeners: DurableListener[] = [
  {
    name: 'customers.ticket_timeline',
    events: ['ticket.created', 'ticket.status_changed', 'ticket.replied'],
    async handle({ tx, event }) {
      if (event.name === 'ticket.created') await onCreated(tx, event);
      else if (event.name === 'ticket.status_changed') await onStatusChanged(tx, event);
      else if (event.name === 'ticket.replied') await onReplied(tx, event);
    },
  },
];
