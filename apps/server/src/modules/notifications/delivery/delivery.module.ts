import type { ModuleManifest } from '../../../lib/module.js';
import { deliverNotificationJob, sweepNotificationsJob } from './delivery.jobs.js';
import { deliveryJobsListener } from './delivery.listeners.js';
import { deliveryRoutes } from './delivery.routes.js';

/** Delivery of e-mail, SMS and robot messages: jobs, attempts log, retries, dead letters. */
export const deliveryModule: ModuleManifest = {
  name: 'notifications/delivery',
  routes: [{ plugin: deliveryRoutes, prefix: '/api/v1/notification-deliveries' }],
  errors: ['notifications.not_resendable'],
  events: ['notification.queued', 'notification.created'],
  listeners: [deliveryJobsListener],
  jobs: [deliverNotificationJob, sweepNotificationsJob],
};
