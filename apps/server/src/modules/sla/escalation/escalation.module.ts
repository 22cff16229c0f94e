import type { ModuleManifest } from '../../../lib/module.js';
import { slaEscalationRoutes } from './escalation.routes.js';
import { slaSweep } from './sweep.jobs.js';

/**
 * Warnings, breach notices and escalation ladders: the sweep fires each step exactly once
 * (sla_firings), manual escalation with skip-level, the at-risk queue.
 */
export const slaEscalationModule: ModuleManifest = {
  name: 'sla/escalation',
  routes: [{ plugin: slaEscalationRoutes, prefix: '/api/v1/sla' }],
  errors: [
    'sla.no_ladder',
    'sla.clock_not_running',
    'sla.level_not_above',
    'sla.level_out_of_range',
    'sla.skip_reason_required',
  ],
  events: ['sla.warned', 'sla.escalated'],
  jobs: [slaSweep],
};
