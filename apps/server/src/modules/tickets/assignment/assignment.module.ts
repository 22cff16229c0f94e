import type { ModuleManifest } from '../../../lib/module.js';
import { agentsRoutes } from './agents.routes.js';
import { ticketAssignmentRoutes } from './assignment.routes.js';

/** Manual, round-robin and least-loaded assignment; agents' availability and skills. */
export const ticketsAssignmentModule: ModuleManifest = {
  name: 'tickets/assignment',
  routes: [
    { plugin: ticketAssignmentRoutes, prefix: '/api/v1/tickets' },
    { plugin: agentsRoutes, prefix: '/api/v1/agents' },
  ],
  permissions: ['tickets.assign'],
  errors: ['tickets.no_agent_available'],
  events: ['ticket.assigned', 'agent.status_changed'],
};
