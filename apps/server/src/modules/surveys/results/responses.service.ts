import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import { dayIn } from '../../../lib/calendar-day.js';
import type { Deps } from '../../../lib/deps.js';
import { auditCustomerList } from '../../customers/index.js';
import * as repo from '../surveys.repository.js';
import * as responses from './responses.repository.js';
import { rangeOf } from './results.service.js';

type Ctx = RequestContext & { actor: Actor };

export type ResponsesQuery = {
  from?: string;
  to?: string;
  lowScore?: boolean;
  staffUserId?: string;
  departmentId?: string;
  page: number;
  pageSize: number;
};

/**
 * The drill-down under the results: one page of the answers submitted in [from, to] that the
 * reader may see (`responseScope`), newest first, each with its answers. A page that shows
 * customers puts them on record (`customer.listed`, ADR 0006) in the audit log.
 */
export async function listResponses(deps: Deps, ctx: Ctx, surveyId: string, query: ResponsesQuery) {
  const db = deps.database.db;
  const survey = await repo.findSurvey(db, surveyId);
  if (!survey) throw new AppError('surveys.not_found', 404);
  const { from, to } = rangeOf({ from: query.from, to: query.to }, dayIn(new Date(), deps.config.timezone));
  const { items, total } = await responses.listResponseRows(
    db,
    ctx.actor,
    {
      surveyId,
      from,
      to,
      lowScore: query.lowScore,
      staffUserId: query.staffUserId,
      departmentId: query.departmentId,
    },
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
  );
  const answers = await responses.answersOf(
    db,
    items.map((i) => i.id),
  );
  const customerIds = [...new Set(items.map((i) => i.customerId).filter((id): id is string => id !== null))];
  if (customerIds.length > 0) {
    await auditCustomerList(db, ctx, 'survey_responses', customerIds, { surveyId, from, to });
  }
  return {
    items: items.map((i) => ({
      ...i,
      submittedAt: i.submittedAt.toISOString(),
      answers: answers.filter((a) => a.responseId === i.id).map(({ responseId: _, ...a }) => a),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
