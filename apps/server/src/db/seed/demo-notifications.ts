import { seedNotificationsDemo } from '../../modules/notifications/index.js';
import type { DbOrTx } from '../client.js';

/** Template overrides, channel settings and a delivery log with sent, failed and dead messages. */
export async function seedDemoNotifications(db: DbOrTx): Promise<void> {
  await seedNotificationsDemo(db);
}
