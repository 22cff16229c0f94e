import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import { addDays, bucketStart, dayIn } from '../../../lib/calendar-day.js';
import type { Deps } from '../../../lib/deps.js';
import { departmentNameSql } from '../../departments/index.js';
import { userNameSql } from '../../users/index.js';
import * as repo from '../surveys.repository.js';
import * as responses from './responses.repository.js';
import { csatOf, type Figure, meanOf, npsOf, responseRateOf } from './results.scoring.js';

export type ResultsQuery = { from?: string; to?: string; period?: 'day' | 'week' | 'month' };

const DAY_MS = 86_400_000;

/** from/to (inclusive days, business time zone): the last 30 days by default, at most 366 days. */
export function rangeOf(query: ResultsQuery, today: string) {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -29);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (!(days >= 0 && days <= 366)) {
    throw badRequest('validation_failed', {}, [
      { path: 'from', message: 'from must be on or before to, within 366 days' },
    ]);
  }
  const period = query.period ?? (days > 62 ? 'month' : days > 14 ? 'week' : 'day');
  return { from, to, period };
}

async function namesOf(db: DbOrTx, ids: string[], nameSql: (ref: SQL) => SQL<string | null>) {
  if (ids.length === 0) return new Map<string, string | null>();
  const values = sql.join(
    ids.map((id) => sql`(${id}::uuid)`),
    sql`, `,
  );
  const result = await db.execute<{ id: string; name: string | null }>(
    sql`SELECT x.id::text AS id, ${nameSql(sql`x.id`)} AS name FROM (VALUES ${values}) AS x(id)`,
  );
  return new Map(result.rows.map((r) => [r.id, r.name]));
}

type Scored = Awaited<ReturnType<typeof responses.scoredAnswers>>[number];

function scoresOf(rows: readonly Scored[], kind: 'nps' | 'csat') {
  return rows.filter((r) => r.kind === kind).map((r) => r.score as number);
}

const value = (f: Figure) => f.value;

/**
 * GET /surveys/{id}/results: the figures of the answers submitted in [from, to] that the reader may
 * see (responses.repository.ts `responseScope`), overall, per staff member rated, per department and
 * per period. Formulas: results.scoring.ts and docs/surveys.md.
 */
export async function surveyResults(deps: Deps, actor: Actor, surveyId: string, query: ResultsQuery) {
  const db = deps.database.db;
  const survey = await repo.findSurvey(db, surveyId);
  if (!survey) throw new AppError('surveys.not_found', 404);
  const { from, to, period } = rangeOf(query, dayIn(new Date(), deps.config.timezone));
  const filter = { surveyId, from, to };
  const min = survey.minSample;
  const [rows, responseCount, invitations] = await Promise.all([
    responses.scoredAnswers(db, actor, filter),
    responses.countResponses(db, actor, filter),
    responses.countSentInvitations(db, actor, filter, deps.config.timezone),
  ]);
  const nps = npsOf(scoresOf(rows, 'nps'), min);
  const csat = csatOf(scoresOf(rows, 'csat'), min);
  const rate = responseRateOf(responseCount, invitations, min);

  // Per staff member: the staff_rating answers (1–5) about them.
  const staffRows = new Map<string, { role: string; name: string; scores: number[] }>();
  for (const r of rows) {
    if (r.kind !== 'staff_rating' || !r.staffUserId) continue;
    const entry = staffRows.get(r.staffUserId) ?? {
      role: r.staffRole ?? '',
      name: (r.staffRole && r.staff?.[r.staffRole]?.name) || '',
      scores: [],
    };
    entry.scores.push(r.score as number);
    staffRows.set(r.staffUserId, entry);
  }
  const userNames = await namesOf(db, [...staffRows.keys()], (ref) => userNameSql(ref));
  const byStaff = [...staffRows.entries()].map(([userId, s]) => {
    const share = csatOf(s.scores, min);
    const mean = meanOf(s.scores, min);
    return {
      userId,
      name: userNames.get(userId) ?? s.name,
      role: s.role,
      ratings: s.scores.length,
      satisfied: value(share),
      mean: value(mean),
      suppressed: share.suppressed,
    };
  });

  // Per department (team) and per period: NPS and CSAT of the responses grouped.
  const group = (key: (r: Scored) => string | null) => {
    const groups = new Map<string, Scored[]>();
    for (const r of rows) {
      const k = key(r);
      if (k === null) continue;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    return [...groups.entries()].map(([k, list]) => {
      const n = npsOf(scoresOf(list, 'nps'), min);
      const c = csatOf(scoresOf(list, 'csat'), min);
      const count = new Set(list.map((r) => r.responseId)).size;
      return { key: k, responses: count, nps: n.value, csat: c.value, suppressed: count < min };
    });
  };
  const departments = group((r) => r.departmentId);
  const departmentNames = await namesOf(
    db,
    departments.map((d) => d.key),
    (ref) => departmentNameSql(ref),
  );
  const byDepartment = departments.map(({ key, ...rest }) => ({
    departmentId: key,
    departmentName: departmentNames.get(key) ?? null,
    ...rest,
  }));
  const trend = group((r) => bucketStart(String(r.submittedOn), period))
    .map(({ key, ...rest }) => ({ period: key, ...rest }))
    .sort((a, b) => a.period.localeCompare(b.period));

  return {
    surveyId,
    from,
    to,
    period,
    minSample: min,
    responses: responseCount,
    invitations,
    nps: nps.value,
    npsBreakdown: { promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors, answers: nps.sample },
    csat: csat.value,
    csatAnswers: csat.sample,
    responseRate: rate.value,
    suppressed: responseCount < min,
    byStaff: byStaff.sort((a, b) => b.ratings - a.ratings),
    byDepartment: byDepartment.sort((a, b) => b.responses - a.responses),
    trend,
  };
}
