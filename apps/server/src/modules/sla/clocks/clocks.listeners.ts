import type { DurableListener, StoredEvent } from '../../../events/listener.js';
import { ensureSlaSeededIn } from '../policies/policies.seed.js';
import { recomputeTicketClocks } from './clocks.service.js';
import { requestRecompute } from './recompute-request.js';

/** The ticket events that can change a clock (status, waits, messages, promises, type, priority, department, merge). */
const TICKET_EVENTS = [
  'ticket.created',
  'ticket.updated',
  'ticket.status_changed',
  'ticket.replied',
  'ticket.assigned',
  'ticket.merged',
  'ticket.waiting_changed',
] as const;

function ticketIdsOf(event: StoredEvent): string[] {
  if (event.name === 'ticket.merged') {
    const p = event.payload as StoredEvent<'ticket.merged'>['payload'];
    return [p.targetId, p.sourceId];
  }
  return [(event.payload as { ticketId: string }).ticketId];
}

/**
 * Recomputes a ticket's clocks from its history after each change (in the delivery's
 * transaction: the stored clocks, `next_check_at` and the ticket's due column move together).
 */
export const slaTicketClocksListener: DurableListener = {
  name: 'sla.ticket_clocks',
  events: TICKET_EVENTS,
  async handle({ tx, event, deps }) {
    await ensureSlaSeededIn(tx, deps);
    for (const id of ticketIdsOf(event)) await recomputeTicketClocks(tx, deps, id);
  },
};

/** A calendar (or the official arrangements) changed: the clocks going on it are recomputed by the job. */
export const slaCalendarChangedListener: DurableListener = {
  name: 'sla.calendar_changed',
  events: ['calendar.changed'],
  async handle({ tx, event, deps }) {
    const p = event.payload as StoredEvent<'calendar.changed'>['payload'];
    await requestRecompute(tx, deps, { calendarId: p.calendarId });
  },
};
