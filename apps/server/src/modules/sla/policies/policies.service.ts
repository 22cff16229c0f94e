import type { Locale } from '@kefu/shared';
import type { DbOrTx, Tx } from '../../../db/client.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { calendarInfo } from '../../calendars/index.js';
import { GRADES } from '../../customers/index.js';
import { findDepartmentRow } from '../../departments/index.js';
import { findTicketType, listTicketTypes, TICKET_PRIORITIES } from '../../tickets/index.js';
import { type ClockTicket, resolvePolicy } from '../clocks/clock-engine.js';
import { requestRecompute } from '../clocks/recompute-request.js';
import { SLA_METRICS, type SlaTimeBasis } from '../sla.tables.js';
import { findLadder } from './ladders.repository.js';
import * as repo from './policies.repository.js';
import type { CreatePolicyInput, PolicyDto, UpdatePolicyInput } from './policies.schemas.js';
import { ensureSlaSeeded } from './policies.seed.js';

type ActorCtx = RequestContext & { actor: Actor };
type Resolved = { id: string; name: string; targetMinutes: number; timeBasis: SlaTimeBasis } | null;

const localName = (locale: Locale, row: { nameZh: string; nameEn: string }) =>
  locale === 'en' ? row.nameEn : row.nameZh;

function toDto(row: repo.PolicyRow, locale: Locale): PolicyDto {
  const { updatedAt: _updatedAt, ...rest } = row;
  return { ...rest, name: localName(locale, row) } as PolicyDto;
}

/** 400 with the field that is wrong. */
const invalid = (code: Parameters<typeof badRequest>[0], path: string, params?: Record<string, unknown>) =>
  badRequest(code, params, [{ path, message: code }]);

/**
 * The checks a policy must pass (the zod schema already checked shapes, ranges and enums): the
 * ticket type, calendar, ladder and department it names exist; warnings ascend without repeats
 * within 1–99 %; a team target names its team.
 */
async function checkPolicy(db: DbOrTx, policy: Omit<repo.PolicyInsert, 'id'>): Promise<void> {
  if (policy.typeKey) {
    if (!(await findTicketType(db, policy.typeKey)))
      throw invalid('sla.unknown_ticket_type', 'typeKey', { key: policy.typeKey });
  }
  const calendarId = policy.calendarId ?? 'cn-workdays';
  if (!(await calendarInfo(db, calendarId))) throw invalid('sla.unknown_calendar', 'calendarId', { id: calendarId });
  if (policy.ladderId && !(await findLadder(db, policy.ladderId))) throw invalid('sla.unknown_ladder', 'ladderId');
  if (policy.departmentId && !(await findDepartmentRow(db, policy.departmentId)))
    throw invalid('sla.unknown_department', 'departmentId');
  if (policy.metric === 'team_handling' && !policy.departmentId)
    throw invalid('sla.department_required', 'departmentId');
  const percents = policy.warnPercents ?? [];
  if (percents.some((p, i) => p < 1 || p > 99 || (i > 0 && p <= (percents[i - 1] ?? 0))))
    throw invalid('sla.invalid_warn_percents', 'warnPercents');
}

async function requirePolicy(tx: Tx, id: string): Promise<repo.PolicyRow> {
  const row = await repo.findPolicy(tx, id, { forUpdate: true });
  if (!row) throw new AppError('sla.policy_not_found', 404);
  return row;
}

const stale = () => new AppError('conflict', 409);

export async function listPolicies(deps: Deps, locale: Locale) {
  await ensureSlaSeeded(deps);
  return { items: (await repo.listPolicies(deps.database.db)).map((r) => toDto(r, locale)) };
}

export async function createPolicy(deps: Deps, ctx: ActorCtx, input: CreatePolicyInput) {
  await ensureSlaSeeded(deps);
  const row = await deps.database.db.transaction(async (tx) => {
    await checkPolicy(tx, input);
    const [created] = await repo.insertPolicies(tx, [input]);
    if (!created) throw new Error('sla_policies insert returned no row');
    await recordAudit(tx, ctx, {
      action: 'sla_policy.created',
      entityType: 'sla_policy',
      entityId: created.id,
      after: created,
    });
    await requestRecompute(tx, deps, { policyId: created.id });
    return created;
  });
  return toDto(row, ctx.locale);
}

export async function updatePolicy(deps: Deps, ctx: ActorCtx, id: string, input: UpdatePolicyInput) {
  await ensureSlaSeeded(deps);
  const { version, ...changes } = input;
  const row = await deps.database.db.transaction(async (tx) => {
    const before = await requirePolicy(tx, id);
    if (before.version !== version) throw stale();
    const { id: _id, version: _v, updatedAt: _u, ...current } = before;
    await checkPolicy(tx, { ...current, ...changes });
    const after = await repo.updatePolicy(tx, id, version, changes);
    if (!after) throw stale();
    await recordAudit(tx, ctx, { action: 'sla_policy.updated', entityType: 'sla_policy', entityId: id, before, after });
    await requestRecompute(tx, deps, { policyId: id });
    return after;
  });
  return toDto(row, ctx.locale);
}

/** Deletes a policy (`version`, when given, must be the current one); its open clocks are recomputed. */
export async function deletePolicy(deps: Deps, ctx: ActorCtx, id: string, version?: number) {
  await deps.database.db.transaction(async (tx) => {
    const before = await requirePolicy(tx, id);
    if (version !== undefined && before.version !== version) throw stale();
    await repo.deletePolicy(tx, id);
    await recordAudit(tx, ctx, { action: 'sla_policy.deleted', entityType: 'sla_policy', entityId: id, before });
    await requestRecompute(tx, deps, { policyId: id });
  });
}

/**
 * The policy matrix (the matrix editor reads it): for each active ticket type × priority — × grade
 * when a policy names grades — the policy each metric resolves to, by the clock engine's own
 * resolution (most specific wins). Team targets (`team_handling`, matched by department) are not
 * part of it.
 */
export async function policyMatrix(deps: Deps, locale: Locale) {
  await ensureSlaSeeded(deps);
  const db = deps.database.db;
  const [rows, types] = await Promise.all([repo.listPolicies(db), listTicketTypes(db, true)]);
  const metrics = SLA_METRICS.filter((m) => m !== 'team_handling');
  const grades = rows.some((r) => r.isActive && r.customerGrade) ? [...GRADES] : [];
  const cells = [];
  for (const type of types) {
    for (const priority of TICKET_PRIORITIES) {
      for (const customerGrade of grades.length > 0 ? grades : [null]) {
        const ticket = matchTarget(type.key, priority, customerGrade);
        const policies: Partial<Record<(typeof metrics)[number], Resolved>> = {};
        for (const metric of metrics) {
          const hit = resolvePolicy(rows, metric, ticket, null);
          policies[metric] = hit
            ? { id: hit.id, name: localName(locale, hit), targetMinutes: hit.targetMinutes, timeBasis: hit.timeBasis }
            : null;
        }
        cells.push({ typeKey: type.key, priority, customerGrade, policies });
      }
    }
  }
  return {
    metrics,
    types: types.map((t) => ({ key: t.key, name: locale === 'en' && t.nameEn ? t.nameEn : t.name })),
    priorities: [...TICKET_PRIORITIES],
    grades,
    cells,
  };
}

/** A ticket as the resolution sees it: only type, priority and grade matter here (no department). */
function matchTarget(typeKey: string, priority: string, customerGrade: string | null): ClockTicket {
  return {
    id: '',
    typeKey,
    isComplaint: false,
    priority,
    status: 'received',
    departmentId: null,
    assigneeId: null,
    createdAt: new Date(0),
    customerGrade,
  };
}
