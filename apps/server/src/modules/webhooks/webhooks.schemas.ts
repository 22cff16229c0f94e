import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';
import { WEBHOOK_EVENT_TYPES } from './webhooks.events.js';

const UrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .regex(/^https?:\/\//i, 'http:// or https:// URL')
  .describe('Where messages are POSTed (http or https; private addresses are refused unless allowed)');
const SecretSchema = z.string().trim().max(200).describe('`whsec_` + base64 of 24–64 bytes; generated when absent');

export const WebhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES).meta({ id: 'WebhookEventType' });

export const WebhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    ownerId: z.uuid(),
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    disabledAt: z.date().nullable(),
    consecutiveFailures: z.number().int(),
    secretRotatedAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Webhook' });

export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().describe('The signing secret, answered this once only'),
}).meta({ id: 'CreatedWebhook' });

export const CreateWebhookBodySchema = z.strictObject({
  url: UrlSchema,
  events: z.array(WebhookEventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length),
  secret: SecretSchema.optional(),
  description: z.string().trim().max(500).optional(),
});

export const UpdateWebhookBodySchema = z.strictObject({
  url: UrlSchema.optional(),
  events: z.array(WebhookEventTypeSchema).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
  description: z.string().trim().max(500).nullable().optional(),
  enabled: z.boolean().optional().describe('false: pause; true: resume (failed messages are queued again, in order)'),
});

export const IdParamsSchema = z.object({ id: z.uuid() });
export const DeliveryParamsSchema = z.object({ id: z.uuid(), deliveryId: z.uuid() });

export const ListDeliveriesQuerySchema = PageQuerySchema.extend({
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
});

export const WebhookAttemptSchema = z
  .object({
    attempt: z.number().int(),
    at: z.date(),
    ok: z.boolean(),
    status: z.number().int().nullable(),
    response: z.string().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .meta({ id: 'WebhookAttempt' });

export const WebhookDeliverySchema = z
  .object({
    id: z.uuid().describe('The message’s `webhook-id` (the same on every retry)'),
    subscriptionId: z.uuid(),
    seq: z.number().int(),
    eventId: z.string().nullable(),
    eventType: z.string(),
    body: z.string().describe('The exact JSON that was signed and sent'),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.date(),
    lastStatus: z.number().int().nullable(),
    lastResponse: z.string().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.date().nullable(),
    createdAt: z.date(),
    attemptLog: z.array(WebhookAttemptSchema),
  })
  .meta({ id: 'WebhookDelivery' });

export const TestResultSchema = z
  .object({
    ok: z.boolean(),
    status: z.number().int().nullable().describe('The receiver’s HTTP status (null: no answer)'),
    response: z.string().nullable().describe('The first 8 KiB of its answer, or the error'),
    deliveryId: z.uuid(),
  })
  .meta({ id: 'WebhookTestResult' });

export const SecretSchemaOut = z.object({
  secret: z.string().describe('The new secret, answered once; the previous one keeps signing for 24 h'),
});

export const EventTypesSchema = z.object({
  items: z.array(
    z.object({ type: WebhookEventTypeSchema, description: z.string() }).meta({ id: 'WebhookEventTypeInfo' }),
  ),
});
