import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers, GRADES } from '../customers.tables.js';

/** Weighted criteria of the periodic grade evaluation; active weights sum to 100. */
export const evaluationCriteria = pgTable('evaluation_criteria', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  weight: integer('weight').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  isActive: boolean('is_active').notNull().default(true),
});

/** Lowest total score (0–100) that earns each grade. */
export const gradeBands = pgTable('grade_bands', {
  grade: text('grade', { enum: GRADES }).primaryKey(),
  minScore: integer('min_score').notNull(),
});

export const evaluationRounds = pgTable('evaluation_rounds', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  periodStart: date('period_start').notNull(),
  periodEnd: date('period_end').notNull(),
  status: text('status', { enum: ['open', 'closed'] })
    .notNull()
    .default('open'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
});

export const customerEvaluations = pgTable(
  'customer_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id').references(() => evaluationRounds.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    totalScore: numeric('total_score', { precision: 5, scale: 2 }).notNull(),
    gradeBefore: text('grade_before', { enum: GRADES }),
    gradeAfter: text('grade_after', { enum: GRADES }).notNull(),
    comment: text('comment'),
    evaluatedBy: uuid('evaluated_by'),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_evaluations_customer_idx').on(t.customerId, t.evaluatedAt.desc())],
);

/** Every grade change with its cause; "the grade at time T" reads the last row at or before T. */
export const customerGradeHistory = pgTable(
  'customer_grade_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    gradeBefore: text('grade_before', { enum: GRADES }),
    gradeAfter: text('grade_after', { enum: GRADES }),
    evaluationId: uuid('evaluation_id').references(() => customerEvaluations.id),
    reason: text('reason'),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_grade_history_customer_idx').on(t.customerId, t.changedAt)],
);
