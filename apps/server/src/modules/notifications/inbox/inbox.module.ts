import type { ModuleManifest } from '../../../lib/module.js';
import { inboxRoutes } from './inbox.routes.js';

/** The caller's own in-app notifications (the bell). */
export const inboxModule: ModuleManifest = {
  name: 'notifications/inbox',
  routes: [{ plugin: inboxRoutes, prefix: '/api/v1/notifications' }],
  errors: ['notifications.not_found'],
};
