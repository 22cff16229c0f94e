import type { ModuleManifest } from '../../lib/module.js';
import { notificationsRoutes } from './notifications.routes.js';

export const notificationsModule: ModuleManifest = {
  name: 'notifications',
  description: 'In-app notifications; e-mail and SMS rows queued for delivery',
  routes: [{ plugin: notificationsRoutes, prefix: '/api/v1/notifications' }],
  errors: ['notifications.not_found'],
};
