import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../users/users.tables.js';

/** Standard service phrases (常用服务用语), grouped by category, Chinese with an optional English text. */
export const servicePhrases = pgTable(
  'service_phrases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    category: text('category').notNull(),
    text: text('text').notNull(),
    textEn: text('text_en'),
    sortOrder: integer('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_phrases_category_idx').on(t.category, t.sortOrder)],
);

/**
 * Canned replies with `{variable}` placeholders. Shared replies are visible to everyone; a personal
 * reply (`is_shared = false`) only to its owner.
 */
export const cannedReplies = pgTable(
  'canned_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    category: text('category'),
    isShared: boolean('is_shared').notNull().default(true),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('canned_replies_owner_idx').on(t.ownerId),
    check('canned_replies_personal_has_owner', sql`${t.isShared} OR ${t.ownerId} IS NOT NULL`),
  ],
);

export const FORBIDDEN_SEVERITIES = ['low', 'medium', 'high'] as const;

/**
 * Forbidden phrases (服务忌语): "never say `phrase`, say `alternative` instead". `normalized` is
 * `normalizeForMatch(phrase)` from @kefu/shared, unique so the same phrase cannot be listed twice
 * under trivially different spellings.
 */
export const forbiddenPhrases = pgTable(
  'forbidden_phrases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phrase: text('phrase').notNull(),
    normalized: text('normalized').notNull(),
    alternative: text('alternative').notNull(),
    /** Longer phrases containing `phrase` that are fine (e.g. 不知道您是否方便 for 不知道); a hit inside one is ignored. */
    exceptions: text('exceptions').array().notNull().default([]),
    category: text('category'),
    severity: text('severity', { enum: FORBIDDEN_SEVERITIES }),
    isActive: boolean('is_active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('forbidden_phrases_normalized_idx').on(t.normalized)],
);

/** One forbidden-phrase hit as stored with an override (offsets into the reply text). */
export type StoredForbiddenHit = {
  phraseId: string;
  phrase: string;
  alternative: string;
  start: number;
  end: number;
  matched: string;
};

/**
 * A reply sent despite forbidden-phrase hits, with the agent's reason, for the supervisor's review.
 * `ticket_id` has no foreign key on purpose (the record outlives the ticket, like the audit log);
 * `ref` is a human-readable reference such as the ticket number.
 */
export const forbiddenPhraseOverrides = pgTable(
  'forbidden_phrase_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id').notNull(),
    ref: text('ref'),
    messageId: uuid('message_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    hits: jsonb('hits').$type<StoredForbiddenHit[]>().notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
  },
  (t) => [
    index('forbidden_phrase_overrides_unreviewed_idx').on(sql`${t.createdAt} DESC`).where(sql`${t.reviewedAt} IS NULL`),
    index('forbidden_phrase_overrides_created_idx').on(sql`${t.createdAt} DESC`),
    index('forbidden_phrase_overrides_ticket_idx').on(t.ticketId),
    index('forbidden_phrase_overrides_author_idx').on(t.authorId, sql`${t.createdAt} DESC`),
  ],
);
