/**
 * Filling a survey in on the customer's behalf during a callback (GET /callbacks/{id}/survey-forms,
 * POST /callbacks/{id}/survey-answers). Pure parts unit-tested in surveyForms.test.ts.
 */
import { isApiError } from '../../../../api/ApiError';
import { api, unwrap } from '../../../../api/client';
import type { BodyOf, ResponseOf } from '../../../../api/types';

export type SurveyForm = ResponseOf<'/api/v1/callbacks/{id}/survey-forms', 'get'>['items'][number];
export type SurveyFormQuestion = SurveyForm['questions'][number];
export type SurveyAnswersBody = BodyOf<'/api/v1/callbacks/{id}/survey-answers', 'post'>;
export type SurveyAnswerValue = NonNullable<SurveyAnswersBody['answers'][number]['value']>;

export const surveyFormsKey = (callbackId: string) => ['callbacks', 'detail', callbackId, 'survey-forms'] as const;

export const listSurveyForms = (callbackId: string) =>
  unwrap(api.GET('/api/v1/callbacks/{id}/survey-forms', { params: { path: { id: callbackId } } }));
export const submitSurveyAnswers = (callbackId: string, body: SurveyAnswersBody) =>
  unwrap(api.POST('/api/v1/callbacks/{id}/survey-answers', { params: { path: { id: callbackId } }, body }));

/** The form's values: one field per question id (antd leaves an untouched field undefined). */
export type SurveyValues = Record<string, SurveyAnswerValue | null | undefined>;

const blank = (v: SurveyAnswerValue | null | undefined) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** The request body: the answered questions in the survey's order, text trimmed; blanks left out. */
export function toSurveyAnswers(form: SurveyForm, values: SurveyValues): SurveyAnswersBody {
  const answers: SurveyAnswersBody['answers'] = [];
  for (const q of form.questions) {
    const value = values[q.id];
    if (blank(value)) continue;
    answers.push({ questionId: q.id, value: typeof value === 'string' ? value.trim() : (value as SurveyAnswerValue) });
  }
  return { surveyId: form.id, answers };
}

/** The score range of a scored question (the server's, else the kind's). */
export function scaleOf(q: SurveyFormQuestion): [number, number] | null {
  const fallback: Partial<Record<string, [number, number]>> = {
    nps: [0, 10],
    csat: [1, 5],
    staff_rating: [1, 5],
  };
  const scale = fallback[q.kind];
  if (!scale) return null;
  return [q.min ?? scale[0], q.max ?? scale[1]];
}

export const SURVEY_PROBLEMS = ['required', 'invalid', 'too_long', 'unknown_question', 'duplicate'] as const;
export type SurveyProblem = (typeof SURVEY_PROBLEMS)[number];

/**
 * The 422 `surveys.invalid_answers` answer (`errors[]`: path `answers.<questionId>`, message the
 * reason) as form fields named by question id, each reason worded by `word`; other errors: none.
 */
/** A form field's errors, named by question id. */
export type QuestionErrors = { name: string; errors: string[] };

export function surveyFieldErrors(error: unknown, word: (problem: SurveyProblem | null) => string): QuestionErrors[] {
  if (!isApiError(error)) return [];
  const fields: QuestionErrors[] = [];
  for (const { path, message } of error.errors) {
    const match = /^\/?(?:body[./])?answers[./]([^./]+)$/.exec(path);
    if (!match?.[1]) continue;
    const problem = (SURVEY_PROBLEMS as readonly string[]).includes(message) ? (message as SurveyProblem) : null;
    fields.push({ name: match[1], errors: [word(problem)] });
  }
  return fields;
}
