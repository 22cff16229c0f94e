import type { ModuleManifest } from '../../../lib/module.js';
import { ticketLinksRoutes } from './links.routes.js';
import { ticketMergeRoutes } from './merge.routes.js';

/** Merge, links and watchers. */
export const ticketsRelationsModule: ModuleManifest = {
  name: 'tickets/relations',
  routes: [
    { plugin: ticketMergeRoutes, prefix: '/api/v1/tickets' },
    { plugin: ticketLinksRoutes, prefix: '/api/v1/tickets' },
  ],
  errors: [
    'tickets.merge_same',
    'tickets.merge_finished',
    'tickets.link_same',
    'tickets.ticket_merged',
    'tickets.link_not_found',
    'tickets.watcher_not_eligible',
  ],
  events: ['ticket.merged', 'ticket.linked'],
};
