import type { ModuleManifest } from '../../../lib/module.js';
import { customerMergeRoutes } from './merge.routes.js';

/** Possible duplicates and merging two customers. */
export const customersDuplicatesModule: ModuleManifest = {
  name: 'customers/duplicates',
  routes: [{ plugin: customerMergeRoutes, prefix: '/api/v1/customers' }],
  permissions: ['customers.merge'],
  errors: ['customers.possible_duplicate', 'customers.duplicate_elsewhere', 'customers.merge_same'],
  events: ['customer.merged'],
};
