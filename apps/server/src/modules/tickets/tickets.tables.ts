import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { customerContacts, customers } from '../customers/customers.tables.js';
import { departments } from '../departments/departments.tables.js';
import { users } from '../users/users.tables.js';
import { openTicketSql } from './core/open-ticket.js';
import { dueAtExpression, urgencyExpression } from './queue/due-order.js';

export const TICKET_CHANNELS = ['phone', 'email', 'wechat', 'web', 'walk_in', 'api'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
/**
 * The lifecycle of seed 003: received/recorded → classified (responsible department notified) →
 * investigating → resolved (customer told) → feedback → closed (summarised). `merged` ends a
 * duplicate. Allowed moves and who may take them: modules/tickets/tickets.lifecycle.ts.
 */
export const TICKET_STATUSES = [
  'received',
  'classified',
  'investigating',
  'resolved',
  'feedback',
  'closed',
  'merged',
] as const;
export const TICKET_MESSAGE_KINDS = ['inbound', 'reply', 'note', 'system'] as const;
export const MEASURE_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
/** Whom an open ticket waits on (a pause reason of the SLA clocks when configured so). */
export const TICKET_WAITING_ON = ['customer', 'third_party'] as const;
/** The ticket's most urgent running time limit, as the SLA module last computed it. */
export const TICKET_SLA_STATES = ['ok', 'warning', 'breached', 'paused'] as const;
export const AGENT_STATUSES = ['on_shift', 'away', 'off'] as const;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const ticketNumberSeq = pgSequence('ticket_number_seq', { startWith: 1 });

/** The next ticket number (GD0000123): the column's default, and what createTicket takes first. */
export const NEXT_TICKET_NUMBER = sql`'GD' || to_char(nextval('ticket_number_seq'), 'FM999999999990000000')`;

/** Consultation, complaint, suggestion, service/repair, other — administrators add more. */
export const ticketTypes = pgTable('ticket_types', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  /** The complaint protocol (五清楚、一报告) applies: facts checklist, next-reply time, root cause. */
  isComplaint: boolean('is_complaint').notNull().default(false),
  /** Agents need this skill to be picked by automatic assignment (null: anyone in the department). */
  skill: text('skill'),
  defaultDepartmentId: uuid('default_department_id').references(() => departments.id, { onDelete: 'set null' }),
  sortOrder: integer('sort_order').notNull().default(0),
  isActive: boolean('is_active').notNull().default(true),
});

/** Root-cause categories for the summary of a complaint, ranked by the root-cause report. */
export const ticketRootCauses = pgTable('ticket_root_causes', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  sortOrder: integer('sort_order').notNull().default(0),
  isActive: boolean('is_active').notNull().default(true),
});

export type TicketFacts = Partial<Record<string, boolean>>;

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human-readable number: GD0000123 (at least seven digits; grows past ten million). */
    number: text('number').notNull().unique().default(NEXT_TICKET_NUMBER),
    typeKey: text('type_key')
      .notNull()
      .references(() => ticketTypes.key),
    channel: text('channel', { enum: TICKET_CHANNELS }).notNull(),
    priority: text('priority', { enum: TICKET_PRIORITIES }).notNull().default('normal'),
    status: text('status', { enum: TICKET_STATUSES }).notNull().default('received'),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    customerId: uuid('customer_id').references(() => customers.id),
    contactId: uuid('contact_id').references(() => customerContacts.id, { onDelete: 'set null' }),
    /** Caller details when the contact is not (yet) in the archive. */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    departmentId: uuid('department_id').references(() => departments.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    tags: text('tags').array().notNull().default([]),
    customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
    /** Major complaint (重大投诉): the department manager is told at once, exactly once. */
    isMajor: boolean('is_major').notNull().default(false),
    majorReportedAt: timestamp('major_reported_at', { withTimezone: true }),
    /** The promised time of the next reply (跟清楚); mandatory while a complaint is unresolved. */
    nextReplyAt: timestamp('next_reply_at', { withTimezone: true }),
    firstContactResolved: boolean('first_contact_resolved').notNull().default(false),
    /** Waiting on the customer or a third party (clocks pause when the SLA settings say so). */
    waitingOn: text('waiting_on', { enum: TICKET_WAITING_ON }),
    /**
     * The nearest due time of the ticket's running clocks and their worst state, written by the
     * SLA module (setTicketSla) after every recompute — the queue sorts and filters on them
     * without reading the SLA module's tables. Not a user edit: no version bump, no history.
     */
    slaDueAt: timestamp('sla_due_at', { withTimezone: true }),
    slaState: text('sla_state', { enum: TICKET_SLA_STATES }),
    /** 问清楚: the facts checklist, by item key (tickets.protocol.ts). */
    facts: jsonb('facts').$type<TicketFacts>().notNull().default({}),
    /** 复清楚: process and result as told to the customer. */
    resolutionProcess: text('resolution_process'),
    resolutionResult: text('resolution_result'),
    feedbackSatisfied: boolean('feedback_satisfied'),
    feedbackNote: text('feedback_note'),
    rootCauseKey: text('root_cause_key').references(() => ticketRootCauses.key),
    rootCause: text('root_cause'),
    summary: text('summary'),
    mergedIntoId: uuid('merged_into_id'),
    /** Optimistic locking: every write bumps it; a write naming an older version is refused (409). */
    version: integer('version').notNull().default(1),
    // STORAGE MAIN (migration 0012_search_vector_inline): kept in the row, not in TOAST.
    searchVector: tsvector('search_vector'),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    classifiedAt: timestamp('classified_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Queues and data scope: newest activity first per assignee, department and creator.
    index('tickets_assignee_idx').on(t.assigneeId, sql`${t.updatedAt} DESC`),
    index('tickets_department_idx').on(t.departmentId, sql`${t.updatedAt} DESC`),
    index('tickets_updated_idx').on(sql`${t.updatedAt} DESC`, t.id),
    // Search ranks the newest matches (lib/search/newest.ts), read along this index.
    index('tickets_created_idx').on(t.createdAt, t.id),
    index('tickets_status_idx').on(t.status, sql`${t.updatedAt} DESC`),
    index('tickets_customer_idx').on(t.customerId, sql`${t.createdAt} DESC`),
    index('tickets_created_by_idx').on(t.createdBy, sql`${t.updatedAt} DESC`),
    // Open work (OPEN_STATUSES), newest activity first, with the columns the queues filter on: the
    // first page and the capped count of an open queue (mine, team, complaints, priority) read this
    // small index only (index-only count) instead of visiting up to 10,001 rows of the table.
    index('tickets_open_idx')
      .on(sql`${t.updatedAt} DESC`, t.id, t.assigneeId, t.departmentId, t.createdBy, t.typeKey, t.priority)
      .where(openTicketSql(t.status)),
    // Unassigned tickets by department (the `unassigned` queue and a team's unassigned share),
    // with the creator for the scope test: small, and its capped count is index-only.
    index('tickets_unassigned_idx')
      .on(t.departmentId, sql`${t.updatedAt} DESC`, t.id, t.createdBy)
      .where(sql`${t.assigneeId} IS NULL`),
    // Priority filter over all tickets, in list order: first page and index-only capped count.
    index('tickets_priority_idx').on(t.priority, sql`${t.updatedAt} DESC`, t.id),
    // Promised replies of open work (replyOverdue). The predicate is written as the open filter
    // is (`status IN (OPEN_STATUSES)`), not as its complement: PostgreSQL then sees that the two
    // are the same set. With `NOT IN (resolved, …)` it ANDed this index's bitmap with the status
    // index's as if they were independent, under-estimated the rows, and a search with filters
    // (空调 + open complaints at 1M tickets) read 11,600 rows to keep 1,193 (75 ms → 50 ms).
    index('tickets_next_reply_idx').on(t.nextReplyAt).where(openTicketSql(t.status)),
    // Time to breach of open work (the due column, overdue first).
    index('tickets_sla_due_idx').on(t.slaDueAt, t.id).where(openTicketSql(t.status)),
    // The queue's default order (issue 14: overdue first, then by due time; queue/due-order.ts):
    // the first page of a large queue is read along it instead of sorting every ticket in scope.
    index('tickets_due_idx').on(urgencyExpression(t), dueAtExpression(t), sql`${t.updatedAt} DESC`, sql`${t.id} DESC`),
    // The same order per assignee (the `mine` queue): without it the planner may walk the index above
    // filtering on the assignee, and an agent with few open tickets among many made it read them all.
    index('tickets_assignee_due_idx').on(
      t.assigneeId,
      urgencyExpression(t),
      dueAtExpression(t),
      sql`${t.updatedAt} DESC`,
      sql`${t.id} DESC`,
    ),
    // Words only here; on PostgreSQL with btree_gin, migration 0013 rebuilds it with the usual
    // filter columns too (assignee, creator, type, department, priority, channel, customer).
    index('tickets_search_idx').using('gin', t.searchVector),
    index('tickets_closed_root_cause_idx').on(t.closedAt, t.rootCauseKey).where(sql`${t.rootCauseKey} IS NOT NULL`),
  ],
);

/** Customer messages, replies to the customer, internal notes and system lines, in order. */
export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: TICKET_MESSAGE_KINDS }).notNull(),
    channel: text('channel', { enum: TICKET_CHANNELS }),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    /** Sent although the forbidden-phrase check hit (the reason is in forbidden_phrase_overrides). */
    forbiddenOverride: boolean('forbidden_override').notNull().default(false),
    /** Set when a merge moved the message here from another ticket. */
    movedFromTicketId: uuid('moved_from_ticket_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt)],
);

/**
 * Append-only history of a ticket (记清楚): every change with who, when, before and after. A
 * trigger refuses UPDATE and DELETE, so a complaint cannot be edited silently.
 */
export const ticketHistory = pgTable(
  'ticket_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    ticketId: uuid('ticket_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
  },
  (t) => [index('ticket_history_ticket_idx').on(t.ticketId, t.id)],
);

export const ticketWatchers = pgTable(
  'ticket_watchers',
  {
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId] }), index('ticket_watchers_user_idx').on(t.userId)],
);

/** Related tickets, stored once per pair with ticket_id < linked_id. */
export const ticketLinks = pgTable(
  'ticket_links',
  {
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    linkedId: uuid('linked_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.linkedId] }), index('ticket_links_linked_idx').on(t.linkedId)],
);

/** Files kept under the data directory (`<dataDir>/attachments/<storageKey>`), never served inline. */
export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => ticketMessages.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ticket_attachments_ticket_idx').on(t.ticketId)],
);

/** Improvement measures (整改措施) from a complaint's summary, followed to completion. */
export const improvementMeasures = pgTable(
  'improvement_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    dueDate: date('due_date').notNull(),
    status: text('status', { enum: MEASURE_STATUSES }).notNull().default('open'),
    doneNote: text('done_note'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('improvement_measures_ticket_idx').on(t.ticketId),
    index('improvement_measures_open_idx').on(t.ownerId, t.dueDate).where(sql`${t.status} IN ('open', 'in_progress')`),
  ],
);

/**
 * An agent's availability and skills for automatic assignment. `lastAssignedAt` drives
 * round-robin: the eligible agent assigned longest ago goes next.
 */
export const agentProfiles = pgTable('agent_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  status: text('status', { enum: AGENT_STATUSES }).notNull().default('off'),
  skills: text('skills').array().notNull().default([]),
  lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
