import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Deps } from '../../../lib/deps.js';
import { callbacks } from '../callbacks.tables.js';
import { ensureOwners, loadTeam } from '../plans/distribute.js';
import { insertCallbacks, loadRules } from '../plans/generate.js';

/** An ad-hoc callback's deadline: this many working days, the due date counting (the same working day). */
export const AD_HOC_DEADLINE_WORKING_DAYS = 1;

/** A PostgreSQL array literal of texts, passed as one parameter (one statement for any number of rows). */
const textArray = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;

/** One callback owed outside any plan: an abandoned call of a known customer. */
export type AdHocCallback = {
  customerId: string;
  reason: 'abandoned_call';
  sourceKind: 'call';
  /** The call's id: one callback per source, however often it is scheduled. */
  sourceId: string;
};

/**
 * Makes ad-hoc callbacks (docs/calls.md, "Abandoned calls become callbacks"), set-based, through the
 * plans' insert path: due today (business time zone) at the first moment outside the quiet hours
 * (the customer's own rest hours when they have some), with a deadline of one working day (today
 * counting: a non-working day's callback is due by the end of the next working day), given to the
 * customer's callback owner (a new customer is dealt one; an away owner's goes to a substitute),
 * never delayed by the per-customer cap. Idempotent on (sourceKind, sourceId) through the
 * dedupe key `<sourceKind>:<sourceId>`. A customer who already has a pending callback of the same
 * kind gets no second one (the caller is already owed a call; one per customer in a batch too).
 * Records `callback.scheduled` and `callback.assigned` (customer id when the batch has one customer).
 * Runs in the caller's transaction (a savepoint); returns how many callbacks were made.
 */
export async function scheduleCallbacksFor(
  db: DbOrTx,
  deps: Deps,
  items: readonly AdHocCallback[],
  actorId: string | null = null,
): Promise<number> {
  if (items.length === 0) return 0;
  return db.transaction(async (tx) => {
    const base = await loadRules(tx, deps);
    const rules = { ...base, capDays: 0, deadlineWorkingDays: AD_HOC_DEADLINE_WORKING_DAYS };
    const team = await loadTeam(tx, null);
    const rows = sql`unnest(${textArray(items.map((i) => i.customerId))}::uuid[],
      ${textArray(items.map((i) => i.sourceKind))}::text[], ${textArray(items.map((i) => i.sourceId))}::text[])
      AS v(customer_id, source_kind, source_id)`;
    await ensureOwners(tx, team, sql`(SELECT DISTINCT customer_id FROM ${rows})`);
    const candidates = sql`(
      SELECT DISTINCT ON (v.customer_id, v.source_kind) v.customer_id, NULL::uuid AS plan_id, NULL::uuid AS step_id,
        NULL::uuid AS campaign_id, v.source_kind, v.source_id, v.source_kind || ':' || v.source_id AS dedupe_key,
        ${rules.today}::date AS anchor_date, ${rules.today}::date AS planned_date, 'call'::text AS channel,
        NULL::text AS purpose, true AS fixed
      FROM ${rows}
      WHERE NOT EXISTS (SELECT 1 FROM ${callbacks} x WHERE x.customer_id = v.customer_id
        AND x.source_kind = v.source_kind AND (x.status = 'pending' OR x.dedupe_key = v.source_kind || ':' || v.source_id))
      ORDER BY v.customer_id, v.source_kind, v.source_id)`;
    const outcomes = await insertCallbacks(tx, rules, team, candidates, 'ignore');
    const made = outcomes.reduce((n, o) => n + o.inserted, 0);
    if (made === 0) return 0;
    const customers = new Set(items.map((i) => i.customerId));
    const customerId = customers.size === 1 ? (items[0]?.customerId ?? null) : null;
    await recordEvent(tx, 'callback.scheduled', { customerId, campaignId: null, count: made }, actorId);
    for (const o of outcomes)
      if (o.assigneeId && o.inserted > 0)
        await recordEvent(
          tx,
          'callback.assigned',
          { assigneeId: o.assigneeId, customerId, campaignId: null, count: o.inserted },
          actorId,
        );
    return made;
  });
}
