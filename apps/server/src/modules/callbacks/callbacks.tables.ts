import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from '../customers/customers.tables.js';
import { departments } from '../departments/departments.tables.js';
import { users } from '../users/users.tables.js';

export const CALLBACK_TRIGGERS = ['milestone', 'ticket_closed', 'field_visit', 'low_score', 'campaign'] as const;
export type CallbackTrigger = (typeof CALLBACK_TRIGGERS)[number];
export const CALLBACK_DAY_KINDS = ['calendar', 'working'] as const;
export const CALLBACK_CHANNELS = ['call', 'sms', 'wechat'] as const;
export type CallbackChannel = (typeof CALLBACK_CHANNELS)[number];
/** `call`: an abandoned call of a known customer (the calls module, `scheduleCallbacksFor`). */
export const CALLBACK_SOURCE_KINDS = ['milestone', 'ticket', 'field_visit', 'low_score', 'campaign', 'call'] as const;
export type CallbackSourceKind = (typeof CALLBACK_SOURCE_KINDS)[number];
export const CALLBACK_STATUSES = ['pending', 'done', 'unreached', 'cancelled'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/** A callback plan: what triggers it and, in its steps, when / how / why to call. */
export const callbackPlans = pgTable(
  'callback_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Set for the shipped templates (studio, ticket_closed, field_visit): the seed is idempotent on it. */
    templateKey: text('template_key'),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    description: text('description'),
    trigger: text('trigger', { enum: CALLBACK_TRIGGERS }).notNull(),
    /** trigger = milestone: the milestone type (customers' milestone_types.key) that starts the plan. */
    milestoneTypeKey: text('milestone_type_key'),
    /** trigger = ticket_closed | field_visit: only tickets of these types (empty = every type). */
    ticketTypeKeys: text('ticket_type_keys').array().notNull().default([]),
    /** Whose specialists work it (null = every callback specialist). */
    departmentId: uuid('department_id').references(() => departments.id),
    isActive: boolean('is_active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('callback_plans_template_idx').on(t.templateKey),
    index('callback_plans_trigger_idx').on(t.trigger, t.milestoneTypeKey).where(sql`${t.isActive}`),
  ],
);

/** One step of a plan: N days (calendar or working) after the trigger's date, by channel, with a script. */
export const callbackPlanSteps = pgTable(
  'callback_plan_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => callbackPlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /**
     * trigger = milestone: the milestone type this step counts from (the studio plan: booking,
     * shoot, sample viewing, pickup, wedding day); null = the plan's `milestoneTypeKey`.
     */
    milestoneTypeKey: text('milestone_type_key'),
    offsetDays: integer('offset_days').notNull(),
    dayKind: text('day_kind', { enum: CALLBACK_DAY_KINDS }).notNull().default('calendar'),
    channel: text('channel', { enum: CALLBACK_CHANNELS }).notNull().default('call'),
    /** Another channel the specialist may use instead (the wedding-day greeting: call or SMS). */
    altChannel: text('alt_channel', { enum: CALLBACK_CHANNELS }),
    /** On the date itself (a greeting): never shifted by the per-customer cap, and not counted by it. */
    fixedDate: boolean('fixed_date').notNull().default(false),
    purpose: text('purpose').notNull(),
    script: text('script'),
    /** Removed from the plan: existing callbacks keep their step, no new ones are made. */
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [index('callback_plan_steps_plan_idx').on(t.planId, t.position)],
);

/** One unified callback round over the customers matching a customer-list filter. */
export const callbackCampaigns = pgTable('callback_campaigns', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  filter: jsonb('filter').$type<Record<string, unknown>>().notNull().default({}),
  planId: uuid('plan_id')
    .notNull()
    .references(() => callbackPlans.id),
  /** Customers matched when the round was created; callbacks made (a customer may match no step). */
  customerCount: integer('customer_count').notNull().default(0),
  callbackCount: integer('callback_count').notNull().default(0),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The specialist who follows one customer through every series (seed 001: one person per customer). */
export const callbackOwners = pgTable(
  'callback_owners',
  {
    customerId: uuid('customer_id')
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('callback_owners_user_idx').on(t.userId)],
);

export type StaffRating = { role: string; userId?: string | null; name?: string | null; score: number };

export const callbacks = pgTable(
  'callbacks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    planId: uuid('plan_id').references(() => callbackPlans.id, { onDelete: 'set null' }),
    stepId: uuid('step_id').references(() => callbackPlanSteps.id, { onDelete: 'set null' }),
    campaignId: uuid('campaign_id').references(() => callbackCampaigns.id, { onDelete: 'set null' }),
    sourceKind: text('source_kind', { enum: CALLBACK_SOURCE_KINDS }).notNull(),
    /** Milestone id, ticket id, survey response id, campaign id or call id. */
    sourceId: text('source_id'),
    /**
     * Makes generation idempotent and lets a changed milestone date move its callbacks:
     * `m:<customer>:<milestone type>:<order|->:<step>`, `t:<ticket>:<step>`, `c:<campaign>:<customer>:<step>`,
     * `s:<survey response>`, `call:<call>` (an abandoned call).
     */
    dedupeKey: text('dedupe_key'),
    /** The date the offsets count from (milestone date, close date, campaign date). */
    anchorDate: date('anchor_date'),
    channel: text('channel', { enum: CALLBACK_CHANNELS }).notNull().default('call'),
    purpose: text('purpose'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    status: text('status', { enum: CALLBACK_STATUSES }).notNull().default('pending'),
    /** Business date the callback is due (after the offset and the per-customer cap). */
    dueDate: date('due_date').notNull(),
    /** First allowed moment on the due date, outside the quiet windows. */
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    /** Shifted by the per-customer cap: the date the plan asked for. */
    plannedDate: date('planned_date'),
    /** The deadline clock (working days on the business calendar). */
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    reached: boolean('reached'),
    satisfaction: smallint('satisfaction'),
    opinion: text('opinion'),
    staffRatings: jsonb('staff_ratings').$type<StaffRating[]>(),
    complaintTicketId: uuid('complaint_ticket_id'),
    writeUp: text('write_up'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => users.id),
    cancelledReason: text('cancelled_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('callbacks_satisfaction_range', sql`${t.satisfaction} IS NULL OR ${t.satisfaction} BETWEEN 1 AND 5`),
    uniqueIndex('callbacks_dedupe_idx').on(t.dedupeKey),
    // My callbacks by due time (W's "mine, due today"), every status.
    index('callbacks_mine_due_idx').on(t.assigneeId, t.status, t.scheduledAt),
    // The pool: pending and unassigned, by due time.
    index('callbacks_pool_due_idx').on(t.scheduledAt).where(sql`${t.assigneeId} IS NULL AND ${t.status} = 'pending'`),
    // Pending by deadline (the overdue sweep).
    index('callbacks_deadline_idx').on(t.deadlineAt).where(sql`${t.status} = 'pending'`),
    index('callbacks_customer_idx').on(t.customerId, t.dueDate),
    index('callbacks_source_idx').on(t.sourceKind, t.sourceId),
    index('callbacks_campaign_idx').on(t.campaignId),
  ],
);

/**
 * A customer's own rest hours (seed 001: never at the customer's rest time), told during a call:
 * they replace the quiet windows of `callback_settings` for this customer's callbacks and retries.
 */
export const callbackCustomerPreferences = pgTable('callback_customer_preferences', {
  customerId: uuid('customer_id')
    .primaryKey()
    .references(() => customers.id, { onDelete: 'cascade' }),
  quietWindows: jsonb('quiet_windows').$type<QuietWindow[]>().notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row (id = 1): scheduling rules. */
export type QuietWindow = { start: string; end: string };
export const callbackSettings = pgTable(
  'callback_settings',
  {
    id: smallint('id').primaryKey().default(1),
    /** Local times (config time zone); a window whose end is before its start runs over midnight. */
    quietWindows: jsonb('quiet_windows')
      .$type<QuietWindow[]>()
      .notNull()
      .default([
        { start: '12:00', end: '14:00' },
        { start: '21:00', end: '09:00' },
      ]),
    capDays: integer('cap_days').notNull().default(7),
    retriesPerDay: integer('retries_per_day').notNull().default(2),
    retryGapMinutes: integer('retry_gap_minutes').notNull().default(60),
    deadlineWorkingDays: integer('deadline_working_days').notNull().default(3),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('callback_settings_one_row', sql`${t.id} = 1`)],
);
