import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The SMS providers Kefu speaks; each one's protocol is implemented from its published API. */
export const SMS_PROVIDERS = ['aliyun'] as const;
export type SmsProvider = (typeof SMS_PROVIDERS)[number];

/** Alibaba Cloud SMS: the public endpoint (any region's endpoint, or a local peer in tests). */
export const DEFAULT_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com';

/**
 * SMS settings (one row, id 1): the provider account and what every message is sent with.
 * `accessKeySecret` is write-only (the API answers `hasSecret`); like the other channel secrets it
 * is stored as given, so database backups must be kept as safe as the AccessKey itself.
 * `defaultTemplateCode` is an approved template with one `${content}` variable, used for messages
 * whose notification template names no provider template of its own.
 */
export const smsSettings = pgTable('sms_settings', {
  id: integer('id').primaryKey().default(1),
  provider: text('provider', { enum: SMS_PROVIDERS }).notNull().default('aliyun'),
  endpoint: text('endpoint').notNull().default(DEFAULT_SMS_ENDPOINT),
  regionId: text('region_id').notNull().default('cn-hangzhou'),
  accessKeyId: text('access_key_id').notNull().default(''),
  accessKeySecret: text('access_key_secret'),
  /** 签名: the approved signature name shown as 【…】 in front of every message. */
  signName: text('sign_name').notNull().default(''),
  defaultTemplateCode: text('default_template_code').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
