import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { quietUntil } from '../../notifications/index.js';
import { callbackCustomerPreferences, callbacks, type QuietWindow } from '../callbacks.tables.js';
import { firstAllowedMoment, quietPeriods } from '../plans/schedule.js';

/**
 * A customer's own rest hours in scheduling (docs/callbacks.md, "Quiet hours"): they replace the
 * settings' windows for that customer. Generation places callbacks set-based with the settings'
 * windows, then this moves the few of customers who have their own (`placeForCustomers`).
 */

/** Whether any customer has rest hours of their own (generation skips the second pass when none has). */
export async function anyCustomerQuietHours(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ one: sql<number>`1` }).from(callbackCustomerPreferences).limit(1);
  return row !== undefined;
}

/** The first moment of each given callback's due date outside its customer's own rest hours. */
export async function placeForCustomers(db: DbOrTx, callbackIds: readonly string[], timeZone: string) {
  if (callbackIds.length === 0) return 0;
  const rows = await db
    .select({ id: callbacks.id, dueDate: callbacks.dueDate, windows: callbackCustomerPreferences.quietWindows })
    .from(callbacks)
    .innerJoin(callbackCustomerPreferences, eq(callbackCustomerPreferences.customerId, callbacks.customerId))
    .where(inArray(callbacks.id, [...callbackIds]));
  for (const row of rows) {
    await db
      .update(callbacks)
      .set({ scheduledAt: firstAllowedMoment(row.dueDate, row.windows, timeZone) })
      .where(eq(callbacks.id, row.id));
  }
  return rows.length;
}

/**
 * After a customer's rest hours changed: each pending callback of theirs at the first moment of its
 * due date outside `windows`, and a same-day retry moved out of them. Returns how many moved.
 */
export async function rescheduleCustomer(
  db: DbOrTx,
  customerId: string,
  windows: readonly QuietWindow[],
  timeZone: string,
) {
  const rows = await db
    .select({
      id: callbacks.id,
      dueDate: callbacks.dueDate,
      scheduledAt: callbacks.scheduledAt,
      nextAttemptAt: callbacks.nextAttemptAt,
    })
    .from(callbacks)
    .where(and(eq(callbacks.customerId, customerId), eq(callbacks.status, 'pending')));
  let moved = 0;
  for (const row of rows) {
    const scheduledAt = firstAllowedMoment(row.dueDate, windows, timeZone);
    const nextAttemptAt = row.nextAttemptAt
      ? (quietUntil(row.nextAttemptAt, quietPeriods(windows), timeZone) ?? row.nextAttemptAt)
      : null;
    if (
      scheduledAt.getTime() === row.scheduledAt.getTime() &&
      nextAttemptAt?.getTime() === row.nextAttemptAt?.getTime()
    ) {
      continue;
    }
    await db
      .update(callbacks)
      .set({ scheduledAt, nextAttemptAt, updatedAt: new Date(), version: sql`${callbacks.version} + 1` })
      .where(eq(callbacks.id, row.id));
    moved += 1;
  }
  return moved;
}
