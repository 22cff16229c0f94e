import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
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

/** CSAT 1–5, NPS 0–10, a staff member's rating 1–5, single/multiple choice, "was it resolved?", free text. */
export const QUESTION_KINDS = ['csat', 'nps', 'staff_rating', 'single', 'multiple', 'resolved', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const SURVEY_TRIGGERS = ['manual', 'ticket_closed'] as const;
export const INVITATION_CHANNELS = ['link', 'sms', 'email'] as const;
export type InvitationChannel = (typeof INVITATION_CHANNELS)[number];
export const INVITATION_STATUSES = ['pending', 'sent', 'answered', 'expired'] as const;
/** Who filled the answer in: the customer on the public page, or staff on their behalf (a callback). */
export const RESPONSE_SOURCES = ['public', 'on_behalf'] as const;

export type QuestionOption = { key: string; label: string; labelEn?: string | null };
/** The staff an invitation asks to rate, by the question's `staffRole` (e.g. `agent`, `photographer`). */
export type InvitationStaff = Record<string, { userId: string | null; name: string }>;

/**
 * A questionnaire and its sending rules (GLPI's bar: delay after close, sampling rate, expiry; one
 * reminder as LimeSurvey). `minSample`: results of fewer answers are suppressed (null).
 */
export const surveys = pgTable('surveys', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  description: text('description'),
  /** Answers keep no link to the customer, the ticket or the invitation. */
  anonymous: boolean('anonymous').notNull().default(false),
  active: boolean('active').notNull().default(true),
  trigger: text('trigger', { enum: SURVEY_TRIGGERS }).notNull().default('manual'),
  /** ticket_closed: only these ticket types (empty: every type). */
  ticketTypeKeys: text('ticket_type_keys').array().notNull().default([]),
  delayAfterCloseMinutes: integer('delay_after_close_minutes').notNull().default(60),
  /** Share of the eligible closed tickets invited, 0–1. */
  samplingRate: doublePrecision('sampling_rate').notNull().default(1),
  skipNoAgentReply: boolean('skip_no_agent_reply').notNull().default(true),
  skipInternal: boolean('skip_internal').notNull().default(true),
  expiryDays: integer('expiry_days').notNull().default(14),
  reminderAfterDays: integer('reminder_after_days'),
  minSample: integer('min_sample').notNull().default(5),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: QUESTION_KINDS }).notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    options: jsonb('options').$type<QuestionOption[]>().notNull().default([]),
    required: boolean('required').notNull().default(false),
    /** staff_rating: which of the invitation's staff is rated (`agent`, `photographer`, …). */
    staffRole: text('staff_role'),
  },
  (t) => [index('survey_questions_survey_idx').on(t.surveyId, t.position)],
);

/**
 * One link sent to one customer. Only the SHA-256 of the token is kept: the token itself is
 * returned once and lives in the link.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    customerId: uuid('customer_id'),
    ticketId: uuid('ticket_id'),
    channel: text('channel', { enum: INVITATION_CHANNELS }).notNull().default('link'),
    recipient: text('recipient'),
    staff: jsonb('staff').$type<InvitationStaff>().notNull().default({}),
    /** The department the answers count for (the ticket's), for the per-team results. */
    departmentId: uuid('department_id'),
    status: text('status', { enum: INVITATION_STATUSES }).notNull().default('pending'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_invitations_token_idx').on(t.tokenHash),
    index('survey_invitations_survey_idx').on(t.surveyId, t.createdAt),
    index('survey_invitations_customer_idx').on(t.customerId),
    // One invitation per ticket and survey (the ticket-closed rule is idempotent).
    uniqueIndex('survey_invitations_ticket_idx').on(t.surveyId, t.ticketId).where(sql`${t.ticketId} IS NOT NULL`),
    index('survey_invitations_open_idx').on(t.expiresAt).where(sql`${t.status} IN ('pending', 'sent')`),
  ],
);

/**
 * One filled questionnaire. For an anonymous survey `invitationId`, `customerId` and `ticketId` stay
 * null: only what the results need is kept (department, staff rated, the day it was answered).
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    invitationId: uuid('invitation_id').references(() => surveyInvitations.id, { onDelete: 'set null' }),
    customerId: uuid('customer_id'),
    ticketId: uuid('ticket_id'),
    departmentId: uuid('department_id'),
    staff: jsonb('staff').$type<InvitationStaff>().notNull().default({}),
    source: text('source', { enum: RESPONSE_SOURCES }).notNull().default('public'),
    filledBy: uuid('filled_by'),
    npsScore: integer('nps_score'),
    csatScore: integer('csat_score'),
    submittedOn: date('submitted_on').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('survey_responses_survey_idx').on(t.surveyId, t.submittedOn),
    index('survey_responses_customer_idx').on(t.customerId),
    uniqueIndex('survey_responses_invitation_idx').on(t.invitationId).where(sql`${t.invitationId} IS NOT NULL`),
  ],
);

/** One answer: a number (scores, resolved 1/0), option keys, or text. */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => surveyQuestions.id, { onDelete: 'cascade' }),
    score: integer('score'),
    choices: text('choices').array(),
    text: text('text'),
    /** staff_rating: who was rated. */
    staffUserId: uuid('staff_user_id'),
  },
  (t) => [index('survey_answers_response_idx').on(t.responseId), index('survey_answers_question_idx').on(t.questionId)],
);
