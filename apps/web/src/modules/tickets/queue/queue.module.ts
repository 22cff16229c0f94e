import { page, type WebModule } from '../../../webModule';

export const ticketsQueueModule: WebModule = {
  name: 'tickets/queue',
  namespaces: ['ticketsQueue'],
  routes: [
    {
      path: '/tickets/queue',
      order: 10,
      nameKey: 'tickets',
      access: 'tickets.read',
      element: page(() => import('./TicketsPage'), 'TicketsPage'),
      prefetch: () => import('./prefetch').then((m) => m.prefetchQueue),
    },
  ],
};
