import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../jobs/definition.js';

/** How long a fully delivered event stays in the outbox (for inspection) before it is purged. */
export const OUTBOX_RETENTION_DAYS = 7;
const BATCH = 5000;

/**
 * Daily: deletes outbox events older than the retention whose deliveries are all done (none
 * `pending` or `dead`); their delivery rows go with them (ON DELETE CASCADE). Each batch is its own
 * statement outside any transaction (`transaction: false`: idempotent, at least once), so a large
 * backlog never makes one long transaction (on PGlite every request would wait for it).
 */
export const purgeOutbox = defineJob({
  name: 'maintenance.purge_outbox',
  schema: z.object({}),
  cron: '50 3 * * *',
  transaction: false,
  async handler({ deps }) {
    for (;;) {
      const result = await deps.database.db.execute(sql`
        DELETE FROM outbox_events WHERE id IN (
          SELECT e.id FROM outbox_events e
          WHERE e.created_at < now() - ${OUTBOX_RETENTION_DAYS} * interval '1 day'
            AND NOT EXISTS (
              SELECT 1 FROM outbox_deliveries d WHERE d.event_id = e.id AND d.status <> 'delivered')
          ORDER BY e.id
          LIMIT ${BATCH})
        RETURNING id`);
      if (result.rows.length < BATCH) return;
    }
  },
});
