import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { NoContent, problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import * as campaigns from './campaigns.service.js';
import {
  CampaignInputSchema,
  CampaignSchema,
  IdParamsSchema,
  ListPlansQuerySchema,
  PlanInputSchema,
  PlanPatchSchema,
  PlanSchema,
} from './plans.schemas.js';
import * as service from './plans.service.js';

const tags = ['callbacks'];

/** Callback plans: /api/v1/callback-plans/… (callbacks.manage). */
export const callbackPlansRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'callbacks.manage' },
      schema: {
        tags,
        operationId: 'listCallbackPlans',
        summary: 'Callback plans with their steps and pending callbacks (the shipped templates included)',
        querystring: ListPlansQuerySchema,
        response: { 200: z.object({ items: z.array(PlanSchema) }), ...problems },
      },
    },
    async (request) => service.listPlans(deps, request.query),
  );

  app.get(
    '/:id',
    {
      config: { access: 'callbacks.manage' },
      schema: {
        tags,
        operationId: 'getCallbackPlan',
        summary: 'One callback plan with its steps',
        params: IdParamsSchema,
        response: { 200: PlanSchema, ...problems },
      },
    },
    async (request) => service.getPlan(deps, request.params.id),
  );

  app.post(
    '',
    {
      config: { access: 'callbacks.manage' },
      schema: {
        tags,
        operationId: 'createCallbackPlan',
        summary:
          'Create a callback plan: a trigger and steps (N calendar or working days after, channel, purpose, script)',
        body: PlanInputSchema,
        response: { 201: PlanSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createPlan(deps, actorContext(request), request.body)),
  );

  app.patch(
    '/:id',
    {
      config: { access: 'callbacks.manage' },
      schema: {
        tags,
        operationId: 'updateCallbackPlan',
        summary:
          'Edit a callback plan; steps are replaced by position (a removed step’s pending callbacks are cancelled)',
        params: IdParamsSchema,
        body: PlanPatchSchema,
        response: { 200: PlanSchema, ...problems },
      },
    },
    async (request) => service.updatePlan(deps, actorContext(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: { access: 'callbacks.manage' },
      schema: {
        tags,
        operationId: 'deactivateCallbackPlan',
        summary: 'Deactivate a callback plan (no new callbacks; those made stay)',
        params: IdParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deactivatePlan(deps, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

/** Callback campaigns: /api/v1/callback-campaigns (callbacks.manage). */
export const callbackCampaignsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: { access: 'callbacks.manage' },
      schema: {
        tags,
        operationId: 'listCallbackCampaigns',
        summary: 'Callback rounds started in my data scope, newest first, with their callbacks by status',
        response: { 200: z.object({ items: z.array(CampaignSchema) }), ...problems },
      },
    },
    async (request) => campaigns.listCampaigns(deps, actorContext(request).actor),
  );

  app.post(
    '',
    {
      config: { access: 'callbacks.manage' },
      schema: {
        tags,
        operationId: 'createCallbackCampaign',
        summary:
          'Start a callback round over the customers matching a customer-list filter (in my scope), by a plan or one step',
        body: CampaignInputSchema,
        response: { 201: CampaignSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await campaigns.createCampaign(deps, actorContext(request), request.body)),
  );
};
