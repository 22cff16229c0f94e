import type { ModuleManifest } from '../../../lib/module.js';
import { ticketQueueRoutes } from './queue.routes.js';

/** Lists and search within the data scope, counts, bulk actions (the list route is mounted by tickets/core). */
export const ticketsQueueModule: ModuleManifest = {
  name: 'tickets/queue',
  routes: [{ plugin: ticketQueueRoutes, prefix: '/api/v1/tickets' }],
};
