import { z } from 'zod';
import { recordEvent } from '../../../events/outbox.js';
import { defineJob } from '../../../jobs/definition.js';
import { returnOverdueToPool } from './work.repository.js';

const BATCH = 500;

/**
 * Every 5 minutes: callbacks past their deadline (the working-day clock) and not done go back to
 * the pool — no assignee, event `callback.returned_to_pool` each — for a manager to give out again.
 * Safe on several instances (SKIP LOCKED) and exactly once per callback (the job's transaction);
 * a full batch sends the next run at once.
 */
export const returnOverdueCallbacks = defineJob({
  name: 'callbacks.return_overdue',
  schema: z.object({}),
  cron: '*/5 * * * *',
  retryLimit: 3,
  retryDelaySeconds: 30,
  expireInSeconds: 300,
  async handler({ tx, deps }) {
    const returned = await returnOverdueToPool(tx, new Date(), BATCH);
    for (const r of returned) {
      await recordEvent(tx, 'callback.returned_to_pool', {
        callbackId: r.id,
        customerId: r.customerId,
        previousAssigneeId: r.previousAssigneeId,
      });
    }
    if (returned.length >= BATCH && deps.jobs.started) await deps.jobs.send('callbacks.return_overdue', {}, { tx });
  },
});
