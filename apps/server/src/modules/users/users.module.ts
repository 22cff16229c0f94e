import type { ModuleManifest } from '../../lib/module.js';
import { userAudiences } from './users.audience.js';
import { usersRoutes } from './users.routes.js';

export const usersModule: ModuleManifest = {
  name: 'users',
  description: 'Accounts, role, department and direct superior; lists within the caller’s data scope',
  routes: [{ plugin: usersRoutes, prefix: '/api/v1/users' }],
  permissions: ['users.read', 'users.write'],
  errors: [
    'users.username_taken',
    'users.not_found',
    'users.superior_cycle',
    'users.cannot_disable_self',
    'users.role_escalation',
    'users.last_admin',
    'users.cannot_edit_self_org',
    'users.cannot_reset_own_password',
    'users.target_outranks_actor',
    'users.department_out_of_scope',
    'users.grant_exceeds_actor',
  ],
  events: ['user.created', 'user.updated'],
  // An agent (tickets/assignment) is a user: the same people are concerned.
  audiences: { user: userAudiences, agent: userAudiences },
};
