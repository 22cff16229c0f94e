import { asc, eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp } from '../../../../test/helpers.js';
import type { DbOrTx } from '../../../db/client.js';
import { callbackPlanSteps, callbacks } from '../callbacks.tables.js';

/** A customer's callbacks, by due date, with their step's milestone type (tests read the table). */
export async function callbacksOf(db: DbOrTx, customerId: string) {
  return db
    .select({
      id: callbacks.id,
      status: callbacks.status,
      dueDate: callbacks.dueDate,
      plannedDate: callbacks.plannedDate,
      scheduledAt: callbacks.scheduledAt,
      deadlineAt: callbacks.deadlineAt,
      channel: callbacks.channel,
      assigneeId: callbacks.assigneeId,
      sourceKind: callbacks.sourceKind,
      sourceId: callbacks.sourceId,
      milestoneTypeKey: callbackPlanSteps.milestoneTypeKey,
      fixed: callbackPlanSteps.fixedDate,
    })
    .from(callbacks)
    .leftJoin(callbackPlanSteps, eq(callbackPlanSteps.id, callbacks.stepId))
    .where(eq(callbacks.customerId, customerId))
    .orderBy(asc(callbacks.dueDate), asc(callbacks.createdAt));
}

/** Delivers the outbox and checks that no callbacks listener failed. */
export async function drainCallbacks(t: TestApp) {
  await t.app.deps.outbox.drain();
  const failed = await t.database.db.execute<{ listener: string; last_error: string }>(
    sql`SELECT listener, last_error FROM outbox_deliveries WHERE listener LIKE 'callbacks.%' AND last_error IS NOT NULL`,
  );
  expect(failed.rows).toEqual([]);
}
