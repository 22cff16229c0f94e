import { z } from 'zod';
import { SMS_PROVIDERS } from './sms.tables.js';

/** The SMS settings as the API answers them: the AccessKey secret never, only whether one is set. */
export const SmsSettingsSchema = z
  .object({
    provider: z.enum(SMS_PROVIDERS),
    /** The provider's API address; `https://dysmsapi.aliyuncs.com` unless a region's endpoint is needed. */
    endpoint: z.string(),
    regionId: z.string(),
    accessKeyId: z.string(),
    /** Whether an AccessKey secret is stored (it is never answered). */
    hasSecret: z.boolean(),
    /** The approved signature name (签名), shown as 【…】 before every message. */
    signName: z.string(),
    /** An approved template with one variable `${content}`, for messages without a template of their own. */
    defaultTemplateCode: z.string(),
    /** Every channel setting is complete enough to send. */
    configured: z.boolean(),
    version: z.number().int(),
    updatedAt: z.date(),
  })
  .meta({ id: 'SmsSettings' });
export type SmsSettingsDto = z.infer<typeof SmsSettingsSchema>;

const text = (max: number) => z.string().trim().max(max);

export const UpdateSmsSettingsBodySchema = z.strictObject({
  provider: z.enum(SMS_PROVIDERS).default('aliyun'),
  endpoint: text(500)
    .min(1)
    .describe('http(s) origin of the provider API, e.g. `https://dysmsapi.aliyuncs.com`; no path or query'),
  regionId: text(64)
    .regex(/^[a-z0-9-]*$/)
    .describe('e.g. `cn-hangzhou`'),
  accessKeyId: text(128).regex(/^[A-Za-z0-9._-]*$/),
  accessKeySecret: z
    .string()
    .max(256)
    .nullish()
    .describe('Write-only: a new secret; left out (or null) keeps the stored one, `""` removes it'),
  signName: text(64).describe('The approved signature name (签名)'),
  defaultTemplateCode: text(64)
    .regex(/^[A-Za-z0-9_-]*$/)
    .describe('An approved template with the one variable `content`, e.g. `SMS_154950909`'),
  version: z.number().int().min(1).describe('The version read; a stale one is refused with 409'),
});
export type UpdateSmsSettingsInput = z.infer<typeof UpdateSmsSettingsBodySchema>;

export const TestSmsBodySchema = z.strictObject({
  /** A mainland mobile number (optionally with +86 / 0086 / 86), or an international number with its country code. */
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{4,22}$/),
});

export const TestSmsResultSchema = z
  .object({
    ok: z.boolean(),
    /** The provider's HTTP status; null when it was never reached. */
    status: z.number().int().nullable(),
    /** The provider's answer (its JSON), or the network error. */
    response: z.string().nullable(),
    /** Why it failed, with the provider's Code and Message. */
    error: z.string().nullable(),
    /** The provider's BizId of the message. */
    providerId: z.string().nullable(),
  })
  .meta({ id: 'SmsTestResult' });
export type SmsTestResultDto = z.infer<typeof TestSmsResultSchema>;
