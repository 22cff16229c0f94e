import type { ModuleManifest } from '../../../lib/module.js';
import { slaCalendarChangedListener, slaTicketClocksListener } from './clocks.listeners.js';
import { slaClocksRoutes } from './clocks.routes.js';
import { slaRecompute } from './recompute.jobs.js';

/**
 * The clocks: rebuilt from the ticket's history by a pure engine (clock-engine.ts), stored as a
 * cache after every ticket event, recomputed when a calendar, policy or setting changes; the
 * clocks, explain and calendar-preview routes.
 */
export const slaClocksModule: ModuleManifest = {
  name: 'sla/clocks',
  routes: [{ plugin: slaClocksRoutes, prefix: '/api/v1/sla' }],
  errors: ['sla.clock_not_found'],
  listeners: [slaTicketClocksListener, slaCalendarChangedListener],
  jobs: [slaRecompute],
};
