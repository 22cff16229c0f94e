import { z } from 'zod';
import { defineJob } from '../../../jobs/definition.js';
import { DELIVER_JOB, deliverNotification, scheduleDelivery } from './deliver.js';
import { overdueRows } from './delivery.repository.js';

/**
 * Delivers one message (deliver.ts): claimed in a short transaction (row locked, status checked,
 * set `sending`), sent outside any transaction, its outcome recorded in another — so a second job
 * for the same message finds it taken, and a slow peer holds no database connection. Not a
 * transactional job (the send is outside the database): a run that dies while sending leaves the
 * claim to expire, and the sweep sends the job again. Database errors are retried by the queue.
 */
export const deliverNotificationJob = defineJob({
  name: DELIVER_JOB,
  schema: z.object({ notificationId: z.uuid() }),
  transaction: false,
  retryLimit: 5,
  retryDelaySeconds: 30,
  expireInSeconds: 120,
  batchSize: 5,
  async handler({ data, deps }) {
    await deliverNotification(deps, data.notificationId);
  },
});

/** How late a waiting message may be before the sweep sends its job again. */
const OVERDUE_MS = 2 * 60_000;
const SWEEP_LIMIT = 500;

/**
 * Every minute: messages waiting past their time get a delivery job again — those queued while
 * the job runner was stopped, those queued before deliveries existed (the handover notices), any
 * whose job was lost, and those whose sending run died (claim expired). A duplicate job is harmless: the row lock and status check let one send.
 */
export const sweepNotificationsJob = defineJob({
  name: 'notifications.sweep',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  retryLimit: 0,
  expireInSeconds: 120,
  async handler({ tx, deps }) {
    for (const row of await overdueRows(tx, new Date(), OVERDUE_MS, SWEEP_LIMIT)) {
      await scheduleDelivery(tx, deps, row.id, null);
    }
  },
});
