import { LOCALES } from '@kefu/shared';
import { z } from 'zod';

const DeliveryChannelSchema = z.enum(['email', 'sms', 'robot']);

export const TemplateSchema = z
  .object({
    topic: z.string(),
    channel: DeliveryChannelSchema,
    locale: z.enum(LOCALES),
    subject: z.string(),
    body: z.string(),
    providerTemplateId: z.string().nullable(),
    /** An administrator's template (false: the built-in wording). */
    custom: z.boolean(),
    /** The variables it may use (`{{name}}`), with sample values. */
    variables: z.record(z.string(), z.string()),
    updatedAt: z.date().nullable(),
  })
  .meta({ id: 'NotificationTemplate' });

export const TemplateKeyParamsSchema = z.object({
  topic: z.string().min(1).max(64),
  channel: DeliveryChannelSchema,
  locale: z.enum(LOCALES),
});

export const UpdateTemplateSchema = z.object({
  subject: z.string().max(500).default(''),
  body: z.string().min(1).max(10_000),
  providerTemplateId: z.string().trim().min(1).max(100).nullable().optional(),
});

export const PreviewTemplateSchema = z.object({
  topic: z.string().min(1).max(64),
  channel: DeliveryChannelSchema,
  locale: z.enum(LOCALES),
  /** The wording to try; left out: the current template. */
  subject: z.string().max(500).optional(),
  body: z.string().max(10_000).optional(),
});

export const PreviewSchema = z
  .object({ subject: z.string(), body: z.string(), html: z.string().nullable() })
  .meta({ id: 'NotificationTemplatePreview' });
