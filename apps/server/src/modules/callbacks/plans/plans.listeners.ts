import type { DurableListener, StoredEvent } from '../../../events/listener.js';
import { recordEvent } from '../../../events/outbox.js';
import { dayIn } from '../../../lib/calendar-day.js';
import { reassignForStatus } from './distribute.js';
import { cancelForMilestone, scheduleFromClosedTicket, scheduleFromMilestone } from './generation.service.js';
import { ensureCallbacksSeededIn } from './templates.js';

/**
 * Milestones set and removed: the milestone plans' callbacks are made, moved or cancelled. Safe
 * to deliver twice (the callbacks are keyed by customer, milestone type, order and step).
 */
export const callbackMilestonesListener: DurableListener = {
  name: 'callbacks.milestones',
  events: ['customer.milestone_set', 'customer.milestone_removed'],
  async handle({ tx, event, deps }) {
    await ensureCallbacksSeededIn(tx, deps);
    if (event.name === 'customer.milestone_set')
      await scheduleFromMilestone(tx, deps, (event as StoredEvent<'customer.milestone_set'>).payload);
    else await cancelForMilestone(tx, (event as StoredEvent<'customer.milestone_removed'>).payload);
  },
};

/** A ticket closed: the field-visit or ticket-closed plan's callbacks (keyed by ticket and step). */
export const callbackClosedTicketsListener: DurableListener = {
  name: 'callbacks.closed_tickets',
  events: ['ticket.status_changed'],
  async handle({ tx, event, deps }) {
    const p = (event as StoredEvent<'ticket.status_changed'>).payload;
    if (p.to !== 'closed') return;
    await ensureCallbacksSeededIn(tx, deps);
    await scheduleFromClosedTicket(tx, deps, p.ticketId);
  },
};

/** An owner goes away: due callbacks to substitutes; back on duty: they come back. */
export const callbackAgentStatusListener: DurableListener = {
  name: 'callbacks.agent_status',
  events: ['agent.status_changed'],
  async handle({ tx, event, deps }) {
    const p = (event as StoredEvent<'agent.status_changed'>).payload;
    const moved = await reassignForStatus(tx, p.userId, p.status, dayIn(new Date(), deps.config.timezone));
    for (const m of moved)
      await recordEvent(
        tx,
        'callback.assigned',
        { assigneeId: m.assigneeId, customerId: null, campaignId: null, count: m.count },
        null,
      );
  },
};
