import type { ModuleManifest } from '../../../lib/module.js';
import { templatesRoutes } from './templates.routes.js';

/** Wording of messages per topic × channel × language: code defaults and administrators' overrides. */
export const templatesModule: ModuleManifest = {
  name: 'notifications/templates',
  routes: [{ plugin: templatesRoutes, prefix: '/api/v1/notification-templates' }],
  errors: ['notifications.template_not_found', 'notifications.template_unknown_variable'],
};
