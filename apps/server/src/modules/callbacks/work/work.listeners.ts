import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import type { DurableListener, StoredEvent } from '../../../events/listener.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Deps } from '../../../lib/deps.js';
import { ensureOwners, loadTeam } from '../plans/distribute.js';
import { candidateValues, insertCallbacks, loadRules } from '../plans/generate.js';

/** The follow-up of a low score has its own time limit: this many working days (the due date counts). */
export const LOW_SCORE_DEADLINE_WORKING_DAYS = 1;

/**
 * A low score (NPS detractor or CSAT ≤ 2) of a known customer → a follow-up callback due today,
 * at the first allowed moment outside quiet hours, with its own deadline (one working day, the
 * due date counting), given to the customer's callback owner like every other callback (plans'
 * distribution; never delayed by the per-customer cap). Idempotent: one callback per survey
 * response (`dedupe_key` `s:<response>`), however often the event is delivered.
 */
export async function scheduleLowScoreFollowUp(
  tx: Tx,
  deps: Deps,
  input: { responseId: string; customerId: string },
  actorId: string | null,
) {
  const base = await loadRules(tx, deps);
  const rules = { ...base, capDays: 0, deadlineWorkingDays: LOW_SCORE_DEADLINE_WORKING_DAYS };
  const team = await loadTeam(tx, null);
  await ensureOwners(tx, team, sql`(SELECT ${input.customerId}::uuid AS customer_id)`);
  const outcomes = await insertCallbacks(
    tx,
    rules,
    team,
    candidateValues([
      {
        customerId: input.customerId,
        planId: null as unknown as string,
        stepId: null as unknown as string,
        campaignId: null,
        sourceKind: 'low_score',
        sourceId: input.responseId,
        dedupeKey: `s:${input.responseId}`,
        anchorDate: rules.today,
        plannedDate: rules.today,
        channel: 'call',
        purpose: null as unknown as string,
        fixed: true,
      },
    ]),
    'ignore',
  );
  const made = outcomes.reduce((n, o) => n + o.inserted, 0);
  if (made === 0) return;
  await recordEvent(tx, 'callback.scheduled', { customerId: input.customerId, campaignId: null, count: made }, actorId);
  for (const o of outcomes) {
    if (o.assigneeId && o.inserted > 0) {
      await recordEvent(
        tx,
        'callback.assigned',
        { assigneeId: o.assigneeId, customerId: input.customerId, campaignId: null, count: o.inserted },
        actorId,
      );
    }
  }
}

async function onSurveyAnswered(tx: Tx, deps: Deps, event: StoredEvent) {
  const payload = event.payload as StoredEvent<'survey.answered'>['payload'];
  if (!payload.lowScore || !payload.customerId) return;
  await scheduleLowScoreFollowUp(tx, deps, { responseId: payload.responseId, customerId: payload.customerId }, null);
}

export const workListeners: DurableListener[] = [
  {
    name: 'callbacks.low_score_follow_up',
    events: ['survey.answered'],
    handle: ({ tx, deps, event }) => onSurveyAnswered(tx, deps, event),
  },
];
