import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../lib/deps.js';
import { NoContent, problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { CreateLadderBodySchema, LadderListSchema, LadderSchema, UpdateLadderBodySchema } from './ladders.schemas.js';
import * as service from './ladders.service.js';
import { IdParamsSchema, VersionQuerySchema } from './policies.schemas.js';
import { SlaSettingsSchema, UpdateSlaSettingsBodySchema } from './settings.schemas.js';
import * as settings from './settings.service.js';

/** Escalation ladders and the SLA settings: /api/v1/sla/ladders/…, /api/v1/sla/settings */
export const slaLaddersRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/ladders',
    {
      config: { access: 'sla.read' },
      schema: {
        operationId: 'listSlaLadders',
        summary: 'Escalation ladders: levels with their time limits, recipients and channels',
        response: { 200: LadderListSchema, ...problems },
      },
    },
    async (request) => service.listLadders(deps, request.locale),
  );

  app.post(
    '/ladders',
    {
      config: { access: 'sla.manage' },
      schema: {
        operationId: 'createSlaLadder',
        summary: 'Add an escalation ladder (1 to 10 levels)',
        body: CreateLadderBodySchema,
        response: { 201: LadderSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createLadder(deps, actorContext(request), request.body)),
  );

  app.patch(
    '/ladders/:id',
    {
      config: { access: 'sla.manage' },
      schema: {
        operationId: 'updateSlaLadder',
        summary: 'Edit an escalation ladder, built-in ones too (409 when `version` is stale)',
        params: IdParamsSchema,
        body: UpdateLadderBodySchema,
        response: { 200: LadderSchema, ...problems },
      },
    },
    async (request) => service.updateLadder(deps, actorContext(request), request.params.id, request.body),
  );

  app.delete(
    '/ladders/:id',
    {
      config: { access: 'sla.manage' },
      schema: {
        operationId: 'deleteSlaLadder',
        summary: 'Delete an escalation ladder that no policy uses (a built-in one cannot be deleted)',
        params: IdParamsSchema,
        querystring: VersionQuerySchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteLadder(deps, actorContext(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/settings',
    {
      config: { access: 'sla.read' },
      schema: {
        operationId: 'getSlaSettings',
        summary: 'Which waits pause the clocks, and the weights of the SLA achievement rate',
        response: { 200: SlaSettingsSchema, ...problems },
      },
    },
    async () => settings.getSlaSettings(deps),
  );

  app.put(
    '/settings',
    {
      config: { access: 'sla.manage' },
      schema: {
        operationId: 'updateSlaSettings',
        summary: 'Change what pauses the clocks and the weights (summing to 100 %; 409 when `version` is stale)',
        body: UpdateSlaSettingsBodySchema,
        response: { 200: SlaSettingsSchema, ...problems },
      },
    },
    async (request) => settings.updateSlaSettings(deps, actorContext(request), request.body),
  );
};
