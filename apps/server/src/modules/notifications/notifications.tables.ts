import type { MessageRef } from '@kefu/shared';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CHANNELS } from '../../lib/channel-adapter.js';

export const NOTIFICATION_CHANNELS = CHANNELS;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * `queued`: waiting for its delivery job; `sent`; `failed`: the last try failed, another is
 * scheduled; `dead`: gave up (a dead letter); `suppressed`: never sent (opted out, no channel).
 */
export const NOTIFICATION_STATUSES = ['queued', 'sending', 'sent', 'failed', 'dead', 'suppressed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export type QuietPeriod = { from: string; to: string };

/**
 * Outgoing messages, one row per recipient and channel. `in_app` rows are addressed to a user id
 * and are delivered by being stored (status `sent`); the other channels are delivered by the
 * `notifications.deliver` job through the channel's adapter (lib/channel-adapter.ts): an e-mail
 * address, a mobile number or a robot id. `ref` says what caused the message, e.g.
 * `handover:<id>/customer:<customerId>`. No foreign keys: like the audit log, messages outlive
 * what they mention.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: NOTIFICATION_CHANNELS }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /**
     * The message as catalog keys + params (`@kefu/shared` messages), worded in the reader's
     * language when listed; `subject`/`body` hold it worded in the recipient's language when it was
     * written (what a delivery adapter sends). Rows written before the catalog have none.
     */
    content: jsonb('content').$type<{ subject: MessageRef; body: MessageRef }>(),
    status: text('status', { enum: NOTIFICATION_STATUSES }).notNull().default('queued'),
    /** What kind of message (notifications/topics.ts). */
    topic: text('topic').notNull().default('general'),
    /** The addressed user (in-app, and a user's own e-mail / SMS copies). */
    userId: uuid('user_id'),
    /** The addressed customer: their opt-out and the channel's quiet hours apply. */
    customerId: uuid('customer_id'),
    locale: text('locale'),
    /** Channel extras: e-mail threading (`messageId`, `inReplyTo`, `references`), SMS `templateCode` / `templateParams`. */
    headers: jsonb('headers').$type<Record<string, unknown>>(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    lastError: text('last_error'),
    ref: text('ref'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** In-app only: when the recipient marked it read. */
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.channel, t.recipient, t.createdAt.desc()),
    index('notifications_status_idx').on(t.status, t.createdAt),
    index('notifications_ref_idx').on(t.ref),
    index('notifications_created_idx').on(t.createdAt.desc()),
  ],
);

/** One try of a delivery: what was sent and what came back (each ≤ 8 KiB). */
export const notificationAttempts = pgTable(
  'notification_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    notificationId: uuid('notification_id').notNull(),
    channel: text('channel').notNull(),
    attempt: integer('attempt').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    ok: boolean('ok').notNull(),
    status: integer('status'),
    request: text('request'),
    response: text('response'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull().default(0),
  },
  (t) => [
    index('notification_attempts_notification_idx').on(t.notificationId, t.at),
    index('notification_attempts_rate_idx').on(t.channel, t.at),
  ],
);

/** An administrator's wording of a topic on a channel in a language (overrides the code default). */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    topic: text('topic').notNull(),
    channel: text('channel').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull().default(''),
    body: text('body').notNull(),
    providerTemplateId: text('provider_template_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('notification_templates_key').on(t.topic, t.channel, t.locale)],
);

/** A user's channels for a topic (in addition to in-app); no row: the topic's defaults. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id').notNull(),
    topic: text('topic').notNull(),
    channels: text('channels').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.topic] })],
);

export const notificationCustomerPreferences = pgTable('notification_customer_preferences', {
  customerId: uuid('customer_id').primaryKey(),
  preferredChannel: text('preferred_channel', { enum: ['sms', 'email'] }),
  optedOut: boolean('opted_out').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/** Per delivery channel; no row: the code defaults (delivery/channel-settings.ts). */
export const notificationChannelSettings = pgTable('notification_channel_settings', {
  channel: text('channel').primaryKey(),
  enabled: boolean('enabled').notNull().default(true),
  ratePerMinute: integer('rate_per_minute').notNull().default(60),
  quietHours: jsonb('quiet_hours').$type<QuietPeriod[]>().notNull().default([]),
  maxAttempts: integer('max_attempts').notNull().default(8),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});
