import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../lib/deps.js';
import { problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import { createInvitation } from './create-invitation.js';
import {
  CreatedInvitationSchema,
  CreateInvitationBodySchema,
  CreateSurveyBodySchema,
  SurveyListQuerySchema,
  SurveyParamsSchema,
  SurveySchema,
  SurveySummarySchema,
  UpdateSurveyBodySchema,
} from './surveys.schemas.js';
import * as service from './surveys.service.js';

const manage = { access: 'surveys.manage' } as const;

/** Questionnaires, their sending rules and invitations: /api/v1/surveys */
export const surveysRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '',
    {
      config: manage,
      schema: {
        operationId: 'createSurvey',
        summary: 'Create a survey: its questions (CSAT, NPS, staff rating, choices, resolved?, text) and sending rules',
        body: CreateSurveyBodySchema,
        response: { 201: SurveySchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createSurvey(deps, actorContext(request), request.body)),
  );

  app.get(
    '',
    {
      config: { access: 'surveys.report' },
      schema: {
        operationId: 'listSurveys',
        summary: 'Surveys, active first, with their invitation and response counts',
        querystring: SurveyListQuerySchema,
        response: { 200: z.object({ items: z.array(SurveySummarySchema) }), ...problems },
      },
    },
    async (request) => service.listSurveys(deps, request.query),
  );

  app.get(
    '/:id',
    {
      config: { access: 'surveys.report' },
      schema: {
        operationId: 'getSurvey',
        summary: 'One survey with its questions (ids, kinds, localized kind labels)',
        params: SurveyParamsSchema,
        response: { 200: SurveySchema, ...problems },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      return service.getSurvey(deps, ctx.actor, request.params.id, ctx.locale);
    },
  );

  app.patch(
    '/:id',
    {
      config: manage,
      schema: {
        operationId: 'updateSurvey',
        summary: 'Change a survey’s settings, (de)activate it, or replace its questions while it has no answers',
        params: SurveyParamsSchema,
        body: UpdateSurveyBodySchema,
        response: { 200: SurveySchema, ...problems },
      },
    },
    async (request) => service.updateSurvey(deps, actorContext(request), request.params.id, request.body),
  );

  app.post(
    '/:id/invitations',
    {
      config: manage,
      schema: {
        operationId: 'createSurveyInvitation',
        summary: 'Invite a customer: a one-time link (token shown once), sent by SMS or e-mail or handed out',
        description:
          'The customer and the ticket must be within the caller’s data scope (else 404). `channel` `sms` / ' +
          '`email` queues the message through the notification layer (topic `survey.invitation`); `link` ' +
          'only returns it. Only the SHA-256 of the token is stored.',
        params: SurveyParamsSchema,
        body: CreateInvitationBodySchema,
        response: { 201: CreatedInvitationSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createInvitation(deps, actorContext(request), request.params.id, request.body)),
  );
};
