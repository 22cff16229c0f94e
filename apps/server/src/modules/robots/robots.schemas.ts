import { LOCALES } from '@kefu/shared';
import { z } from 'zod';
import { pageOf } from '../../lib/pagination.js';
import { ROBOT_FORMATS, ROBOT_KINDS } from './robots.tables.js';

/** What a robot may be told of (notifications topics for a group). */
export const ROBOT_TOPICS = ['sla.escalated', 'sla.warned', 'complaint.major_reported', 'digest.daily'] as const;
export type RobotTopic = (typeof ROBOT_TOPICS)[number];

export const RobotSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(ROBOT_KINDS),
    name: z.string(),
    /** The webhook URL as pasted (WeCom's key / DingTalk's access token are in it). */
    url: z.string(),
    /** Whether a signing secret is set; the secret itself is never answered. */
    hasSecret: z.boolean(),
    topics: z.array(z.string()),
    mentionMobiles: z.array(z.string()),
    format: z.enum(ROBOT_FORMATS),
    locale: z.enum(LOCALES),
    enabled: z.boolean(),
    createdBy: z.uuid().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Robot' });

const Mobile = z
  .string()
  .trim()
  .regex(/^\+?[0-9]{5,20}$/, 'a mobile number (digits, optionally a leading +)');

const fields = {
  name: z.string().trim().min(1).max(64),
  url: z.string().trim().min(1).max(2048),
  /** DingTalk 加签 secret (`SEC…`) or Feishu 签名校验 secret; null clears it. */
  secret: z.string().trim().min(1).max(256).nullable(),
  topics: z.array(z.enum(ROBOT_TOPICS)).max(ROBOT_TOPICS.length),
  mentionMobiles: z.array(Mobile).max(20),
  format: z.enum(ROBOT_FORMATS),
  locale: z.enum(LOCALES),
  enabled: z.boolean(),
};

export const CreateRobotBodySchema = z.strictObject({
  kind: z.enum(ROBOT_KINDS),
  name: fields.name,
  url: fields.url,
  secret: fields.secret.optional(),
  topics: fields.topics.optional(),
  mentionMobiles: fields.mentionMobiles.optional(),
  format: fields.format.optional(),
  locale: fields.locale.optional(),
  enabled: fields.enabled.optional(),
});
export type CreateRobotInput = z.infer<typeof CreateRobotBodySchema>;

export const UpdateRobotBodySchema = z.strictObject({
  name: fields.name.optional(),
  url: fields.url.optional(),
  /** Left out: unchanged; null: removed. */
  secret: fields.secret.optional(),
  topics: fields.topics.optional(),
  mentionMobiles: fields.mentionMobiles.optional(),
  format: fields.format.optional(),
  locale: fields.locale.optional(),
  enabled: fields.enabled.optional(),
});
export type UpdateRobotInput = z.infer<typeof UpdateRobotBodySchema>;

export const RobotIdParamsSchema = z.object({ id: z.uuid() });

export const RobotTestResultSchema = z
  .object({
    /** The robot's vendor accepted the message. */
    ok: z.boolean(),
    /** The HTTP status of the vendor's answer; null when it was never reached. */
    status: z.number().int().nullable(),
    /** The vendor's answer (the first 8 KiB). */
    response: z.string().nullable(),
    /** Why it failed, with the vendor's error code. */
    error: z.string().nullable(),
    /** The test message in the delivery log. */
    deliveryId: z.uuid().nullable(),
  })
  .meta({ id: 'RobotTestResult' });

export const RobotDeliverySchema = z
  .object({
    id: z.uuid(),
    topic: z.string(),
    subject: z.string(),
    status: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.date().nullable(),
    createdAt: z.date(),
    sentAt: z.date().nullable(),
  })
  .meta({ id: 'RobotDelivery' });

export const RobotDeliveriesQuerySchema = z.object({
  status: z.enum(['queued', 'sent', 'failed', 'dead', 'suppressed']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const RobotDeliveryPageSchema = pageOf(RobotDeliverySchema);
