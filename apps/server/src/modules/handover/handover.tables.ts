import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.tables.js';

/**
 * History of handovers (交接): a leaving employee's customers and open work moved to a successor
 * in one transaction. `counts` holds how many items of each kind moved (`customers`,
 * `customerStaff`, and later `tickets`, `callbacks`, …); the list of customer ids is in the
 * handover's audit entry.
 */
export const handovers = pgTable(
  'handovers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromUserId: uuid('from_user_id')
      .notNull()
      .references(() => users.id),
    toUserId: uuid('to_user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    /** Whether the affected customers were to be told of their new contact. */
    notify: boolean('notify').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('handovers_from_idx').on(t.fromUserId, t.createdAt.desc()),
    index('handovers_to_idx').on(t.toUserId, t.createdAt.desc()),
    index('handovers_created_idx').on(t.createdAt.desc()),
  ],
);
