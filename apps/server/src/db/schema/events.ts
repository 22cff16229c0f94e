import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The transactional outbox (events/outbox.ts, ADR 0007): every domain event, written in the
 * transaction of the change it reports. `id` orders events; payloads carry ids, never records.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    payload: jsonb('payload').notNull(),
    actorId: text('actor_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outbox_events_created_idx').on(t.createdAt)],
);

/**
 * One row per (event, durable listener), written with the event. The dispatcher (events/dispatcher.ts)
 * claims due `pending` rows with SKIP LOCKED, in order per (aggregate, listener), and marks a row
 * `delivered` in the transaction of the listener's effects; after too many failures it is `dead`
 * (the dead-letter list on the jobs page). The aggregate is copied here so the claim needs no join.
 */
export const outboxDeliveries = pgTable(
  'outbox_deliveries',
  {
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => outboxEvents.id, { onDelete: 'cascade' }),
    listener: text('listener').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    /** `pending` | `delivered` | `dead` */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.listener] }),
    // The claim: due pending rows, oldest first.
    index('outbox_deliveries_due_idx').on(t.nextAttemptAt, t.eventId).where(sql`status = 'pending'`),
    // The order check: an earlier pending row of the same aggregate and listener.
    index('outbox_deliveries_aggregate_idx')
      .on(t.listener, t.aggregateType, t.aggregateId, t.eventId)
      .where(sql`status = 'pending'`),
    index('outbox_deliveries_dead_idx').on(t.eventId).where(sql`status = 'dead'`),
  ],
);
