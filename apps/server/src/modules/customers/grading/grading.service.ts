import type { Locale } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import type { PageQuery } from '../../../lib/pagination.js';
import { recordAudit } from '../../audit/index.js';
import { findCustomerInScope } from '../archive/customers.repository.js';
import { auditCustomerList, auditCustomerView } from '../records/read-audit.js';
import * as repo from './grading.repository.js';
import type { CriteriaInput } from './grading.schemas.js';
import { assertBands, assertWeights, type Band } from './grading.scoring.js';

export { evaluateCustomer } from './grading.evaluate.js';

type ActorCtx = RequestContext & { actor: Actor };

/* ── Criteria and bands ─────────────────────────────────────────────────────────────────────── */

export async function listCriteria(deps: Deps, locale: Locale) {
  const rows = await repo.listCriteria(deps.database.db);
  return {
    items: rows.map(({ name, nameEn, ...rest }) => ({
      ...rest,
      name: locale === 'en' && nameEn ? nameEn : name,
      nameZh: name,
      nameEn,
    })),
  };
}

/**
 * Replaces the criteria and their weights in one step: the active weights must add up to exactly
 * 100, so an administrator changes several weights at once rather than one by one. Criteria left
 * out are deactivated, not deleted: past evaluations keep their scores by key.
 */
export async function replaceCriteria(deps: Deps, ctx: ActorCtx, items: CriteriaInput) {
  const keys = items.map((i) => i.key);
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate)
    throw new AppError('validation_failed', 400, {
      fields: [{ path: `items.${keys.lastIndexOf(duplicate)}.key`, message: 'duplicate key' }],
    });
  assertWeights(items.map((i) => ({ key: i.key, weight: i.weight, isActive: i.isActive ?? true })));
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.listCriteria(tx);
    const existing = new Map(before.map((c) => [c.key, c]));
    for (const [i, item] of items.entries()) {
      const current = existing.get(item.key);
      const name = item.name ?? current?.name;
      if (!name)
        throw new AppError('validation_failed', 400, {
          fields: [{ path: `items.${i}.name`, message: 'required for a new criterion' }],
        });
      await repo.upsertCriterion(tx, {
        key: item.key,
        name,
        nameEn: item.nameEn === undefined ? (current?.nameEn ?? null) : item.nameEn,
        weight: item.weight,
        sortOrder: item.sortOrder ?? current?.sortOrder ?? i + 1,
        isActive: item.isActive ?? true,
      });
    }
    await repo.deactivateCriteriaExcept(tx, keys);
    const after = await repo.listCriteria(tx);
    await recordAudit(tx, ctx, {
      action: 'evaluation_criteria.replaced',
      entityType: 'evaluation_criteria',
      before,
      after,
    });
  });
  return listCriteria(deps, ctx.locale);
}

export async function listBands(deps: Deps) {
  return { items: await repo.listBands(deps.database.db) };
}

/** Replaces the four grade thresholds; they must be strictly descending, A > B > C > D ≥ 0. */
export async function replaceBands(deps: Deps, ctx: ActorCtx, items: Band[]) {
  assertBands(items);
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.listBands(tx);
    await repo.replaceBands(tx, items);
    await recordAudit(tx, ctx, { action: 'grade_bands.replaced', entityType: 'grade_bands', before, after: items });
  });
  return listBands(deps);
}

/* ── Rounds ─────────────────────────────────────────────────────────────────────────────────── */

export async function listRounds(deps: Deps, actor: Actor, status: 'open' | 'closed' | undefined, page: PageQuery) {
  const { items, total } = await repo.listRounds(deps.database.db, actor, status, page);
  return { items, total, page: page.page, pageSize: page.pageSize };
}

export async function getRound(deps: Deps, actor: Actor, roundId: string) {
  const { db } = deps.database;
  const round = await repo.findRoundView(db, actor, roundId);
  if (!round) throw new AppError('customers.round_not_found', 404);
  return { ...round, progress: { evaluated: round.evaluated, total: await repo.countCustomersInScope(db, actor) } };
}

type RoundInput = { name: string; periodStart: string; periodEnd: string };

/**
 * Opens a round unless one with the same name (or, for the scheduled round, the same period)
 * exists. Returns the new round, or undefined when it existed. An advisory lock serialises
 * concurrent openings (two instances, a manual and a scheduled run).
 */
export async function openRound(
  tx: DbOrTx,
  ctx: RequestContext,
  input: RoundInput,
  { samePeriod }: { samePeriod: boolean },
) {
  await repo.lockRoundOpening(tx);
  if (await repo.findRoundByNameOrPeriod(tx, input.name, samePeriod ? input : undefined)) return undefined;
  const round = await repo.insertRound(tx, { ...input, createdBy: ctx.actor?.userId ?? null });
  await recordAudit(tx, ctx, {
    action: 'evaluation_round.opened',
    entityType: 'evaluation_round',
    entityId: round.id,
    after: round,
  });
  const { id: roundId, name, periodStart, periodEnd } = round;
  await recordEvent(
    tx,
    'customer.evaluation_round_opened',
    { roundId, name, periodStart, periodEnd },
    ctx.actor?.userId ?? null,
  );
  return round;
}

export async function createRound(deps: Deps, ctx: ActorCtx, input: RoundInput) {
  if (input.periodEnd < input.periodStart) {
    throw new AppError('validation_failed', 400, { fields: [{ path: 'periodEnd', message: 'before periodStart' }] });
  }
  const round = await deps.database.db.transaction(async (tx) => {
    const opened = await openRound(tx, ctx, input, { samePeriod: false });
    if (!opened)
      throw new AppError('customers.round_exists', 409, {
        params: { name: input.name },
        fields: [{ path: 'name', message: 'exists' }],
      });
    return opened;
  });
  return getRound(deps, ctx.actor, round.id);
}

export async function closeRound(deps: Deps, ctx: ActorCtx, roundId: string) {
  await deps.database.db.transaction(async (tx) => {
    const round = await repo.lockRound(tx, roundId, 'update');
    if (!round) throw new AppError('customers.round_not_found', 404);
    if (round.status === 'closed') throw new AppError('customers.round_closed', 409, { params: { name: round.name } });
    await repo.closeRound(tx, roundId);
    await recordAudit(tx, ctx, {
      action: 'evaluation_round.closed',
      entityType: 'evaluation_round',
      entityId: roundId,
      before: round,
    });
    await recordEvent(tx, 'customer.evaluation_round_closed', { roundId }, ctx.actor.userId);
  });
  return getRound(deps, ctx.actor, roundId);
}

export async function listRoundEvaluations(deps: Deps, ctx: ActorCtx, roundId: string, page: PageQuery) {
  const { db } = deps.database;
  if (!(await repo.findRoundView(db, ctx.actor, roundId))) throw new AppError('customers.round_not_found', 404);
  const { items, total } = await repo.listEvaluations(db, ctx.actor, { roundId }, page);
  await auditCustomerList(db, ctx, 'round_evaluations', [...new Set(items.map((e) => e.customerId))], {
    roundId,
    page: page.page,
  });
  return { items, total, page: page.page, pageSize: page.pageSize };
}

/* ── One customer: evaluations, grade history, grade at a time ──────────────────────────────── */

async function requireCustomer(db: DbOrTx, actor: Actor, customerId: string) {
  if (!(await findCustomerInScope(db, actor, customerId))) throw new AppError('customers.not_found', 404);
}

export async function listCustomerEvaluations(deps: Deps, ctx: ActorCtx, customerId: string, page: PageQuery) {
  const { db } = deps.database;
  await requireCustomer(db, ctx.actor, customerId);
  const { items, total } = await repo.listEvaluations(db, ctx.actor, { customerId }, page);
  await auditCustomerView(db, ctx, customerId, 'evaluations', { page: page.page });
  return { items, total, page: page.page, pageSize: page.pageSize };
}

export async function gradeHistory(deps: Deps, ctx: ActorCtx, customerId: string) {
  const { db } = deps.database;
  await requireCustomer(db, ctx.actor, customerId);
  const items = await repo.listGradeHistory(db, customerId);
  await auditCustomerView(db, ctx, customerId, 'grade_history');
  return { items };
}

/** "The grade at time T": the last history entry at or before T; null before the first. */
export async function gradeAt(deps: Deps, ctx: ActorCtx, customerId: string, at: Date) {
  const { db } = deps.database;
  await requireCustomer(db, ctx.actor, customerId);
  const row = await repo.gradeAt(db, customerId, at);
  await auditCustomerView(db, ctx, customerId, 'grade_at', { at: at.toISOString() });
  return { at, grade: row?.grade ?? null, since: row?.since ?? null };
}
