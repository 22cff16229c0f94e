import type { ModuleManifest } from '../../lib/module.js';
import { handoverAudiences } from './handover.audience.js';
import { notifyHandoverCustomers } from './handover.jobs.js';
import { handoverRoutes } from './handover.routes.js';

export const handoverModule: ModuleManifest = {
  name: 'handover',
  description: 'A leaving or moving employee’s customers and open work moved to a successor in one transaction',
  routes: [{ plugin: handoverRoutes, prefix: '/api/v1/handovers' }],
  permissions: ['customers.handover'],
  errors: ['handover.same_user', 'handover.successor_inactive', 'handover.template_unknown_variable'],
  events: ['handover.completed'],
  jobs: [notifyHandoverCustomers],
  audiences: { handover: handoverAudiences },
};
