import { page, type WebModule } from '../../../webModule';

/** Ticket types and root causes: read by all who read tickets (forms need them); tickets.settings edits. */
export const ticketsSettingsModule: WebModule = {
  name: 'tickets/settings',
  namespaces: ['ticketsSettings'],
  routes: [
    {
      path: '/tickets/settings',
      order: 60,
      nameKey: 'ticketSettings',
      access: 'tickets.read',
      element: page(() => import('./TicketSettingsPage'), 'TicketSettingsPage'),
    },
  ],
};
