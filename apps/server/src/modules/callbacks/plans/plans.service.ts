import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../db/client.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError, badRequest, conflict } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { activeMilestoneTypeKeys } from '../../customers/index.js';
import { findDepartmentRow } from '../../departments/index.js';
import { listTicketTypes } from '../../tickets/index.js';
import { callbackPlanSteps, callbackPlans, callbacks } from '../callbacks.tables.js';
import { cancelPending } from './generate.js';
import type { PlanInput, PlanPatch, StepInput } from './plans.schemas.js';
import { ensureCallbacksSeeded } from './templates.js';

type ActorCtx = RequestContext & { actor: Actor };

const stepColumns = {
  id: callbackPlanSteps.id,
  planId: callbackPlanSteps.planId,
  position: callbackPlanSteps.position,
  milestoneTypeKey: callbackPlanSteps.milestoneTypeKey,
  offsetDays: callbackPlanSteps.offsetDays,
  dayKind: callbackPlanSteps.dayKind,
  channel: callbackPlanSteps.channel,
  altChannel: callbackPlanSteps.altChannel,
  fixedDate: callbackPlanSteps.fixedDate,
  purpose: callbackPlanSteps.purpose,
  script: callbackPlanSteps.script,
};

async function plansWhere(db: DbOrTx, where: SQL | undefined) {
  const plans = await db
    .select({
      plan: callbackPlans,
      pendingCount: sql<number>`(SELECT count(*)::int FROM ${callbacks} b WHERE b.plan_id = ${callbackPlans.id} AND b.status = 'pending')`,
    })
    .from(callbackPlans)
    .where(where)
    .orderBy(asc(callbackPlans.createdAt), asc(callbackPlans.id));
  const ids = plans.map((p) => p.plan.id);
  const steps =
    ids.length === 0
      ? []
      : await db
          .select(stepColumns)
          .from(callbackPlanSteps)
          .where(and(inArray(callbackPlanSteps.planId, ids), eq(callbackPlanSteps.isActive, true)))
          .orderBy(asc(callbackPlanSteps.position));
  return plans.map(({ plan, pendingCount }) => ({
    ...plan,
    pendingCount: Number(pendingCount),
    steps: steps.filter((s) => s.planId === plan.id).map(({ planId: _planId, ...s }) => s),
  }));
}

export async function listPlans(deps: Deps, filter: { trigger?: string; includeInactive?: boolean }) {
  await ensureCallbacksSeeded(deps);
  const where = and(
    filter.trigger ? eq(callbackPlans.trigger, filter.trigger as PlanInput['trigger']) : undefined,
    filter.includeInactive ? undefined : eq(callbackPlans.isActive, true),
  );
  return { items: await plansWhere(deps.database.db, where) };
}

export async function findPlan(db: DbOrTx, id: string) {
  const [plan] = await plansWhere(db, eq(callbackPlans.id, id));
  return plan;
}

export async function getPlan(deps: Deps, id: string) {
  await ensureCallbacksSeeded(deps);
  const plan = await findPlan(deps.database.db, id);
  if (!plan) throw new AppError('callbacks.plan_not_found', 404);
  return plan;
}

function assertComplete(plan: Pick<PlanInput, 'trigger' | 'milestoneTypeKey' | 'steps'>) {
  if (plan.trigger !== 'milestone') return;
  plan.steps.forEach((s, i) => {
    if (!s.milestoneTypeKey && !plan.milestoneTypeKey)
      throw badRequest('callbacks.plan_invalid', { reason: 'milestoneTypeKey' }, [
        { path: `steps.${i}.milestoneTypeKey`, message: 'required for a milestone plan' },
      ]);
  });
}

/**
 * What a plan names must exist: its department, its ticket types and its milestone types (a typo
 * would make a plan that never schedules anything). 400 with the field, nothing written.
 */
async function assertReferences(
  tx: Tx,
  plan: {
    departmentId?: string | null;
    ticketTypeKeys?: string[];
    milestoneTypeKey?: string | null;
    steps?: StepInput[];
  },
) {
  if (plan.departmentId && !(await findDepartmentRow(tx, plan.departmentId)))
    throw badRequest('departments.not_found', {}, [{ path: 'departmentId', message: plan.departmentId }]);
  if (plan.ticketTypeKeys?.length) {
    const known = new Set((await listTicketTypes(tx, false)).map((t) => t.key));
    plan.ticketTypeKeys.forEach((key, i) => {
      if (!known.has(key))
        throw badRequest('callbacks.plan_invalid', { reason: 'ticketTypeKeys' }, [
          { path: `ticketTypeKeys.${i}`, message: `unknown ticket type ${key}` },
        ]);
    });
  }
  const named = [
    ...(plan.milestoneTypeKey ? [{ path: 'milestoneTypeKey', key: plan.milestoneTypeKey }] : []),
    ...(plan.steps ?? []).flatMap((s, i) =>
      s.milestoneTypeKey ? [{ path: `steps.${i}.milestoneTypeKey`, key: s.milestoneTypeKey }] : [],
    ),
  ];
  if (named.length === 0) return;
  const known = await activeMilestoneTypeKeys(tx);
  for (const { path, key } of named) {
    if (!known.has(key))
      throw badRequest('callbacks.plan_invalid', { reason: 'milestoneTypeKey' }, [
        { path, message: `unknown milestone type ${key}` },
      ]);
  }
}

const stepValues = (s: StepInput) => ({
  milestoneTypeKey: s.milestoneTypeKey ?? null,
  offsetDays: s.offsetDays,
  dayKind: s.dayKind,
  channel: s.channel,
  altChannel: s.altChannel ?? null,
  fixedDate: s.fixedDate,
  purpose: s.purpose,
  script: s.script ?? null,
  isActive: true,
});

/**
 * Writes a plan's steps by position: an existing step keeps its id (its callbacks stay its own;
 * a milestone date set again still finds them), a new position is added, a removed one is
 * deactivated and its pending callbacks are cancelled.
 */
async function writeSteps(tx: Tx, planId: string, steps: StepInput[]) {
  const existing = await tx
    .select({ id: callbackPlanSteps.id, position: callbackPlanSteps.position })
    .from(callbackPlanSteps)
    .where(eq(callbackPlanSteps.planId, planId))
    .orderBy(asc(callbackPlanSteps.position));
  const byPosition = new Map(existing.map((s) => [s.position, s.id]));
  for (const [i, step] of steps.entries()) {
    const id = byPosition.get(i + 1);
    if (id) await tx.update(callbackPlanSteps).set(stepValues(step)).where(eq(callbackPlanSteps.id, id));
    else await tx.insert(callbackPlanSteps).values({ ...stepValues(step), planId, position: i + 1 });
  }
  const removed = existing.filter((s) => s.position > steps.length).map((s) => s.id);
  if (removed.length > 0) {
    await tx.update(callbackPlanSteps).set({ isActive: false }).where(inArray(callbackPlanSteps.id, removed));
    await cancelPending(tx, inArray(callbacks.stepId, removed), 'step_removed');
  }
}

/** Creates a plan with its steps (also used by a campaign given one step). */
export async function insertPlan(tx: Tx, actor: Actor, input: PlanInput) {
  assertComplete(input);
  await assertReferences(tx, input);
  const [row] = await tx
    .insert(callbackPlans)
    .values({
      name: input.name,
      nameEn: input.nameEn ?? null,
      description: input.description ?? null,
      trigger: input.trigger,
      milestoneTypeKey: input.milestoneTypeKey ?? null,
      ticketTypeKeys: input.ticketTypeKeys,
      departmentId: input.departmentId ?? null,
      isActive: input.isActive,
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error('insert plan returned nothing');
  await writeSteps(tx, row.id, input.steps);
  return row.id;
}

export async function createPlan(deps: Deps, ctx: ActorCtx, input: PlanInput) {
  return deps.database.db.transaction(async (tx) => {
    const id = await insertPlan(tx, ctx.actor, input);
    const after = await findPlan(tx, id);
    await recordAudit(tx, ctx, { action: 'callback_plan.created', entityType: 'callback_plan', entityId: id, after });
    return after as NonNullable<typeof after>;
  });
}

export async function updatePlan(deps: Deps, ctx: ActorCtx, id: string, patch: PlanPatch) {
  return deps.database.db.transaction(async (tx) => {
    const before = await findPlan(tx, id);
    if (!before) throw new AppError('callbacks.plan_not_found', 404);
    if (patch.version !== undefined && patch.version !== before.version) throw conflict('conflict');
    const merged = {
      trigger: patch.trigger ?? before.trigger,
      milestoneTypeKey: patch.milestoneTypeKey !== undefined ? patch.milestoneTypeKey : before.milestoneTypeKey,
      steps: patch.steps ?? before.steps,
    };
    assertComplete(merged);
    await assertReferences(tx, { ...patch, steps: patch.steps });
    await tx
      .update(callbackPlans)
      .set({
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.nameEn !== undefined && { nameEn: patch.nameEn }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.trigger !== undefined && { trigger: patch.trigger }),
        ...(patch.milestoneTypeKey !== undefined && { milestoneTypeKey: patch.milestoneTypeKey }),
        ...(patch.ticketTypeKeys !== undefined && { ticketTypeKeys: patch.ticketTypeKeys }),
        ...(patch.departmentId !== undefined && { departmentId: patch.departmentId }),
        ...(patch.isActive !== undefined && { isActive: patch.isActive }),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(callbackPlans.id, id));
    if (patch.steps) await writeSteps(tx, id, patch.steps);
    const after = await findPlan(tx, id);
    await recordAudit(tx, ctx, {
      action: 'callback_plan.updated',
      entityType: 'callback_plan',
      entityId: id,
      before,
      after,
    });
    return after as NonNullable<typeof after>;
  });
}

/** Deactivates a plan: no new callbacks; those already made stay to be worked. */
export async function deactivatePlan(deps: Deps, ctx: ActorCtx, id: string) {
  await deps.database.db.transaction(async (tx) => {
    const before = await findPlan(tx, id);
    if (!before) throw new AppError('callbacks.plan_not_found', 404);
    await tx
      .update(callbackPlans)
      .set({ isActive: false, version: before.version + 1, updatedAt: new Date() })
      .where(eq(callbackPlans.id, id));
    await recordAudit(tx, ctx, {
      action: 'callback_plan.deactivated',
      entityType: 'callback_plan',
      entityId: id,
      before,
    });
  });
}
