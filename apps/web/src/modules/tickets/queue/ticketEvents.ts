/**
 * Ticket events pushed over server-sent events (`GET /api/v1/realtime/stream`). Events carry ids
 * only; a page that cares refetches through the scoped API. Pure helpers here; pages subscribe
 * with useRealtimeEvents / useRealtimeRefresh (api/realtime.ts).
 */
import type { RealtimeEvent } from '../../../api/realtime';

/** Event names the queue and the ticket page follow (events/catalog.ts on the server). */
export const TICKET_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.assigned',
  'ticket.status_changed',
  'ticket.replied',
  'ticket.merged',
  'ticket.linked',
  'ticket.measure_updated',
  'ticket.waiting_changed',
  'complaint.major_reported',
] as const;

export type TicketEvent = RealtimeEvent;

/** The tickets an event is about (a merge names two, a link both ends). */
export function ticketIdsOf(event: TicketEvent): string[] {
  const ids = ['ticketId', 'targetId', 'sourceId', 'linkedId']
    .map((key) => event.payload[key])
    .filter((v): v is string => typeof v === 'string');
  return [...new Set(ids)];
}

/** Whether the ticket page of `ticketId`, viewed by `userId`, should say someone else changed it. */
export function changedByOthers(event: TicketEvent, ticketId: string, userId: string | undefined): boolean {
  return ticketIdsOf(event).includes(ticketId) && event.actorId !== null && event.actorId !== userId;
}
