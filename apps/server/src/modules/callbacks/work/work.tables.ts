import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../users/users.tables.js';
import { callbacks } from '../callbacks.tables.js';

/** Every try to reach the customer of a callback: when, by whom, reached or not, and what was said. */
export const callbackAttempts = pgTable(
  'callback_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callbackId: uuid('callback_id')
      .notNull()
      .references(() => callbacks.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 … in the order they were made. */
    number: integer('number').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    by: uuid('by').references(() => users.id),
    reached: boolean('reached').notNull(),
    note: text('note'),
  },
  (t) => [index('callback_attempts_callback_idx').on(t.callbackId, t.number)],
);
