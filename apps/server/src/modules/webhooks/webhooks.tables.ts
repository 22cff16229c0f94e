import {
  bigserial,
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
import { users } from '../users/users.tables.js';

/**
 * Outbound webhook subscriptions (Standard Webhooks). `secret` signs every message; during a
 * rotation `previousSecret` signs too until `secretRotatedAt` + 24 h. The owner's data scope
 * decides which events reach the subscription. `leaseUntil`/`leaseOwner`: the instance delivering
 * this subscription's queue right now (one at a time, in order; see webhooks.deliverer.ts).
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    description: text('description'),
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    secretRotatedAt: timestamp('secret_rotated_at', { withTimezone: true }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: text('disabled_reason'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_subscriptions_events_idx').using('gin', t.events)],
);

/**
 * One message to one subscription. `seq` orders a subscription's queue (head of line: the oldest
 * pending one goes first); `id` is the message's `webhook-id`, the same on every retry. `body` is
 * the exact JSON signed and sent.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    /** The outbox event it came from (null: a test message). */
    eventId: text('event_id'),
    eventType: text('event_type').notNull(),
    body: text('body').notNull(),
    /** pending | delivered | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastStatus: integer('last_status'),
    lastResponse: text('last_response'),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_uq').on(t.subscriptionId, t.eventId),
    index('webhook_deliveries_queue_idx').on(t.subscriptionId, t.status, t.seq),
    index('webhook_deliveries_list_idx').on(t.subscriptionId, t.createdAt.desc()),
  ],
);

/** Every attempt of a delivery: what the receiver answered (first 8 KiB) or the error. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    ok: boolean('ok').notNull(),
    status: integer('status'),
    response: text('response'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.attempt)],
);

/**
 * A system that may send signed events to `POST /api/v1/inbound/{id}` (a web form, a
 * mini-program); each verified message opens a ticket with the source's defaults.
 */
export const inboundSources = pgTable('inbound_sources', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  secret: text('secret').notNull(),
  ticketTypeKey: text('ticket_type_key'),
  priority: text('priority'),
  enabled: boolean('enabled').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The `webhook-id`s an inbound source already delivered (replays are refused). */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    sourceId: uuid('source_id')
      .notNull()
      .references(() => inboundSources.id, { onDelete: 'cascade' }),
    messageId: text('message_id').notNull(),
    ticketId: uuid('ticket_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.messageId] })],
);
