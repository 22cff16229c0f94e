import { page, type WebModule } from '../../../webModule';

/** A ticket: its page (lifecycle, fields, complaint protocol) and the new-ticket form; both out of the menu. */
export const ticketsCoreModule: WebModule = {
  name: 'tickets/core',
  namespaces: ['tickets'],
  routes: [
    {
      path: '/tickets/new',
      order: 20,
      nameKey: 'ticketNew',
      access: 'tickets.write',
      hideInMenu: true,
      element: page(() => import('./NewTicketPage'), 'NewTicketPage'),
    },
    // Last: ProLayout titles a page after the first route pattern that matches its path.
    {
      path: '/tickets/:id',
      order: 1000,
      nameKey: 'ticket',
      access: 'tickets.read',
      hideInMenu: true,
      element: page(() => import('./TicketPage'), 'TicketPage'),
    },
  ],
};
