import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * What a clock measures (docs/sla.md):
 * - `first_response`: from creation to the first reply to the customer;
 * - `next_reply`: from a customer's message (with no reply after it) to the next reply — one cycle each;
 * - `resolution`: from creation to resolution (a reopen resumes it);
 * - `promised_reply`: a complaint's promised next-reply time (跟清楚), one cycle per promise;
 * - `team_handling`: from when a department (team) receives the ticket until it is resolved or passed on.
 */
export const SLA_METRICS = ['first_response', 'next_reply', 'resolution', 'promised_reply', 'team_handling'] as const;
export type SlaMetric = (typeof SLA_METRICS)[number];
export const SLA_TIME_BASES = ['business', 'calendar'] as const;
export type SlaTimeBasis = (typeof SLA_TIME_BASES)[number];
/** Why a clock pauses (configurable in the SLA settings). */
export const SLA_PAUSE_REASONS = ['waiting_customer', 'waiting_third_party', 'feedback'] as const;
export type SlaPauseReason = (typeof SLA_PAUSE_REASONS)[number];
export const SLA_CLOCK_STATES = ['running', 'paused', 'met', 'breached', 'cancelled'] as const;
export type SlaClockState = (typeof SLA_CLOCK_STATES)[number];
export const SLA_FIRING_KINDS = ['warning', 'escalation'] as const;
export type SlaFiringKind = (typeof SLA_FIRING_KINDS)[number];
export const SLA_CHANNELS = ['in_app', 'email', 'robot', 'sms'] as const;
export type SlaChannel = (typeof SLA_CHANNELS)[number];

/** Who a ladder level adds, relative to the ticket. */
export type LadderRecipient =
  | { kind: 'assignee' }
  | { kind: 'superior_chain'; depth?: number }
  | { kind: 'department_manager' }
  | { kind: 'general_manager' }
  | { kind: 'on_duty_leader' }
  | { kind: 'role'; role: string }
  | { kind: 'user'; userId: string };

/**
 * One level of a ladder. Level 1 is reached at the breach; level k+1 when level k has had
 * `limitMinutes` (wall-clock) without the clock stopping. A level adds its recipients to those of
 * the levels before it.
 */
export type LadderLevel = {
  nameZh: string;
  nameEn: string;
  limitMinutes: number;
  recipients: LadderRecipient[];
  channels: SlaChannel[];
};

/** Escalation ladders (升级梯队): levels, each with its own time limit, recipients and channels. */
export const slaLadders = pgTable('sla_ladders', {
  id: uuid('id').primaryKey().defaultRandom(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  levels: jsonb('levels').$type<LadderLevel[]>().notNull(),
  isBuiltin: boolean('is_builtin').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One cell of the policy matrix: a target for one metric, for tickets matching type × priority ×
 * customer grade (× department, for team targets); null matches anything. The most specific
 * active row wins (most non-null match columns, then `sortOrder`).
 */
export const slaPolicies = pgTable(
  'sla_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    metric: text('metric', { enum: SLA_METRICS }).notNull(),
    typeKey: text('type_key'),
    priority: text('priority'),
    customerGrade: text('customer_grade'),
    departmentId: uuid('department_id'),
    /** Minutes to the target (ignored by `promised_reply`, whose due time is the promise). */
    targetMinutes: integer('target_minutes').notNull(),
    timeBasis: text('time_basis', { enum: SLA_TIME_BASES }).notNull().default('business'),
    calendarId: text('calendar_id').notNull().default('cn-workdays'),
    /** Warnings at these shares of the target elapsed (e.g. 50, 75, 90). */
    warnPercents: integer('warn_percents').array().notNull().default(sql`'{50,75,90}'::integer[]`),
    ladderId: uuid('ladder_id').references(() => slaLadders.id, { onDelete: 'set null' }),
    /** On breach, a follow-up target of this many minutes starts (a stricter second deadline). */
    followUpMinutes: integer('follow_up_minutes'),
    isActive: boolean('is_active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sla_policies_metric_idx').on(t.metric, t.isActive)],
);

/**
 * The clocks of a ticket: a cache, always recomputable from the ticket's history
 * (sla/clocks/clock-engine.ts). One row per ticket × metric × cycle; `nextCheckAt` is the next instant
 * the sweep must look at it (a warning, the breach, the next ladder level), null when nothing is
 * pending.
 */
export const slaClocks = pgTable(
  'sla_clocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id').notNull(),
    metric: text('metric', { enum: SLA_METRICS }).notNull(),
    cycle: integer('cycle').notNull().default(1),
    policyId: uuid('policy_id'),
    calendarId: text('calendar_id'),
    calendarVersion: integer('calendar_version'),
    timeBasis: text('time_basis', { enum: SLA_TIME_BASES }).notNull(),
    targetMinutes: integer('target_minutes').notNull(),
    state: text('state', { enum: SLA_CLOCK_STATES }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** Null while paused (the due time is not known until it resumes). */
    dueAt: timestamp('due_at', { withTimezone: true }),
    pausedSince: timestamp('paused_since', { withTimezone: true }),
    /** Minutes paused so far, in the clock's time basis. */
    pausedMinutes: integer('paused_minutes').notNull().default(0),
    /** Minutes left at the last recompute (for a paused clock: what it resumes with). */
    remainingMinutes: integer('remaining_minutes'),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    /** Follow-up target started by a breach (policy `followUpMinutes`). */
    followUpDueAt: timestamp('follow_up_due_at', { withTimezone: true }),
    ladderId: uuid('ladder_id'),
    /** The highest ladder level reached (0: none). */
    ladderLevel: integer('ladder_level').notNull().default(0),
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    // Snapshot for measurement (who and what the clock ran for, at its last recompute).
    assigneeId: uuid('assignee_id'),
    departmentId: uuid('department_id'),
    typeKey: text('type_key'),
    priority: text('priority'),
    customerGrade: text('customer_grade'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sla_clocks_ticket_metric_cycle_idx').on(t.ticketId, t.metric, t.cycle),
    // The sweep: what is due now, read along this small index.
    index('sla_clocks_next_check_idx').on(t.nextCheckAt).where(sql`${t.nextCheckAt} IS NOT NULL`),
    // The at-risk queue: clocks going (running, or breached and not stopped) by due time.
    index('sla_clocks_running_due_idx')
      .on(t.dueAt)
      .where(sql`${t.state} IN ('running', 'breached') AND ${t.stoppedAt} IS NULL AND ${t.dueAt} IS NOT NULL`),
    // Measurement by period.
    index('sla_clocks_started_idx').on(t.startedAt),
  ],
);

/**
 * Every warning and escalation that fired, exactly once per clock × kind × step (the unique index
 * is what makes it exactly once across instances and restarts). `late`: it fired more than the
 * sweep's tolerance after its instant (e.g. the system was down).
 */
export const slaFirings = pgTable(
  'sla_firings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clockId: uuid('clock_id')
      .notNull()
      .references(() => slaClocks.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id').notNull(),
    kind: text('kind', { enum: SLA_FIRING_KINDS }).notNull(),
    /** Warning: the percent elapsed; escalation: the ladder level. */
    step: integer('step').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }).notNull().defaultNow(),
    late: boolean('late').notNull().default(false),
    /** Escalated by hand; `skipped` lists the levels passed over, `reason` says why. */
    manual: boolean('manual').notNull().default(false),
    skipped: integer('skipped').array().notNull().default(sql`'{}'::integer[]`),
    actorId: uuid('actor_id'),
    reason: text('reason'),
    recipients: uuid('recipients').array().notNull().default(sql`'{}'::uuid[]`),
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('sla_firings_once_idx').on(t.clockId, t.kind, t.step),
    index('sla_firings_ticket_idx').on(t.ticketId, t.firedAt),
    index('sla_firings_fired_idx').on(t.firedAt),
  ],
);

/** SLA settings (one row): which waits pause the clocks, and the weights of the SLA achievement rate. */
export const slaSettings = pgTable('sla_settings', {
  id: integer('id').primaryKey().default(1),
  pauseOn: text('pause_on').array().notNull().default(sql`'{waiting_customer,waiting_third_party,feedback}'::text[]`),
  /** Weight (percent, summing to 100) of each metric's achievement rate in the SLA rate. */
  weights: jsonb('weights')
    .$type<Partial<Record<SlaMetric, number>>>()
    .notNull()
    .default({ first_response: 30, resolution: 40, promised_reply: 30 }),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
