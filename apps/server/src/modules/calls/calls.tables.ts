import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Where a call record came from. */
export const CALL_SOURCES = ['asterisk-queue-log', 'csv', 'webhook'] as const;
export type CallSource = (typeof CALL_SOURCES)[number];

/**
 * How a queued call ended (Asterisk queue_log names in brackets):
 * - `answered`: an agent took it (CONNECT); talk time from COMPLETEAGENT/COMPLETECALLER, or unknown
 *   when the log has no COMPLETE* line (talkSeconds null);
 * - `abandoned`: the caller hung up while waiting (ABANDON);
 * - `timeout`: the queue's timeout ended the wait (EXITWITHTIMEOUT);
 * - `exit_key`: the caller pressed a key to leave (EXITWITHKEY);
 * - `exit_empty`: no agent could take calls (EXITEMPTY);
 * - `unresolved`: entered, and the log has neither CONNECT nor an exit line (a PBX restart, a
 *   truncated file). Kept as it is, never guessed; a later import that has the rest resolves it.
 */
export const CALL_OUTCOMES = ['answered', 'abandoned', 'timeout', 'exit_key', 'exit_empty', 'unresolved'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

/**
 * One call's stay in one queue. A call that is transferred to another queue is a second row (same
 * `externalId`, another queue or entry time). The natural key (source, externalId, queue,
 * enteredAt) makes imports idempotent: re-importing a file or an overlapping tail changes nothing,
 * except that an `unresolved` row is completed by a later import that has its end.
 */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    source: text('source', { enum: CALL_SOURCES }).notNull(),
    /** The PBX's id of the call (Asterisk: the channel's uniqueid, e.g. `1733990400.1234`). */
    externalId: text('external_id').notNull(),
    queue: text('queue').notNull(),
    direction: text('direction', { enum: CALL_DIRECTIONS }).notNull().default('inbound'),
    /** The caller's number as the PBX gave it (ENTERQUEUE's caller id), digits and `+` only. */
    callerNumber: text('caller_number'),
    /** The PBX's agent (member) name, e.g. `PJSIP/8001`; `agentUserId` once mapped to a Kefu user. */
    agent: text('agent'),
    agentUserId: uuid('agent_user_id'),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    connectedAt: timestamp('connected_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    outcome: text('outcome', { enum: CALL_OUTCOMES }).notNull(),
    /** Seconds in the queue: CONNECT's holdtime, or the wait ABANDON/EXIT* report. */
    waitSeconds: integer('wait_seconds'),
    /** Seconds talking: COMPLETE*'s calltime; null when answered without a COMPLETE line. */
    talkSeconds: integer('talk_seconds'),
    /** RINGNOANSWER lines of this call and their ring time in milliseconds. */
    ringNoAnswerCount: integer('ring_no_answer_count').notNull().default(0),
    ringNoAnswerMs: integer('ring_no_answer_ms').notNull().default(0),
    transferred: boolean('transferred').notNull().default(false),
    customerId: uuid('customer_id'),
    contactId: uuid('contact_id'),
    ticketId: uuid('ticket_id'),
    importId: uuid('import_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('calls_natural_key').on(t.source, t.externalId, t.queue, t.enteredAt),
    index('calls_entered_idx').on(t.enteredAt),
    index('calls_customer_idx').on(t.customerId, t.enteredAt).where(sql`${t.customerId} is not null`),
    index('calls_caller_idx').on(t.callerNumber),
  ],
);

export const CALL_IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type CallImportStatus = (typeof CALL_IMPORT_STATUSES)[number];

/** One uploaded call file: its progress and its summary (lines, calls, the first line errors). */
export const callImports = pgTable('call_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id').notNull(),
  format: text('format', { enum: ['asterisk-queue-log', 'csv'] }).notNull(),
  fileName: text('file_name').notNull(),
  /** The spooled upload (lib/file-store) while it waits for its job; null once read. */
  fileKey: text('file_key'),
  /** The CSV column mapping (field → header), null for a queue_log. */
  mapping: jsonb('mapping').$type<Record<string, string>>(),
  status: text('status', { enum: CALL_IMPORT_STATUSES }).notNull().default('queued'),
  bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
  bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
  lines: integer('lines').notNull().default(0),
  calls: integer('calls').notNull().default(0),
  /** Rows the import added and rows it completed (unresolved → resolved); the rest were known. */
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  /** The first line errors (at most 1,000): `{ line, code, text }`. */
  errors: jsonb('errors').$type<{ line: number; code: string; text: string }[]>().notNull().default([]),
  /** Why a run failed: an error code (packages/shared errors.ts) and its message parameters. */
  failureCode: text('failure_code'),
  failureParams: jsonb('failure_params').$type<Record<string, string | number>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

/**
 * Call settings (one row, id 1): the KPI targets (seed 002's industry figures as defaults, editable),
 * the short-abandon threshold and when an abandoned call becomes a callback task.
 */
export const callSettings = pgTable('call_settings', {
  id: integer('id').primaryKey().default(1),
  /** Service level: answered within this many seconds … */
  serviceLevelSeconds: integer('service_level_seconds').notNull().default(20),
  /** … for this share of calls. */
  serviceLevelTarget: real('service_level_target').notNull().default(0.8),
  answerRateInboundTarget: real('answer_rate_inbound_target').notNull().default(0.8),
  answerRateOutboundTarget: real('answer_rate_outbound_target').notNull().default(0.6),
  ahtMinSeconds: integer('aht_min_seconds').notNull().default(210),
  ahtMaxSeconds: integer('aht_max_seconds').notNull().default(330),
  avgRingsMin: real('avg_rings_min').notNull().default(2),
  avgRingsMax: real('avg_rings_max').notNull().default(3),
  avgQueueSecondsTarget: integer('avg_queue_seconds_target').notNull().default(20),
  outboundCompletionTarget: real('outbound_completion_target').notNull().default(0.9),
  firstContactResolutionTarget: real('first_contact_resolution_target').notNull().default(0.85),
  /** Calls abandoned within this many seconds are counted apart (short abandons). */
  shortAbandonSeconds: integer('short_abandon_seconds').notNull().default(5),
  /**
   * An abandoned call of a known customer that waited at least this many seconds becomes a callback
   * task (docs/calls.md, "Abandoned calls become callbacks"); null = never.
   */
  abandonCallbackSeconds: integer('abandon_callback_seconds').default(30),
  /**
   * The `whsec_` secret the PBX signs live call events with (POST /api/v1/calls/events, Standard
   * Webhooks); null = the webhook is off. Write-only: the API answers `hasSecret`.
   */
  webhookSecret: text('webhook_secret'),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

/** A PBX agent (member) name mapped to a Kefu user, so calls count for the person. */
export const callAgentLinks = pgTable('call_agent_links', {
  agent: text('agent').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
