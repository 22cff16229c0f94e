import type { ModuleManifest } from '../../../lib/module.js';
import { customerRecordsRoutes } from './customer-records.routes.js';
import { customerFiguresRoutes } from './figures.routes.js';

/** A customer's contacts, staff, timeline, milestones and business figures. */
export const customersRecordsModule: ModuleManifest = {
  name: 'customers/records',
  routes: [
    { plugin: customerRecordsRoutes, prefix: '/api/v1/customers' },
    { plugin: customerFiguresRoutes, prefix: '/api/v1/customers' },
  ],
  errors: ['customers.access_request_no_match', 'customers.milestone_not_found'],
  events: ['customer.milestone_set', 'customer.milestone_removed'],
};
