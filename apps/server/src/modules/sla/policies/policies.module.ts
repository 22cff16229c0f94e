import type { ModuleManifest } from '../../../lib/module.js';
import { slaLaddersRoutes } from './ladders.routes.js';
import { slaPoliciesRoutes } from './policies.routes.js';

/** The policy matrix (type × priority × grade), the escalation ladders and the SLA settings; the defaults. */
export const slaPoliciesModule: ModuleManifest = {
  name: 'sla/policies',
  routes: [
    { plugin: slaPoliciesRoutes, prefix: '/api/v1/sla' },
    { plugin: slaLaddersRoutes, prefix: '/api/v1/sla' },
  ],
  errors: [
    'sla.policy_not_found',
    'sla.ladder_not_found',
    'sla.ladder_in_use',
    'sla.ladder_builtin',
    'sla.invalid_weights',
    'sla.invalid_warn_percents',
    'sla.unknown_ticket_type',
    'sla.unknown_calendar',
    'sla.unknown_ladder',
    'sla.unknown_department',
    'sla.unknown_role',
    'sla.unknown_user',
    'sla.department_required',
  ],
};
