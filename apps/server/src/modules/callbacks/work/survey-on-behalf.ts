import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { type AnswerInput, answerOnBehalf, listSurveyForms } from '../../surveys/index.js';
import * as repo from './work.repository.js';
import type { SurveyAnswersInput } from './work.schemas.js';
import type { Ctx } from './work.service.js';

/** The surveys the caller can fill in for the callback's customer (404 outside the caller's callbacks). */
export async function surveyFormsFor(deps: Deps, ctx: Ctx, id: string) {
  const { db } = deps.database;
  if (!(await repo.findCallbackView(db, ctx.actor, id))) throw new AppError('callbacks.not_found', 404);
  return { items: await listSurveyForms(db, ctx.locale) };
}

/**
 * The specialist fills a survey in for the customer during the callback (seed 001: the callback
 * records the satisfaction survey). Stored as the surveys module's on-behalf response, so it counts
 * in the results like a customer's own answer and closes the customer's open link of that survey.
 * A callback given to someone else, or out of scope, is 404; refused answers 422 (nothing stored).
 */
export async function answerSurveyFor(deps: Deps, ctx: Ctx, id: string, input: SurveyAnswersInput) {
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.lockCallback(tx, ctx.actor, id);
    if (!row) throw new AppError('callbacks.not_found', 404);
    if (row.status === 'cancelled') throw new AppError('callbacks.closed', 409);
    const stored = await answerOnBehalf(
      tx,
      {
        surveyId: input.surveyId,
        customerId: row.customerId,
        ticketId: row.sourceKind === 'ticket' ? row.sourceId : null,
        answers: input.answers as AnswerInput[],
        filledBy: ctx.actor.userId,
      },
      { timezone: deps.config.timezone },
    );
    return { responseId: stored.responseId };
  });
}
