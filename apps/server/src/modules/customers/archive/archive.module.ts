import type { ModuleManifest } from '../../../lib/module.js';
import { customerAudiences } from './customers.audience.js';
import { customersRoutes } from './customers.routes.js';

/** Companies and persons: create, edit, list within the data scope, custom field values. */
export const customersArchiveModule: ModuleManifest = {
  name: 'customers/archive',
  routes: [{ plugin: customersRoutes, prefix: '/api/v1/customers' }],
  permissions: ['customers.read', 'customers.write'],
  errors: [
    'customers.not_found',
    'customers.key_needs_two_staff',
    'customers.owner_not_found',
    'customers.custom_field_invalid',
    'customers.custom_field_required',
    'customers.contact_not_found',
  ],
  events: ['customer.created', 'customer.updated', 'customer.contact_logged'],
  audiences: { customer: customerAudiences },
};
