import type { ModuleManifest } from '../../../lib/module.js';
import { customerSettingsRoutes } from './settings.routes.js';

/** Categories, milestone types, custom fields and other customer settings. */
export const customersSettingsModule: ModuleManifest = {
  name: 'customers/settings',
  routes: [{ plugin: customerSettingsRoutes, prefix: '/api/v1/customer-settings' }],
  permissions: ['customers.settings'],
  errors: [
    'customers.category_not_found',
    'customers.milestone_type_not_found',
    'customers.setting_key_taken',
    'customers.custom_field_not_found',
    'customers.custom_field_in_use',
    'customers.custom_field_options_invalid',
  ],
};
