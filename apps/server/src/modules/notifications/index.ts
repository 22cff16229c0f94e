export { notifiedSince } from './notifications.repository.js';
export type { NotificationInput } from './notifications.service.js';
export { queueNotification, queueNotifications } from './notifications.service.js';
