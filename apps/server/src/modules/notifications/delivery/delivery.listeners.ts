import type { DurableListener, StoredEvent } from '../../../events/listener.js';
import type { DeliveryChannel } from '../../../lib/channel-adapter.js';
import { channelSettings } from '../preferences/channel-settings.js';
import { scheduleDelivery } from './deliver.js';
import { queuedRows, updateNotification } from './delivery.repository.js';
import { quietUntil } from './quiet-hours.js';

/**
 * Sends one `notifications.deliver` job per queued message, in the delivery's transaction (so
 * each message gets its job once). A message to a customer during the channel's quiet hours
 * waits for their end (`next_attempt_at`, the job's start).
 */
export const deliveryJobsListener: DurableListener = {
  name: 'notifications.delivery_jobs',
  events: ['notification.queued'],
  async handle({ tx, event, deps }) {
    if (!deps.jobs.started) return; // the sweep sends them when the runner runs
    const { ids } = (event as StoredEvent<'notification.queued'>).payload;
    const now = new Date();
    const settings = new Map<string, Awaited<ReturnType<typeof channelSettings>>>();
    for (const row of await queuedRows(tx, ids)) {
      let at = row.nextAttemptAt;
      if (row.customerId) {
        const channel = row.channel as DeliveryChannel;
        if (!settings.has(channel)) settings.set(channel, await channelSettings(tx, channel));
        const quiet = quietUntil(now, settings.get(channel)?.quietHours ?? [], deps.config.timezone);
        if (quiet && (!at || quiet > at)) {
          at = quiet;
          await updateNotification(tx, row.id, { nextAttemptAt: quiet });
        }
      }
      await scheduleDelivery(tx, deps, row.id, at);
    }
  },
};
