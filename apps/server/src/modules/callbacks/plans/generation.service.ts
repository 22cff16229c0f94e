import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Deps } from '../../../lib/deps.js';
import { findTicketSummaries } from '../../tickets/index.js';
import { type CallbackTrigger, callbackPlanSteps, callbackPlans, callbacks } from '../callbacks.tables.js';
import { ensureOwners, hasOwner, loadTeam } from './distribute.js';
import {
  type Candidate,
  cancelPending,
  candidateValues,
  effectivePlannedDate,
  type InsertOutcome,
  insertCallbacks,
  loadRules,
  type Rules,
} from './generate.js';
import { offsetDate } from './schedule.js';

type PlanStep = {
  planId: string;
  departmentId: string | null;
  ticketTypeKeys: string[];
  stepId: string;
  milestoneTypeKey: string | null;
  offsetDays: number;
  dayKind: 'calendar' | 'working';
  channel: string;
  purpose: string;
  fixed: boolean;
};

async function activeSteps(tx: Tx, trigger: CallbackTrigger): Promise<PlanStep[]> {
  return tx
    .select({
      planId: callbackPlans.id,
      departmentId: callbackPlans.departmentId,
      ticketTypeKeys: callbackPlans.ticketTypeKeys,
      stepId: callbackPlanSteps.id,
      milestoneTypeKey: sql<
        string | null
      >`coalesce(${callbackPlanSteps.milestoneTypeKey}, ${callbackPlans.milestoneTypeKey})`,
      offsetDays: callbackPlanSteps.offsetDays,
      dayKind: callbackPlanSteps.dayKind,
      channel: callbackPlanSteps.channel,
      purpose: callbackPlanSteps.purpose,
      fixed: callbackPlanSteps.fixedDate,
    })
    .from(callbackPlanSteps)
    .innerJoin(callbackPlans, eq(callbackPlans.id, callbackPlanSteps.planId))
    .where(
      and(eq(callbackPlans.trigger, trigger), eq(callbackPlans.isActive, true), eq(callbackPlanSteps.isActive, true)),
    )
    .orderBy(callbackPlans.id, callbackPlanSteps.position);
}

/**
 * Makes a customer's callbacks plan by plan (each plan's specialists), step by step (each step
 * sees the ones before it, for the cap), and records the events.
 */
async function generateForCustomer(
  tx: Tx,
  rules: Rules,
  customerId: string,
  steps: PlanStep[],
  candidateOf: (step: PlanStep) => Candidate | null,
  mode: 'ignore' | 'upsert',
) {
  const outcomes: InsertOutcome[] = [];
  const byPlan = new Map<string, PlanStep[]>();
  for (const step of steps) byPlan.set(step.planId, [...(byPlan.get(step.planId) ?? []), step]);
  for (const planSteps of byPlan.values()) {
    const candidates = planSteps.map(candidateOf).filter((c): c is Candidate => c !== null);
    if (candidates.length === 0) continue;
    const team = await loadTeam(tx, planSteps[0]?.departmentId ?? null);
    if (!(await hasOwner(tx, team, customerId)))
      await ensureOwners(tx, team, sql`(SELECT ${customerId}::uuid AS customer_id)`);
    for (const c of candidates) outcomes.push(...(await insertCallbacks(tx, rules, team, candidateValues([c]), mode)));
  }
  const made = outcomes.reduce((n, o) => n + o.inserted + o.moved, 0);
  if (made > 0) await recordEvent(tx, 'callback.scheduled', { customerId, campaignId: null, count: made }, null);
  const perAssignee = new Map<string, number>();
  for (const o of outcomes)
    if (o.assigneeId && o.inserted > 0)
      perAssignee.set(o.assigneeId, (perAssignee.get(o.assigneeId) ?? 0) + o.inserted);
  for (const [assigneeId, count] of perAssignee)
    await recordEvent(tx, 'callback.assigned', { assigneeId, customerId, campaignId: null, count }, null);
  return made;
}

/**
 * `customer.milestone_set`: the steps counting from this milestone type. The series key is the
 * customer, the milestone type and the order, so setting the same milestone again with another
 * date moves its pending callbacks instead of adding more.
 */
export async function scheduleFromMilestone(
  tx: Tx,
  deps: Deps,
  p: { customerId: string; milestoneId: string; typeKey: string; date: string; orderId: string | null },
) {
  const steps = (await activeSteps(tx, 'milestone')).filter((s) => s.milestoneTypeKey === p.typeKey);
  if (steps.length === 0) return 0;
  const rules = await loadRules(tx, deps);
  const candidateOf = (s: PlanStep): Candidate | null => {
    const planned = effectivePlannedDate(rules, offsetDate(rules.calendar, p.date, s.offsetDays, s.dayKind), s.fixed);
    const dedupeKey = `m:${p.customerId}:${p.typeKey}:${p.orderId ?? '-'}:${s.stepId}`;
    if (!planned) return null;
    return {
      customerId: p.customerId,
      planId: s.planId,
      stepId: s.stepId,
      campaignId: null,
      sourceKind: 'milestone',
      sourceId: p.milestoneId,
      dedupeKey,
      anchorDate: p.date,
      plannedDate: planned,
      channel: s.channel,
      purpose: s.purpose,
      fixed: s.fixed,
    };
  };
  // A date moved into the past (or too far back): its pending callbacks are cancelled.
  for (const s of steps)
    if (!candidateOf(s))
      await cancelPending(
        tx,
        sql`${callbacks.dedupeKey} = ${`m:${p.customerId}:${p.typeKey}:${p.orderId ?? '-'}:${s.stepId}`}`,
        'milestone_moved',
      );
  return generateForCustomer(tx, rules, p.customerId, steps, candidateOf, 'upsert');
}

/** `customer.milestone_removed`: the milestone's pending callbacks are cancelled. */
export async function cancelForMilestone(tx: Tx, p: { customerId: string; milestoneId: string }) {
  return cancelPending(
    tx,
    sql`${callbacks.customerId} = ${p.customerId} AND ${callbacks.sourceKind} = 'milestone' AND ${callbacks.sourceId} = ${p.milestoneId}`,
    'milestone_removed',
  );
}

const matchesType = (s: PlanStep, typeKey: string) =>
  s.ticketTypeKeys.length === 0 || s.ticketTypeKeys.includes(typeKey);

/**
 * A ticket closed: the field-visit plans whose ticket types include it, else the ticket-closed
 * plans (never both: one service is called back once). Counted from the close date.
 */
export async function scheduleFromClosedTicket(tx: Tx, deps: Deps, ticketId: string) {
  const [ticket] = await findTicketSummaries(tx, [ticketId]);
  if (!ticket?.customerId) return 0;
  const customerId = ticket.customerId;
  const visit = (await activeSteps(tx, 'field_visit')).filter((s) => matchesType(s, ticket.typeKey));
  const steps =
    visit.length > 0 ? visit : (await activeSteps(tx, 'ticket_closed')).filter((s) => matchesType(s, ticket.typeKey));
  if (steps.length === 0) return 0;
  const rules = await loadRules(tx, deps);
  const kind = visit.length > 0 ? 'field_visit' : 'ticket';
  const candidateOf = (s: PlanStep): Candidate | null => {
    const planned = effectivePlannedDate(
      rules,
      offsetDate(rules.calendar, rules.today, s.offsetDays, s.dayKind),
      s.fixed,
    );
    if (!planned) return null;
    return {
      customerId,
      planId: s.planId,
      stepId: s.stepId,
      campaignId: null,
      sourceKind: kind,
      sourceId: ticketId,
      dedupeKey: `t:${ticketId}:${s.stepId}`,
      anchorDate: rules.today,
      plannedDate: planned,
      channel: s.channel,
      purpose: s.purpose,
      fixed: s.fixed,
    };
  };
  return generateForCustomer(tx, rules, customerId, steps, candidateOf, 'ignore');
}
