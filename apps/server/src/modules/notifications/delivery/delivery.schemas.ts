import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../../lib/pagination.js';
import { NOTIFICATION_STATUSES } from '../notifications.tables.js';

const DeliveryChannelSchema = z.enum(['email', 'sms', 'robot']);

export const DeliverySchema = z
  .object({
    id: z.uuid(),
    channel: DeliveryChannelSchema,
    recipient: z.string(),
    topic: z.string(),
    subject: z.string(),
    status: z.enum(NOTIFICATION_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.date().nullable(),
    userId: z.uuid().nullable(),
    customerId: z.uuid().nullable(),
    ref: z.string().nullable(),
    createdAt: z.date(),
    sentAt: z.date().nullable(),
  })
  .meta({ id: 'NotificationDelivery' });

export const AttemptSchema = z
  .object({
    attempt: z.number().int(),
    at: z.date(),
    ok: z.boolean(),
    status: z.number().int().nullable(),
    request: z.string().nullable(),
    response: z.string().nullable(),
    error: z.string().nullable(),
    durationMs: z.number().int(),
  })
  .meta({ id: 'NotificationAttempt' });

export const DeliveryDetailSchema = DeliverySchema.extend({
  body: z.string(),
  locale: z.string().nullable(),
  headers: z.record(z.string(), z.unknown()).nullable(),
  attempts: z.number().int(),
  log: z.array(AttemptSchema),
}).meta({ id: 'NotificationDeliveryDetail' });

export const ListDeliveriesQuerySchema = PageQuerySchema.omit({ sort: true }).extend({
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  channel: DeliveryChannelSchema.optional(),
  topic: z.string().max(64).optional(),
  recipient: z.string().max(320).optional(),
});

export const DeliveriesPageSchema = pageOf(DeliverySchema);

export const DeliveryIdParamsSchema = z.object({ id: z.uuid() });
