import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/deps.js';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { NoContent, problems } from '../../lib/route-helpers.js';
import { actorContext } from '../../plugins/auth.js';
import {
  CreatedWebhookSchema,
  CreateWebhookBodySchema,
  DeliveryParamsSchema,
  EventTypesSchema,
  IdParamsSchema,
  ListDeliveriesQuerySchema,
  SecretSchemaOut,
  TestResultSchema,
  UpdateWebhookBodySchema,
  WebhookDeliverySchema,
  WebhookSchema,
} from './webhooks.schemas.js';
import * as service from './webhooks.service.js';

const access = { access: 'webhooks.manage' } as const;

/** Outbound webhooks (Standard Webhooks): /api/v1/webhooks */
export const webhooksRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/event-types',
    {
      config: access,
      schema: {
        operationId: 'listWebhookEventTypes',
        summary: 'The event types a webhook may subscribe to',
        response: { 200: EventTypesSchema, ...problems },
      },
    },
    async (request) => service.listEventTypes(request.locale),
  );

  app.post(
    '',
    {
      config: access,
      schema: {
        operationId: 'createWebhook',
        summary: 'Subscribe a URL to event types; the answer holds the signing secret, this once',
        body: CreateWebhookBodySchema,
        response: { 201: CreatedWebhookSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createWebhook(deps, actorContext(request), request.body)),
  );

  app.get(
    '',
    {
      config: access,
      schema: {
        operationId: 'listWebhooks',
        summary: 'Webhook subscriptions whose owner is within the caller’s data scope',
        querystring: PageQuerySchema,
        response: { 200: pageOf(WebhookSchema), ...problems },
      },
    },
    async (request) => service.listWebhooks(deps, actorContext(request).actor, request.query),
  );

  app.get(
    '/:id',
    {
      config: access,
      schema: {
        operationId: 'getWebhook',
        summary: 'One webhook subscription (never its secret)',
        params: IdParamsSchema,
        response: { 200: WebhookSchema, ...problems },
      },
    },
    async (request) => service.getWebhook(deps, actorContext(request).actor, request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: access,
      schema: {
        operationId: 'updateWebhook',
        summary: 'Change URL, events or description; enable (failed messages queued again in order) or pause',
        params: IdParamsSchema,
        body: UpdateWebhookBodySchema,
        response: { 200: WebhookSchema, ...problems },
      },
    },
    async (request) => service.updateWebhook(deps, actorContext(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: access,
      schema: {
        operationId: 'deleteWebhook',
        summary: 'Delete a subscription with its queue and delivery log',
        params: IdParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteWebhook(deps, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/:id/test',
    {
      config: access,
      schema: {
        operationId: 'testWebhook',
        summary: 'Send a `webhook.test` message now and answer what the receiver said',
        params: IdParamsSchema,
        response: { 200: TestResultSchema, ...problems },
      },
    },
    async (request) => service.testWebhook(deps, actorContext(request), request.params.id),
  );

  app.post(
    '/:id/rotate-secret',
    {
      config: access,
      schema: {
        operationId: 'rotateWebhookSecret',
        summary: 'A new signing secret (answered once); the old one also signs for 24 h',
        params: IdParamsSchema,
        response: { 200: SecretSchemaOut, ...problems },
      },
    },
    async (request) => service.rotateSecret(deps, actorContext(request), request.params.id),
  );

  app.get(
    '/:id/deliveries',
    {
      config: access,
      schema: {
        operationId: 'listWebhookDeliveries',
        summary: 'The subscription’s messages, newest first, with every attempt',
        params: IdParamsSchema,
        querystring: ListDeliveriesQuerySchema,
        response: { 200: pageOf(WebhookDeliverySchema), ...problems },
      },
    },
    async (request) => service.listDeliveries(deps, actorContext(request).actor, request.params.id, request.query),
  );

  app.post(
    '/:id/deliveries/:deliveryId/redeliver',
    {
      config: access,
      schema: {
        operationId: 'redeliverWebhook',
        summary: 'Send a message again: back at the end of the queue, same `webhook-id`',
        params: DeliveryParamsSchema,
        response: { 200: WebhookDeliverySchema, ...problems },
      },
    },
    async (request) => service.redeliver(deps, actorContext(request), request.params.id, request.params.deliveryId),
  );
};
