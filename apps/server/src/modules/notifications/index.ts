export type { DeliveryOutcome } from './delivery/deliver.js';
export {
  type Delivery,
  type DeliveryListFilter,
  listDeliveries,
  type SendNowResult,
  sendNow,
} from './delivery/delivery.service.js';
export type { NotificationContent, NotificationInput } from './delivery/queue.service.js';
export { queueNotification, queueNotifications } from './delivery/queue.service.js';
/** When an instant falls in quiet periods (local times), the instant they end; the callbacks module's quiet hours too. */
export { quietUntil } from './delivery/quiet-hours.js';
export { notifiedSince } from './inbox/inbox.repository.js';
export { seedNotificationsDemo } from './notifications.seed.js';
export { isTopic, TOPIC_NAMES, TOPICS, type Topic } from './topics.js';
