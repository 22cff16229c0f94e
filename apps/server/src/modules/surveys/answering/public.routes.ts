import { type Locale, pickLocale } from '@kefu/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { ProblemSchema } from '../../../plugins/error-handler.js';
import type { QuestionRow } from '../surveys.repository.js';
import { type AnswerInput, type AnswerIssue, type AnswerProblem, isAsked } from './answers.rules.js';
import { type FormValues, PAGE_CSP, type PageKind, renderMessagePage, renderSurveyPage } from './page.render.js';
import { AnswerValueSchema, QuestionViewSchema, questionView } from './question-view.js';
import { answerByToken, refusal, tokenState } from './submit-answer.js';

/** The largest answer accepted (JSON or form): 30 questions with 1,000 characters of text fit well. */
export const ANSWER_BODY_LIMIT = 32 * 1024;

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;
const TokenParamsSchema = z.object({ token: z.string().regex(TOKEN).describe('The token of the invitation link') });

const access = { access: 'public' } as const;

/** The page's language: `?lang=en|zh-CN`, else Accept-Language (zh-CN by default). */
function localeOf(request: FastifyRequest): Locale {
  const lang = (request.query as { lang?: unknown } | undefined)?.lang;
  if (lang === 'en' || lang === 'zh-CN') return lang;
  return pickLocale(request.headers['accept-language']);
}

const PublicSurveySchema = z
  .object({
    name: z.string(),
    description: z.string().nullable(),
    locale: z.enum(['zh-CN', 'en']),
    expiresAt: z.string(),
    questions: z.array(QuestionViewSchema),
  })
  .meta({ id: 'PublicSurvey' });

const AnswerBodySchema = z
  .object({
    answers: z.array(z.object({ questionId: z.uuid(), value: AnswerValueSchema })).max(60),
  })
  .strict();

/** The questions a customer sees; answered, expired and unknown tokens are 410 / 410 / 404. */
export const publicSurveyRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/:token',
    {
      config: access,
      schema: {
        operationId: 'getPublicSurvey',
        summary: 'The questions of a survey link, in the customer’s language (no sign-in: the token is the credential)',
        security: [],
        params: TokenParamsSchema,
        querystring: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }),
        response: { 200: PublicSurveySchema, ...problems, 410: ProblemSchema },
      },
    },
    async (request) => {
      const locale = localeOf(request);
      const state = await tokenState(deps, request.params.token);
      if (state.state !== 'open') throw refusal(state.state);
      const { questions } = state;
      const staff = state.invitation.staff;
      return {
        name: state.survey.name,
        description: state.survey.description,
        locale,
        expiresAt: state.invitation.expiresAt.toISOString(),
        questions: questions.filter((q) => isAsked(q, staff)).map((q) => questionView(locale, q, staff)),
      };
    },
  );

  app.post(
    '/:token',
    {
      config: access,
      bodyLimit: ANSWER_BODY_LIMIT,
      schema: {
        operationId: 'answerPublicSurvey',
        summary: 'Answer a survey link once (no cookie, no CSRF token: the token is the credential)',
        description:
          'All answers are stored or none: a value out of range, of the wrong kind, too long (text: 1,000 ' +
          'characters), for an unknown question, or a required question left out is a 422 listing each ' +
          'question (`errors[].path` = `answers.<questionId>`), and the link stays usable. An answered ' +
          'or expired link is 410, an unknown one 404. Bodies over 32 KiB are refused (413).',
        security: [],
        params: TokenParamsSchema,
        body: AnswerBodySchema,
        response: {
          201: z.object({ status: z.literal('answered') }),
          ...problems,
          410: ProblemSchema,
          413: ProblemSchema,
          422: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      await answerByToken(deps, request.params.token, request.body.answers as AnswerInput[]);
      return reply.status(201).send({ status: 'answered' });
    },
  );
};

const STATUS: Record<PageKind, number> = { thanks: 200, used: 410, expired: 410, not_found: 404, refused: 400 };

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply
    .status(status)
    .header('content-security-policy', PAGE_CSP)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** Form fields `q_<questionId>` (repeated for several choices) → values by question id. */
function formValues(body: unknown): FormValues {
  const values: FormValues = new Map();
  if (!(body instanceof URLSearchParams)) return values;
  for (const [name, value] of body) {
    if (!name.startsWith('q_')) continue;
    const id = name.slice(2, 80);
    values.set(id, [...(values.get(id) ?? []), value]);
  }
  return values;
}

/** A form's values as the answers of the JSON API (a checkbox group is a list, a scale a number). */
function answersOf(questions: readonly QuestionRow[], values: FormValues): AnswerInput[] {
  const kinds = new Map(questions.map((q) => [q.id, q.kind]));
  return [...values.entries()].map(([questionId, list]) => {
    const kind = kinds.get(questionId);
    const value = kind === 'multiple' ? list : (list[0] ?? null);
    return { questionId, value };
  });
}

/**
 * /s/{token}: the questionnaire as a page (GET) and its form post (POST, urlencoded), for phones
 * and without JavaScript. Thank-you 200 (after the post: 303 to the same page is not needed, the
 * token is used), used and expired links 410, unknown 404, refused answers 422 with the form again.
 */
export const surveyPageRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: ANSWER_BODY_LIMIT },
    (_request, body, done) => done(null, new URLSearchParams(body as string)),
  );
  // Errors of this scope (an oversize body, a wrong content type, text that is not well-formed
  // Unicode) are pages too, not problem JSON.
  app.setErrorHandler((error: { statusCode?: number }, request, reply) => {
    const code = error instanceof AppError ? error.status : error.statusCode;
    const status = code && code >= 400 && code < 500 ? code : 500;
    if (status === 500) request.log.error(error);
    const locale = localeOf(request);
    return sendPage(reply, status, renderMessagePage(locale, status === 404 ? 'not_found' : 'refused'));
  });

  const page = async (request: FastifyRequest, reply: FastifyReply, posted: FormValues | null) => {
    const locale = localeOf(request);
    const token = (request.params as { token: string }).token;
    if (!TOKEN.test(token)) return sendPage(reply, 404, renderMessagePage(locale, 'not_found'));
    const state = await tokenState(deps, token);
    if (state.state !== 'open') return sendPage(reply, STATUS[state.state], renderMessagePage(locale, state.state));
    const { questions } = state;
    const render = (status: number, values?: FormValues, issues?: AnswerIssue[]) =>
      sendPage(
        reply,
        status,
        renderSurveyPage({
          locale,
          token,
          name: state.survey.name,
          description: state.survey.description,
          questions,
          staff: state.invitation.staff,
          values,
          issues,
        }),
      );
    if (!posted) return render(200);
    try {
      await answerByToken(deps, token, answersOf(questions, posted));
      return sendPage(reply, 200, renderMessagePage(locale, 'thanks'));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'surveys.invalid_answers') {
        const issues = (error.fields ?? []).map((f) => ({
          questionId: f.path.replace(/^answers\./, ''),
          problem: f.message as AnswerProblem,
        }));
        return render(422, posted, issues);
      }
      const kind: PageKind =
        error.code === 'surveys.token_used'
          ? 'used'
          : error.code === 'surveys.token_not_found'
            ? 'not_found'
            : 'expired';
      return sendPage(reply, STATUS[kind], renderMessagePage(locale, kind));
    }
  };

  const html = z.any().describe('text/html page');
  const pages = { 200: html, 404: html, 410: html };
  app.get(
    '/:token',
    {
      config: access,
      schema: {
        operationId: 'getSurveyPage',
        produces: ['text/html'],
        summary: 'The survey as a small HTML page for phones (zh-CN; `?lang=en` or Accept-Language for English)',
        security: [],
        params: z.object({ token: z.string().max(200) }),
        querystring: z.object({ lang: z.string().max(10).optional() }),
        response: pages,
      },
    },
    (request, reply) => page(request, reply, null),
  );
  app.post(
    '/:token',
    {
      config: access,
      bodyLimit: ANSWER_BODY_LIMIT,
      schema: {
        operationId: 'submitSurveyPage',
        produces: ['text/html'],
        consumes: ['application/x-www-form-urlencoded'],
        summary: 'The page’s form post (urlencoded `q_<questionId>` fields): thanks, or the form again with 422',
        security: [],
        params: z.object({ token: z.string().max(200) }),
        querystring: z.object({ lang: z.string().max(10).optional() }),
        response: { ...pages, 400: html, 413: html, 415: html, 422: html },
      },
    },
    (request, reply) => page(request, reply, formValues(request.body)),
  );
};
