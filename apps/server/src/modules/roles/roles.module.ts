import type { ModuleManifest } from '../../lib/module.js';
import { rolesRoutes } from './roles.routes.js';

export const rolesModule: ModuleManifest = {
  name: 'roles',
  description: 'Roles: their permissions and data scope; the list of permissions',
  routes: [{ plugin: rolesRoutes, prefix: '/api/v1' }],
  permissions: ['roles.read', 'roles.write'],
  errors: [
    'roles.cannot_edit_own_role',
    'roles.system_role_admin_only',
    'roles.grant_exceeds_actor',
    'roles.target_exceeds_actor',
    'roles.admin_locked',
    'roles.not_found',
    'roles.key_taken',
    'roles.system_role',
    'roles.in_use',
  ],
  events: ['role.created', 'role.updated', 'role.deleted'],
};
