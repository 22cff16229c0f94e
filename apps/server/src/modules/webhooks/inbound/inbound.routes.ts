import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { NoContent, problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import {
  CreatedInboundSourceSchema,
  CreateInboundSourceBodySchema,
  InboundEventSchema,
  InboundParamsSchema,
  InboundResultSchema,
  InboundSourceSchema,
  SourceIdParamsSchema,
  UpdateInboundSourceBodySchema,
} from './inbound.schemas.js';
import * as service from './inbound.service.js';
import { keepRawJsonBody } from './raw-body.js';

/** The largest inbound message accepted. */
export const INBOUND_BODY_LIMIT = 64 * 1024;

const access = { access: 'webhooks.manage' } as const;

/** Systems allowed to send signed events: /api/v1/inbound-sources */
export const inboundSourcesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '',
    {
      config: access,
      schema: {
        operationId: 'listInboundSources',
        summary: 'Systems that may open tickets by signed inbound events (never their secrets)',
        response: { 200: z.object({ items: z.array(InboundSourceSchema) }), ...problems },
      },
    },
    async () => service.listSources(deps),
  );

  app.post(
    '',
    {
      config: access,
      schema: {
        operationId: 'createInboundSource',
        summary: 'Add an inbound source; the answer holds its signing secret, this once',
        body: CreateInboundSourceBodySchema,
        response: { 201: CreatedInboundSourceSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createSource(deps, actorContext(request), request.body)),
  );

  app.get(
    '/:id',
    {
      config: access,
      schema: {
        operationId: 'getInboundSource',
        summary: 'One inbound source',
        params: SourceIdParamsSchema,
        response: { 200: InboundSourceSchema, ...problems },
      },
    },
    async (request) => service.getSource(deps, request.params.id),
  );

  app.patch(
    '/:id',
    {
      config: access,
      schema: {
        operationId: 'updateInboundSource',
        summary: 'Rename, change the ticket defaults, enable or disable an inbound source',
        params: SourceIdParamsSchema,
        body: UpdateInboundSourceBodySchema,
        response: { 200: InboundSourceSchema, ...problems },
      },
    },
    async (request) => service.updateSource(deps, actorContext(request), request.params.id, request.body),
  );

  app.delete(
    '/:id',
    {
      config: access,
      schema: {
        operationId: 'deleteInboundSource',
        summary: 'Delete an inbound source (its messages are refused from then on)',
        params: SourceIdParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      await service.deleteSource(deps, actorContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The signed inbound endpoint: /api/v1/inbound/{sourceId} */
export const inboundRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  // The signature covers the raw bytes: keep them beside the parsed JSON (this scope only).
  keepRawJsonBody(app, INBOUND_BODY_LIMIT);

  app.post(
    '/:sourceId',
    {
      config: { access: 'public' },
      bodyLimit: INBOUND_BODY_LIMIT,
      schema: {
        operationId: 'receiveInboundEvent',
        summary: 'Open a ticket from a signed event of another system (Standard Webhooks)',
        description:
          'Signed like an outbound webhook with the source’s `whsec_` secret: headers `webhook-id`, ' +
          '`webhook-timestamp` (Unix seconds, within 5 minutes) and `webhook-signature: v1,<base64 ' +
          'HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<raw body>">`. A wrong or stale signature is ' +
          '401, a `webhook-id` already received is 409; neither creates anything. At most 64 KiB.',
        security: [],
        params: InboundParamsSchema,
        headers: z.object({
          'webhook-id': z.string().min(1).max(200).describe('Unique per message; replays are refused'),
          'webhook-timestamp': z.string().max(20).describe('Unix seconds'),
          'webhook-signature': z.string().max(2000).describe('`v1,<base64>`, several separated by spaces'),
        }),
        body: InboundEventSchema,
        response: { 201: InboundResultSchema, ...problems },
      },
      // Before the body is validated: a tampered body is 401, not 400.
      preValidation: async (request) => {
        const { sourceId } = request.params as { sourceId: string };
        const h = request.headers;
        await service.verifyInbound(deps, sourceId, request.rawInboundBody ?? '', {
          'webhook-id': header(h['webhook-id']),
          'webhook-timestamp': header(h['webhook-timestamp']),
          'webhook-signature': header(h['webhook-signature']),
        });
      },
    },
    async (request, reply) => {
      const messageId = request.headers['webhook-id'];
      if (!messageId) throw new AppError('webhooks.signature_invalid', 401);
      const result = await service.receiveInbound(deps, request.params.sourceId, messageId, request.body);
      return reply.status(201).send(result);
    },
  );
};
