/**
 * Ticket events pushed over server-sent events (`GET /api/v1/realtime/stream`). Events carry ids
 * only; a page that cares refetches through the scoped API. Pure helpers here, the hook in
 * useTicketEvents.ts.
 */

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
  'complaint.major_reported',
] as const;

export type TicketEvent = {
  name: string;
  payload: Record<string, unknown>;
  actorId: string | null;
  at?: string;
};

/** Parses one SSE frame's data; undefined when it is not an event of ours. */
export function parseTicketEvent(data: string): TicketEvent | undefined {
  try {
    const value = JSON.parse(data) as Partial<TicketEvent>;
    if (typeof value?.name !== 'string' || typeof value.payload !== 'object' || value.payload === null)
      return undefined;
    return { name: value.name, payload: value.payload, actorId: value.actorId ?? null, at: value.at };
  } catch {
    return undefined;
  }
}

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
