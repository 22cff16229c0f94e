import type { ModuleManifest } from '../../lib/module.js';
import { departmentsRoutes } from './departments.routes.js';

export const departmentsModule: ModuleManifest = {
  name: 'departments',
  description: 'The department tree and its managers',
  routes: [{ plugin: departmentsRoutes, prefix: '/api/v1/departments' }],
  permissions: ['departments.read', 'departments.write'],
  errors: [
    'departments.not_found',
    'departments.parent_cycle',
    'departments.not_empty',
    'departments.outside_own_tree',
  ],
  events: ['department.created', 'department.updated', 'department.deleted'],
};
