import type { MessageRef } from '@kefu/shared';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * Outgoing messages, one row per recipient and channel. `in_app` rows are addressed to a user id
 * and are delivered by being stored (status `sent`); `email` and `sms` rows are addressed to a
 * customer contact (an e-mail address or a phone number) and stay `queued` until a delivery
 * adapter picks them up (none exists yet). `ref` says what caused the message, e.g.
 * `handover:<id>` or `handover:<id>/customer:<customerId>`. No foreign keys: like the audit log,
 * messages outlive what they mention.
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
    status: text('status', { enum: ['queued', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
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
  ],
);
