import type { Locale } from '@kefu/shared';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../lib/actor.js';
import { badRequest } from '../../../lib/app-error.js';
import { scopedUserIds } from '../../../lib/data-scope.js';
import type { Deps } from '../../../lib/deps.js';
import { customerNameSql, customerVisibleSql } from '../../customers/index.js';
import { userNameSql } from '../../users/index.js';
import { callbackPlans, callbacks } from '../callbacks.tables.js';

const UNREACHED_LIMIT = 200;
const MAX_DAYS = 366;

/** The report's scope: callbacks of customers in the reader's data scope or given to people in it. */
function reportScope(actor: Actor): SQL {
  const ids = scopedUserIds(actor);
  if (!ids) return sql`TRUE`;
  return sql`(${callbacks.assigneeId} IN (${ids}) OR ${customerVisibleSql(callbacks.customerId, actor)})`;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

const done = sql`${callbacks.status} = 'done'`;
/** The report's counts over a set of callbacks (all of the period, or one specialist's, one plan's). */
const FIGURES = {
  customersDue: sql<number>`count(DISTINCT ${callbacks.customerId})`,
  customersCovered: sql<number>`count(DISTINCT ${callbacks.customerId}) FILTER (WHERE ${done})`,
  completed: sql<number>`count(*) FILTER (WHERE ${done})`,
  completedOnTime: sql<number>`count(*) FILTER (WHERE ${done} AND (${callbacks.deadlineAt} IS NULL OR ${callbacks.completedAt} <= ${callbacks.deadlineAt}))`,
  unreached: sql<number>`count(*) FILTER (WHERE ${callbacks.status} = 'unreached')`,
};

/** The counts as numbers, with coverage and on-time rate. */
function rates(row: Partial<Record<keyof typeof FIGURES, unknown>> | undefined) {
  const n = (v: unknown) => Number(v ?? 0);
  const customersDue = n(row?.customersDue);
  const customersCovered = n(row?.customersCovered);
  const completed = n(row?.completed);
  const completedOnTime = n(row?.completedOnTime);
  return {
    customersDue,
    customersCovered,
    coverage: ratio(customersCovered, customersDue),
    completed,
    completedOnTime,
    onTimeRate: ratio(completedOnTime, completed),
    unreachedCount: n(row?.unreached),
  };
}

/**
 * Coverage and on-time rate of the callbacks due in [from, to] (business dates, inclusive), and the
 * unreached list (docs/callbacks.md, "Report"):
 * - coverage = customers with a callback due in the period that was completed (`done`) ÷ customers
 *   with a callback due in the period (cancelled ones left out);
 * - on-time rate = completed callbacks due in the period whose completion is at or before their
 *   deadline (no deadline: on time) ÷ completed callbacks due in the period;
 * - unreached: callbacks due in the period left unreached, oldest first (at most 200);
 * - the same figures per specialist (the callback's assignee; none = the pool) and per plan.
 * Readers: `surveys.report` (every role with `callbacks.manage` has it), within their data scope.
 */
export async function callbackReport(deps: Deps, actor: Actor, from: string, to: string, locale: Locale = 'zh-CN') {
  if (to < from) throw badRequest('validation_failed', {}, [{ path: 'to', message: to }]);
  if (Date.parse(to) - Date.parse(from) > MAX_DAYS * 86_400_000)
    throw badRequest('validation_failed', {}, [{ path: 'to', message: to }]);
  const { db } = deps.database;
  const where = and(
    sql`${callbacks.dueDate} BETWEEN ${from}::date AND ${to}::date`,
    sql`${callbacks.status} <> 'cancelled'`,
    reportScope(actor),
  ) as SQL;
  const [figures] = await db.select(FIGURES).from(callbacks).where(where);
  const [bySpecialist, byPlan] = await Promise.all([
    db
      .select({ ...FIGURES, id: callbacks.assigneeId, name: userNameSql(callbacks.assigneeId) })
      .from(callbacks)
      .where(where)
      .groupBy(callbacks.assigneeId)
      .orderBy(asc(userNameSql(callbacks.assigneeId))),
    db
      .select({ ...FIGURES, id: callbacks.planId, name: callbackPlans.name, nameEn: callbackPlans.nameEn })
      .from(callbacks)
      .leftJoin(callbackPlans, eq(callbackPlans.id, callbacks.planId))
      .where(where)
      .groupBy(callbacks.planId, callbackPlans.name, callbackPlans.nameEn)
      .orderBy(asc(callbackPlans.name)),
  ]);
  const unreached = await db
    .select({
      id: callbacks.id,
      customerId: callbacks.customerId,
      customerName: customerNameSql(callbacks.customerId),
      dueDate: callbacks.dueDate,
      attempts: callbacks.attempts,
      assigneeId: callbacks.assigneeId,
      assigneeName: userNameSql(callbacks.assigneeId),
      writeUp: callbacks.writeUp,
    })
    .from(callbacks)
    .where(and(where, eq(callbacks.status, 'unreached')))
    .orderBy(asc(callbacks.dueDate), asc(callbacks.id))
    .limit(UNREACHED_LIMIT);
  return {
    from,
    to,
    ...rates(figures),
    bySpecialist: bySpecialist.map((r) => ({
      assignee: r.id ? { id: r.id, displayName: r.name ?? '' } : null,
      ...rates(r),
    })),
    byPlan: byPlan.map((r) => ({
      plan: r.id ? { id: r.id, name: (locale === 'en' && r.nameEn) || r.name || '' } : null,
      ...rates(r),
    })),
    unreached: unreached.map((r) => ({
      id: r.id,
      customer: { id: r.customerId, name: r.customerName ?? '' },
      dueDate: r.dueDate,
      attempts: r.attempts,
      assignee: r.assigneeId ? { id: r.assigneeId, displayName: r.assigneeName ?? '' } : null,
      writeUp: r.writeUp,
    })),
  };
}
