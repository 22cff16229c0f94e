import type { ModuleManifest } from '../../../lib/module.js';
import { ticketSettingsRoutes } from './settings.routes.js';

/** Ticket types and root causes. */
export const ticketsSettingsModule: ModuleManifest = {
  name: 'tickets/settings',
  routes: [{ plugin: ticketSettingsRoutes, prefix: '/api/v1/ticket-settings' }],
  permissions: ['tickets.settings'],
  errors: [
    'tickets.type_not_found',
    'tickets.type_key_taken',
    'tickets.root_cause_not_found',
    'tickets.root_cause_key_taken',
  ],
};
