import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { keepRawJsonBody } from '../../webhooks/index.js';
import {
  CallEventResultSchema,
  CallEventSchema,
  SetWebhookSecretBodySchema,
  WebhookSecretSchema,
  WebhookStateSchema,
} from './events.schemas.js';
import { receiveCallEvent, setWebhookSecret, verifyCallEvent, webhookState } from './events.service.js';

/** The largest call event accepted. */
const EVENT_BODY_LIMIT = 16 * 1024;
const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Live call events from the PBX, signed: POST /api/v1/calls/events */
export const callEventsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  // The signature covers the raw bytes: keep them beside the parsed JSON (this scope only).
  keepRawJsonBody(app, EVENT_BODY_LIMIT);

  app.post(
    '',
    {
      config: { access: 'public' },
      bodyLimit: EVENT_BODY_LIMIT,
      schema: {
        tags: ['calls'],
        operationId: 'receiveCallEvent',
        summary: 'A live call event of the PBX (ringing, answered, ended, abandoned), signed (Standard Webhooks)',
        description:
          'Signed with the secret set at PUT /calls/webhook: headers `webhook-id`, `webhook-timestamp` (Unix ' +
          'seconds, within 5 minutes) and `webhook-signature: v1,<base64 HMAC-SHA256 of "<webhook-id>.' +
          '<webhook-timestamp>.<raw body>">` (missing headers: 400). A wrong or stale signature is 401 and ' +
          'changes nothing; without a ' +
          'secret the endpoint is off (403). The call record (source `webhook`) is created or updated and ' +
          '`call.<type>` is pushed to the agent it rings and to readers of calls. At most 16 KiB.',
        security: [],
        headers: z.object({
          'webhook-id': z.string().min(1).max(200),
          'webhook-timestamp': z.string().max(20).describe('Unix seconds'),
          'webhook-signature': z.string().max(2000).describe('`v1,<base64>`, several separated by spaces'),
        }),
        body: CallEventSchema,
        response: { 200: CallEventResultSchema, ...problems },
      },
      // Before the body is validated: a tampered body is 401, not 400.
      preValidation: async (request) => {
        const h = request.headers;
        const signed = {
          'webhook-id': header(h['webhook-id']),
          'webhook-timestamp': header(h['webhook-timestamp']),
          'webhook-signature': header(h['webhook-signature']),
        };
        // Without the signature headers the request is malformed: the headers' schema answers 400.
        if (!signed['webhook-id'] || !signed['webhook-timestamp'] || !signed['webhook-signature']) return;
        await verifyCallEvent(deps, request.rawInboundBody ?? '', signed);
      },
    },
    async (request) => receiveCallEvent(deps, request.body),
  );
};

/** The call webhook's secret (write-only): /api/v1/calls/webhook */
export const callWebhookRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['calls'];
  app.get(
    '',
    {
      config: { access: 'calls.manage' },
      schema: {
        tags,
        operationId: 'getCallWebhook',
        summary: 'Whether live call events are on (a signing secret is set); never the secret',
        response: { 200: WebhookStateSchema, ...problems },
      },
    },
    async () => webhookState(deps),
  );
  app.put(
    '',
    {
      config: { access: 'calls.manage' },
      schema: {
        tags,
        operationId: 'setCallWebhookSecret',
        summary: 'Set or rotate the secret the PBX signs call events with (answered this once), or switch it off',
        body: SetWebhookSecretBodySchema,
        response: { 200: WebhookSecretSchema, ...problems },
      },
    },
    async (request) => setWebhookSecret(deps, actorContext(request), request.body.secret),
  );
};
