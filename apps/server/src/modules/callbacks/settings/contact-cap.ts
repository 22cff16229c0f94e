import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { callbackPlanSteps, callbacks } from '../callbacks.tables.js';
import { readSettings } from './settings.repository.js';

/**
 * The per-customer cap for other kinds of contact (a survey sent after a closed ticket): the
 * settings' `capDays`, and whether a callback of the customer that counts for the cap (not
 * cancelled, not a fixed-date greeting) is due within that many days of `date`, before or after.
 */
export async function customerContactCap(db: DbOrTx): Promise<number> {
  return (await readSettings(db)).capDays;
}

export async function hasCallbackNear(db: DbOrTx, customerId: string, date: string, days: number): Promise<boolean> {
  if (days <= 0) return false;
  const [row] = await db
    .select({ id: callbacks.id })
    .from(callbacks)
    .where(
      and(
        eq(callbacks.customerId, customerId),
        ne(callbacks.status, 'cancelled'),
        sql`${callbacks.dueDate} > ${date}::date - ${days}::int AND ${callbacks.dueDate} < ${date}::date + ${days}::int`,
        sql`NOT EXISTS (SELECT 1 FROM ${callbackPlanSteps} s WHERE s.id = ${callbacks.stepId} AND s.fixed_date)`,
      ),
    )
    .limit(1);
  return row !== undefined;
}
