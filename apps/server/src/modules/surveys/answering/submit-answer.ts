import type { Tx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import { AppError } from '../../../lib/app-error.js';
import { dayIn } from '../../../lib/calendar-day.js';
import type { Deps } from '../../../lib/deps.js';
import { tokenHash } from '../create-invitation.js';
import * as repo from '../surveys.repository.js';
import * as responses from './answers.repository.js';
import { type AnswerInput, headlineScores, validateAnswers } from './answers.rules.js';
import { surveyQuestions } from './questions-cache.js';

/** Where a token stands: answerable, or why not (404 unknown, 410 answered / expired / survey off). */
export type TokenState =
  | { state: 'open'; invitation: repo.InvitationRow; survey: repo.SurveyRow }
  | { state: 'not_found' | 'used' | 'expired' };

export function stateOf(
  invitation: repo.InvitationRow | undefined,
  survey: repo.SurveyRow | undefined,
  now: Date,
): TokenState {
  if (!invitation || !survey) return { state: 'not_found' };
  if (invitation.status === 'answered') return { state: 'used' };
  if (invitation.status === 'expired' || invitation.expiresAt.getTime() <= now.getTime() || !survey.active) {
    return { state: 'expired' };
  }
  return { state: 'open', invitation, survey };
}

/**
 * A token's state without locking (the GET of the page), with the survey's questions: one prepared
 * statement (the token by its hash, with its survey), the questions from the per-version cache.
 */
export async function tokenState(deps: Deps, token: string, now = new Date()) {
  const { db } = deps.database;
  const link = await repo.findLinkByHash(db, tokenHash(token));
  const state = stateOf(link?.invitation, link?.survey, now);
  const questions = state.state === 'open' ? await surveyQuestions(db, state.survey) : [];
  return { ...state, questions };
}

export function refusal(state: 'not_found' | 'used' | 'expired'): AppError {
  if (state === 'not_found') return new AppError('surveys.token_not_found', 404);
  return new AppError(state === 'used' ? 'surveys.token_used' : 'surveys.token_expired', 410);
}

type StoreInput = {
  survey: repo.SurveyRow;
  invitation: repo.InvitationRow | null;
  customerId: string | null;
  ticketId: string | null;
  answers: AnswerInput[];
  source: 'public' | 'on_behalf';
  filledBy: string | null;
  now: Date;
};

/**
 * Validates and stores one response in `tx`: all answers or none (422 `surveys.invalid_answers`,
 * one `errors[]` item per refused question: path `answers.<questionId>`, message the reason). An
 * anonymous survey's response keeps no invitation, customer or ticket. Records `survey.answered`.
 */
async function storeResponse(tx: Tx, timezone: string, input: StoreInput) {
  const questions = await repo.listQuestions(tx, input.survey.id);
  const staff = input.invitation?.staff ?? null;
  const checked = validateAnswers(questions, input.answers, staff);
  if (checked.issues.length > 0) {
    throw new AppError('surveys.invalid_answers', 422, {
      fields: checked.issues.map((i) => ({ path: `answers.${i.questionId.slice(0, 64)}`, message: i.problem })),
    });
  }
  const scores = headlineScores(checked.answers);
  const anonymous = input.survey.anonymous;
  const responseId = await responses.insertResponse(
    tx,
    {
      surveyId: input.survey.id,
      invitationId: anonymous ? null : (input.invitation?.id ?? null),
      customerId: anonymous ? null : input.customerId,
      ticketId: anonymous ? null : input.ticketId,
      departmentId: input.invitation?.departmentId ?? null,
      staff: staff ?? {},
      source: input.source,
      filledBy: anonymous ? null : input.filledBy,
      npsScore: scores.npsScore,
      csatScore: scores.csatScore,
      submittedOn: dayIn(input.now, timezone),
      submittedAt: input.now,
    },
    checked.answers,
  );
  if (input.invitation) {
    await repo.updateInvitation(tx, input.invitation.id, { status: 'answered', answeredAt: input.now });
  }
  await recordEvent(
    tx,
    'survey.answered',
    {
      responseId,
      surveyId: input.survey.id,
      customerId: anonymous ? null : input.customerId,
      ticketId: anonymous ? null : input.ticketId,
      ...scores,
    },
    anonymous ? null : input.filledBy,
  );
  return { responseId, ...scores };
}

/**
 * The public answer (POST /api/public/surveys/{token}, the form of /s/{token}): the invitation row
 * is locked (FOR UPDATE) for the whole transaction, so of two simultaneous posts one stores its
 * answers and the other then finds the token used (410). Refused answers store nothing and leave
 * the token usable.
 */
export async function answerByToken(deps: Deps, token: string, answers: AnswerInput[], now = new Date()) {
  return deps.database.db.transaction(async (tx) => {
    const invitation = await repo.findInvitationByHash(tx, tokenHash(token), { lock: true });
    const survey = invitation ? await repo.findSurvey(tx, invitation.surveyId) : undefined;
    const state = stateOf(invitation, survey, now);
    if (state.state !== 'open') throw refusal(state.state);
    await storeResponse(tx, deps.config.timezone, {
      survey: state.survey,
      invitation: state.invitation,
      customerId: state.invitation.customerId,
      ticketId: state.invitation.ticketId,
      answers,
      source: 'public',
      filledBy: null,
      now,
    });
  });
}

export type AnswerOnBehalfInput = {
  surveyId: string;
  customerId: string | null;
  ticketId?: string | null;
  answers: AnswerInput[];
  /** The member of staff who filled it in (a callback specialist). */
  filledBy: string;
};

/**
 * Staff fill the survey in for the customer (a callback), in the caller's transaction. An open
 * invitation of this survey for the same ticket (else the same customer) is used and closed, so the
 * customer's link then says "already answered". 404 for an unknown survey, 409 when deactivated,
 * 422 for refused answers (nothing stored). The caller checks the customer is in its scope.
 * `timezone`: the business time zone (deps.config.timezone) of the day it counts for.
 */
export async function answerOnBehalf(tx: Tx, input: AnswerOnBehalfInput, options: { timezone: string; now?: Date }) {
  const now = options.now ?? new Date();
  const survey = await repo.findSurvey(tx, input.surveyId);
  if (!survey) throw new AppError('surveys.not_found', 404);
  if (!survey.active) throw new AppError('surveys.inactive', 409);
  const invitation = await responses.findOpenInvitation(
    tx,
    survey.id,
    { customerId: input.customerId, ticketId: input.ticketId ?? null },
    now,
  );
  return storeResponse(tx, options.timezone, {
    survey,
    invitation: invitation ?? null,
    customerId: input.customerId,
    ticketId: input.ticketId ?? invitation?.ticketId ?? null,
    answers: input.answers,
    source: 'on_behalf',
    filledBy: input.filledBy,
    now,
  });
}
