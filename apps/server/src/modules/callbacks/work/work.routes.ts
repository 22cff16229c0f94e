import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { NoContent, problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { ProblemSchema } from '../../../plugins/error-handler.js';
import { CustomerQuietHoursBodySchema, CustomerQuietHoursSchema } from '../settings/settings.schemas.js';
import { setCustomerQuietHours } from './customer-quiet-hours.js';
import { raiseComplaint } from './raise-complaint.js';
import { recordAttempt, writeUpCallback } from './record-attempt.js';
import { recordOutcome } from './record-outcome.js';
import { answerSurveyFor, surveyFormsFor } from './survey-on-behalf.js';
import { callbackReport } from './work.report.js';
import {
  AttemptBodySchema,
  CallbackCountsSchema,
  CallbackDetailSchema,
  CallbackIdParamsSchema,
  CallbackPageSchema,
  CallbackReportSchema,
  ComplaintBodySchema,
  ComplaintResultSchema,
  ListCallbacksQuerySchema,
  OutcomeBodySchema,
  ReportQuerySchema,
  SurveyAnswersBodySchema,
  SurveyFormsSchema,
  WriteUpBodySchema,
} from './work.schemas.js';
import { countMyCallbacks, getCallback, listCallbacks } from './work.service.js';

const AttemptResultSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['pending', 'done', 'unreached', 'cancelled']),
    attempts: z.number().int(),
    reached: z.boolean().nullable(),
    nextAttemptAt: z.iso.datetime({ offset: true }).nullable().describe('The same-day retry, outside quiet hours'),
    writeUpDueAt: z.iso.datetime({ offset: true }).nullable().describe('Unreached: the write-up is due by then'),
  })
  .meta({ id: 'CallbackAttemptResult' });

/** Working callbacks: /api/v1/callbacks (lists, one callback before the call, tries, outcome, complaint, report). */
export const workRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'callbacks.work' },
      schema: {
        operationId: 'listCallbacks',
        summary:
          'Callbacks ordered by when to call (retry time, else scheduled time; never inside quiet hours): mine, or with callbacks.manage those in scope (filters assignee, status, due, unassigned, campaign)',
        querystring: ListCallbacksQuerySchema,
        response: { 200: CallbackPageSchema, ...problems },
      },
    },
    async (request) => listCallbacks(deps, actorContext(request), request.query),
  );

  app.get(
    '/counts',
    {
      config: { access: 'callbacks.work' },
      schema: {
        operationId: 'countMyCallbacks',
        summary: 'My callbacks: due today (or earlier, still pending), overdue, unreached awaiting a write-up',
        response: { 200: CallbackCountsSchema, ...problems },
      },
    },
    async (request) => countMyCallbacks(deps, actorContext(request)),
  );

  app.get(
    '/report',
    {
      config: { access: 'surveys.report' },
      schema: {
        operationId: 'getCallbackReport',
        summary:
          'Coverage, on-time rate and the unreached list of the callbacks due in a period, in the reader’s scope (docs/callbacks.md)',
        querystring: ReportQuerySchema,
        response: { 200: CallbackReportSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      return callbackReport(deps, ctx.actor, request.query.from, request.query.to, ctx.locale);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: 'callbacks.work' },
      schema: {
        operationId: 'getCallback',
        summary: 'One callback with its script, tries, the customer’s callback and contact history (audited)',
        params: CallbackIdParamsSchema,
        response: { 200: CallbackDetailSchema, ...problems },
      },
    },
    async (request) => getCallback(deps, actorContext(request), request.params.id),
  );

  app.post(
    '/:id/attempts',
    {
      config: { access: 'callbacks.work' },
      schema: {
        operationId: 'createCallbackAttempt',
        summary:
          'Record a try: not reached → retried the same day after the gap (outside quiet hours), unreached after the last retry',
        params: CallbackIdParamsSchema,
        body: AttemptBodySchema,
        response: { 200: AttemptResultSchema, ...problems },
      },
    },
    async (request) => recordAttempt(deps, actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/:id/write-up',
    {
      config: { access: 'callbacks.work' },
      schema: {
        operationId: 'writeUpCallback',
        summary: 'Write up an unreached callback (due before the end of its day)',
        params: CallbackIdParamsSchema,
        body: WriteUpBodySchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await writeUpCallback(deps, actorContext(request), request.params.id, request.body.note);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/outcome',
    {
      config: { access: 'callbacks.work' },
      schema: {
        operationId: 'recordCallbackOutcome',
        summary: 'Record the outcome: satisfaction 1–5, opinion, staff ratings (the complete record is required)',
        params: CallbackIdParamsSchema,
        body: OutcomeBodySchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await recordOutcome(deps, actorContext(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/complaint',
    {
      config: { access: 'callbacks.work' },
      schema: {
        operationId: 'raiseCallbackComplaint',
        summary:
          'One click: a complaint ticket for the callback’s customer, linked to the callback, its content carried over (again: the same ticket)',
        params: CallbackIdParamsSchema,
        body: ComplaintBodySchema,
        response: { 200: ComplaintResultSchema, ...problems },
      },
    },
    async (request) => raiseComplaint(deps, actorContext(request), request.params.id, request.body),
  );

  app.get(
    '/:id/survey-forms',
    {
      config: { access: 'callbacks.work' },
      schema: {
        operationId: 'listCallbackSurveyForms',
        summary: 'The active surveys the caller can fill in for the callback’s customer (staff ratings left out)',
        params: CallbackIdParamsSchema,
        response: { 200: SurveyFormsSchema, ...problems },
      },
    },
    async (request) => surveyFormsFor(deps, actorContext(request), request.params.id),
  );

  app.post(
    '/:id/survey-answers',
    {
      config: { access: 'callbacks.work' },
      schema: {
        operationId: 'answerSurveyForCallback',
        summary:
          'Fill a survey in for the customer during the callback: counted in the results as an on-behalf answer, closes the customer’s open link of that survey',
        params: CallbackIdParamsSchema,
        body: SurveyAnswersBodySchema,
        response: { 201: z.object({ responseId: z.uuid() }), ...problems, 422: ProblemSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await answerSurveyFor(deps, actorContext(request), request.params.id, request.body)),
  );

  app.put(
    '/:id/customer-quiet-hours',
    {
      config: { access: 'callbacks.work' },
      schema: {
        operationId: 'setCallbackCustomerQuietHours',
        summary:
          'The customer’s own rest hours, told during the call: they replace the quiet windows for this customer (null: back to the settings); pending callbacks move at once',
        params: CallbackIdParamsSchema,
        body: CustomerQuietHoursBodySchema,
        response: { 200: CustomerQuietHoursSchema, ...problems },
      },
    },
    async (request) => setCustomerQuietHours(deps, actorContext(request), request.params.id, request.body.quietWindows),
  );
};
