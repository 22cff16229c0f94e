import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Request counts of @fastify/rate-limit (lib/rate-limit-store.ts), one row per route and client
 * key, shared by every instance: a limit of 20 a minute is 20 whatever instance answers.
 */
export const rateLimitHits = pgTable('rate_limit_hits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
});
