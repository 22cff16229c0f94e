import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import { inScope } from '../../../lib/data-scope.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { type CustomerFilter, customerIdsMatchingSql } from '../../customers/index.js';
import { userNameSql } from '../../users/index.js';
import { callbackCampaigns, callbackOwners, callbackPlans, callbacks } from '../callbacks.tables.js';
import { ensureOwners, loadTeam } from './distribute.js';
import { effectivePlannedDate, type InsertOutcome, insertCallbacks, loadRules } from './generate.js';
import type { CampaignInput } from './plans.schemas.js';
import { findPlan, insertPlan } from './plans.service.js';
import { offsetDate } from './schedule.js';
import { ensureCallbacksSeeded } from './templates.js';

type ActorCtx = RequestContext & { actor: Actor };

/** Rows after which a round refreshes the statistics of the tables it grew. */
const BIG_ROUND = 5000;

/**
 * One round over the customers of a customer-list filter, in the caller's scope: set-based (one
 * statement for the owners, one per step for the callbacks), so 100,000 customers take seconds.
 */
export async function runCampaign(
  tx: Tx,
  deps: Deps,
  actor: Actor,
  campaign: { id: string; planId: string; filter: CustomerFilter; startDate?: string; allowPast?: boolean },
) {
  const plan = await findPlan(tx, campaign.planId);
  if (!plan) throw new AppError('callbacks.plan_not_found', 404);
  const rules = await loadRules(tx, deps);
  const start = campaign.startDate ?? rules.today;
  const matching = customerIdsMatchingSql(actor, campaign.filter);
  const team = await loadTeam(tx, plan.departmentId);
  const [counted] = await tx
    .execute<{ n: string | number }>(sql`SELECT count(*) AS n FROM ${matching} m`)
    .then((r) => r.rows);
  const customerCount = Number(counted?.n ?? 0);
  const big = customerCount > BIG_ROUND;
  await ensureOwners(tx, team, sql`(SELECT m.id AS customer_id FROM ${matching} m)`);
  // A big round changes the tables' sizes by orders of magnitude: fresh statistics keep the
  // per-customer lookups (cap, owner) on their indexes instead of planning for empty tables.
  if (big) await tx.execute(sql`ANALYZE ${callbackOwners}`);
  const outcomes: InsertOutcome[] = [];
  for (const step of plan.steps) {
    const asked = offsetDate(rules.calendar, start, step.offsetDays, step.dayKind);
    // allowPast: the demo's history (last month's round); never through the API.
    const planned = campaign.allowPast ? asked : effectivePlannedDate(rules, asked, step.fixedDate);
    if (!planned) continue;
    const candidates: SQL = sql`(SELECT m.id AS customer_id, ${plan.id}::uuid AS plan_id, ${step.id}::uuid AS step_id,
        ${campaign.id}::uuid AS campaign_id, 'campaign'::text AS source_kind, ${campaign.id}::text AS source_id,
        ${`c:${campaign.id}:`}::text || m.id::text || ${`:${step.id}`}::text AS dedupe_key,
        ${start}::date AS anchor_date, ${planned}::date AS planned_date, ${step.channel}::text AS channel,
        ${step.purpose}::text AS purpose, ${step.fixedDate}::boolean AS fixed
      FROM ${matching} m)`;
    // Planned on the statistics of a small `callbacks` table, the cap's per-customer lookups may
    // read the table instead of its index — a table this very statement grows: quadratic. A big
    // round keeps them on the index (100,000 customers: 20 s → seconds).
    if (big) await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    const made = await insertCallbacks(tx, rules, team, candidates, 'ignore');
    if (big) await tx.execute(sql`SET LOCAL enable_seqscan = on`);
    outcomes.push(...made);
    if (big) await tx.execute(sql`ANALYZE ${callbacks}`);
  }
  const made = outcomes.reduce((n, o) => n + o.inserted, 0);
  return { customerCount, callbackCount: made, outcomes };
}

export async function createCampaign(deps: Deps, ctx: ActorCtx, input: CampaignInput) {
  if (Boolean(input.planId) === Boolean(input.step)) throw badRequest('callbacks.campaign_plan_missing');
  await ensureCallbacksSeeded(deps);
  return deps.database.db.transaction(async (tx) => {
    const planId =
      input.planId ??
      (await insertPlan(tx, ctx.actor, {
        name: input.name,
        trigger: 'campaign',
        ticketTypeKeys: [],
        isActive: true,
        steps: [{ ...(input.step as NonNullable<CampaignInput['step']>), milestoneTypeKey: null }],
      }));
    const [row] = await tx
      .insert(callbackCampaigns)
      .values({
        name: input.name,
        filter: input.filter as Record<string, unknown>,
        planId,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('insert campaign returned nothing');
    const result = await runCampaign(tx, deps, ctx.actor, {
      id: row.id,
      planId,
      filter: input.filter,
      startDate: input.startDate,
    });
    await tx
      .update(callbackCampaigns)
      .set({ customerCount: result.customerCount, callbackCount: result.callbackCount })
      .where(eq(callbackCampaigns.id, row.id));
    await recordAudit(tx, ctx, {
      action: 'callback_campaign.created',
      entityType: 'callback_campaign',
      entityId: row.id,
      after: { ...row, customerCount: result.customerCount, callbackCount: result.callbackCount },
    });
    await recordEvent(
      tx,
      'callback.scheduled',
      { customerId: null, campaignId: row.id, count: result.callbackCount },
      ctx.actor.userId,
    );
    for (const o of result.outcomes)
      if (o.assigneeId && o.inserted > 0)
        await recordEvent(
          tx,
          'callback.assigned',
          { assigneeId: o.assigneeId, customerId: null, campaignId: row.id, count: o.inserted },
          ctx.actor.userId,
        );
    const [view] = await campaignsWhere(tx, eq(callbackCampaigns.id, row.id));
    return view as NonNullable<typeof view>;
  });
}

function count(status: string) {
  return sql<number>`(SELECT count(*)::int FROM ${callbacks} b WHERE b.campaign_id = ${callbackCampaigns.id} AND b.status = ${status})`;
}

async function campaignsWhere(db: Tx | Deps['database']['db'], where: SQL | undefined) {
  const rows = await db
    .select({
      campaign: callbackCampaigns,
      planName: callbackPlans.name,
      createdByName: userNameSql(callbackCampaigns.createdBy),
      pending: count('pending'),
      done: count('done'),
      unreached: count('unreached'),
      cancelled: count('cancelled'),
      unassigned: sql<number>`(SELECT count(*)::int FROM ${callbacks} b WHERE b.campaign_id = ${callbackCampaigns.id} AND b.status = 'pending' AND b.assignee_id IS NULL)`,
    })
    .from(callbackCampaigns)
    .leftJoin(callbackPlans, eq(callbackPlans.id, callbackCampaigns.planId))
    .where(where)
    .orderBy(desc(callbackCampaigns.createdAt), desc(callbackCampaigns.id))
    .limit(200);
  return rows.map((r) => ({
    ...r.campaign,
    planName: r.planName,
    createdByName: r.createdByName,
    counts: {
      pending: Number(r.pending),
      done: Number(r.done),
      unreached: Number(r.unreached),
      cancelled: Number(r.cancelled),
      unassigned: Number(r.unassigned),
    },
  }));
}

/** The latest 200 rounds started by people in the caller's data scope, newest first, with counts by status. */
export async function listCampaigns(deps: Deps, actor: Actor) {
  return { items: await campaignsWhere(deps.database.db, inScope(callbackCampaigns.createdBy, actor)) };
}
