import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { customerNameSql, customerVisibleSql } from '../../customers/index.js';
import { surveyAnswers, surveyInvitations, surveyQuestions, surveyResponses } from '../surveys.tables.js';

/**
 * Responses a reader may see in the drill-down: a response linked to a customer only when the
 * customer is within the reader's data scope; unlinked ones (anonymous, or no customer) to readers
 * with scope `all` only, or their own department's.
 */
export function responseScope(actor: Actor): SQL {
  if (actor.dataScope === 'all') return sql`TRUE`;
  const own = actor.departmentId ? sql`${surveyResponses.departmentId} = ${actor.departmentId}::uuid` : sql`FALSE`;
  return sql`(CASE WHEN ${surveyResponses.customerId} IS NULL THEN ${own} ELSE ${customerVisibleSql(surveyResponses.customerId, actor)} END)`;
}

export type ResponseFilter = {
  surveyId: string;
  from: string;
  to: string;
  lowScore?: boolean;
  /** A member of staff the response rates (one of its invitation's staff). */
  staffUserId?: string;
  departmentId?: string;
};

function where(filter: ResponseFilter, actor: Actor): SQL {
  const parts: SQL[] = [
    eq(surveyResponses.surveyId, filter.surveyId),
    sql`${surveyResponses.submittedOn} BETWEEN ${filter.from}::date AND ${filter.to}::date`,
    responseScope(actor),
  ];
  if (filter.lowScore) parts.push(sql`(${surveyResponses.npsScore} <= 6 OR ${surveyResponses.csatScore} <= 2)`);
  if (filter.staffUserId) {
    parts.push(
      sql`EXISTS (SELECT 1 FROM jsonb_each(${surveyResponses.staff}) e WHERE e.value->>'userId' = ${filter.staffUserId})`,
    );
  }
  if (filter.departmentId) parts.push(eq(surveyResponses.departmentId, filter.departmentId));
  return and(...parts) as SQL;
}

export async function listResponseRows(
  db: DbOrTx,
  actor: Actor,
  filter: ResponseFilter,
  page: { limit: number; offset: number },
) {
  const condition = where(filter, actor);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: surveyResponses.id,
        customerId: surveyResponses.customerId,
        customerName: customerNameSql(surveyResponses.customerId),
        ticketId: surveyResponses.ticketId,
        departmentId: surveyResponses.departmentId,
        staff: surveyResponses.staff,
        source: surveyResponses.source,
        npsScore: surveyResponses.npsScore,
        csatScore: surveyResponses.csatScore,
        submittedAt: surveyResponses.submittedAt,
      })
      .from(surveyResponses)
      .where(condition)
      .orderBy(desc(surveyResponses.submittedAt), desc(surveyResponses.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(condition),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function answersOf(db: DbOrTx, responseIds: string[]) {
  if (responseIds.length === 0) return [];
  return db
    .select({
      responseId: surveyAnswers.responseId,
      questionId: surveyAnswers.questionId,
      kind: surveyQuestions.kind,
      score: surveyAnswers.score,
      choices: surveyAnswers.choices,
      text: surveyAnswers.text,
      staffUserId: surveyAnswers.staffUserId,
    })
    .from(surveyAnswers)
    .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
    .where(inArray(surveyAnswers.responseId, responseIds))
    .orderBy(surveyQuestions.position);
}

/** Every scored answer of the period in the reader's scope, for the results (one row per answer). */
export async function scoredAnswers(db: DbOrTx, actor: Actor, filter: ResponseFilter) {
  return db
    .select({
      responseId: surveyResponses.id,
      submittedOn: surveyResponses.submittedOn,
      departmentId: surveyResponses.departmentId,
      kind: surveyQuestions.kind,
      score: surveyAnswers.score,
      staffUserId: surveyAnswers.staffUserId,
      staffRole: surveyQuestions.staffRole,
      staff: surveyResponses.staff,
    })
    .from(surveyAnswers)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyAnswers.responseId))
    .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
    .where(and(where(filter, actor), sql`${surveyAnswers.score} IS NOT NULL`));
}

export async function countResponses(db: DbOrTx, actor: Actor, filter: ResponseFilter) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(surveyResponses).where(where(filter, actor));
  return row?.n ?? 0;
}

/**
 * Invitations sent in the period (by the day they were sent, business time zone), in the reader's
 * scope by the same rule as responses (the invitation's customer, else its department).
 */
export async function countSentInvitations(db: DbOrTx, actor: Actor, filter: ResponseFilter, timezone: string) {
  const scope =
    actor.dataScope === 'all'
      ? sql`TRUE`
      : sql`(CASE WHEN ${surveyInvitations.customerId} IS NULL THEN ${
          actor.departmentId ? sql`${surveyInvitations.departmentId} = ${actor.departmentId}::uuid` : sql`FALSE`
        } ELSE ${customerVisibleSql(surveyInvitations.customerId, actor)} END)`;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.surveyId, filter.surveyId),
        sql`${surveyInvitations.sentAt} IS NOT NULL`,
        sql`(${surveyInvitations.sentAt} AT TIME ZONE ${timezone})::date BETWEEN ${filter.from}::date AND ${filter.to}::date`,
        scope,
      ),
    );
  return row?.n ?? 0;
}
