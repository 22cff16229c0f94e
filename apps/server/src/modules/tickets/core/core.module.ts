import type { ModuleManifest } from '../../../lib/module.js';
import { improvementMeasureAudiences, ticketAttachmentAudiences, ticketAudiences } from './tickets.audience.js';
import { ticketsRoutes } from './tickets.routes.js';

/** A ticket's record, lifecycle state machine and complaint protocol. */
export const ticketsCoreModule: ModuleManifest = {
  name: 'tickets/core',
  routes: [{ plugin: ticketsRoutes, prefix: '/api/v1/tickets' }],
  permissions: ['tickets.read', 'tickets.write', 'tickets.supervise'],
  errors: [
    'tickets.not_found',
    'tickets.version_conflict',
    'tickets.transition_not_allowed',
    'tickets.transition_forbidden',
    'tickets.next_reply_required',
    'tickets.next_reply_in_past',
    'tickets.facts_incomplete',
    'tickets.resolution_required',
    'tickets.feedback_required',
    'tickets.root_cause_required',
    'tickets.measure_required',
    'tickets.forbidden_phrase',
    'tickets.assignee_not_eligible',
  ],
  events: [
    'ticket.created',
    'ticket.updated',
    'ticket.status_changed',
    'ticket.waiting_changed',
    'complaint.major_reported',
  ],
  audiences: {
    ticket: ticketAudiences,
    ticket_attachment: ticketAttachmentAudiences,
    improvement_measure: improvementMeasureAudiences,
  },
  searchDocuments: ['ticket'],
};
