import { page, type WebModule } from '../../../webModule';

/** Assignment and agents: supervisors' availability board (every agent also switches their own status in the header). */
export const ticketsAssignmentModule: WebModule = {
  name: 'tickets/assignment',
  namespaces: ['ticketsAssignment'],
  routes: [
    {
      path: '/tickets/agents',
      order: 30,
      nameKey: 'ticketAgents',
      access: 'tickets.assign',
      element: page(() => import('./AgentsPage'), 'AgentsPage'),
    },
  ],
};
