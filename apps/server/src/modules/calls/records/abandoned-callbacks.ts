import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Deps } from '../../../lib/deps.js';
import { scheduleCallbacksFor } from '../../callbacks/index.js';
import { calls } from '../calls.tables.js';
import { readSettings } from '../stats/settings.repository.js';

/** Calls that entered a queue longer ago than this make no callback (an old log must not flood the pool). */
export const ABANDON_CALLBACK_MAX_AGE_DAYS = 7;

/**
 * Abandoned calls become callbacks (docs/calls.md, "Abandoned calls become callbacks"): of the
 * given calls (one stored batch, or one live event's call), those that are inbound, `abandoned`,
 * linked to a customer, entered within ABANDON_CALLBACK_MAX_AGE_DAYS days, and waited at least
 * `call_settings.abandon_callback_seconds` (null = never; the wait is the PBX's, else end − entry)
 * get a callback task through the callbacks module (`scheduleCallbacksFor`: one per call, and one
 * pending per customer). One query selects them, one statement makes the tasks, whatever the batch
 * size. Returns how many were made.
 */
export async function callbackAbandonedCalls(db: DbOrTx, deps: Deps, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const { abandonCallbackSeconds: threshold } = await readSettings(db);
  if (threshold === null) return 0;
  const result = await db.execute<{ id: string; customer_id: string }>(sql`
    SELECT ${calls.id} AS id, ${calls.customerId} AS customer_id FROM ${calls}
    WHERE ${calls.id} = ANY(${`{${ids.join(',')}}`}::uuid[])
      AND ${calls.outcome} = 'abandoned' AND ${calls.direction} = 'inbound' AND ${calls.customerId} IS NOT NULL
      AND ${calls.enteredAt} >= now() - ${ABANDON_CALLBACK_MAX_AGE_DAYS}::int * interval '1 day'
      AND coalesce(${calls.waitSeconds}, extract(epoch FROM ${calls.endedAt} - ${calls.enteredAt})) >= ${threshold}::int`);
  if (result.rows.length === 0) return 0;
  return scheduleCallbacksFor(
    db,
    deps,
    result.rows.map((r) => ({
      customerId: r.customer_id,
      reason: 'abandoned_call',
      sourceKind: 'call',
      sourceId: r.id,
    })),
  );
}
