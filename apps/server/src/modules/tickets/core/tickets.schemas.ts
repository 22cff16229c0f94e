import { z } from 'zod';
import { PageQuerySchema } from '../../../lib/pagination.js';
import {
  TICKET_CHANNELS,
  TICKET_MESSAGE_KINDS,
  TICKET_PRIORITIES,
  TICKET_SLA_STATES,
  TICKET_STATUSES,
  TICKET_WAITING_ON,
} from '../tickets.tables.js';
import { TICKET_ACTIONS } from './tickets.lifecycle.js';
import { FACT_ITEMS } from './tickets.protocol.js';

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .max(500)
    .transform((s, ctx) => {
      const parts = s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      for (const p of parts) {
        if (!(values as readonly string[]).includes(p)) {
          ctx.addIssue({ code: 'custom', message: `unknown value "${p}"; allowed: ${values.join(', ')}` });
          return z.NEVER;
        }
      }
      return parts as T[number][];
    });

export const FactsSchema = z.partialRecord(z.enum(FACT_ITEMS), z.boolean());

export const AssignStrategySchema = z
  .enum(['none', 'manual', 'round_robin', 'least_loaded'])
  .describe('none: leave unassigned; manual: `assigneeId`; round_robin / least_loaded: among agents on shift');

export const TicketFieldsSchema = z.strictObject({
  typeKey: z.string().trim().min(1).max(64),
  channel: z.enum(TICKET_CHANNELS),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  subject: z.string().trim().min(1).max(200),
  /** 听清楚: the whole of what the customer said. */
  description: z.string().trim().min(1).max(20_000),
  customerId: z.uuid().nullable().optional(),
  contactId: z.uuid().nullable().optional(),
  contactName: optionalText(64),
  contactPhone: optionalText(32),
  departmentId: z.uuid().nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(32)).max(20).optional(),
  customFields: z.record(z.string(), z.unknown()).optional(),
  isMajor: z.boolean().optional(),
  nextReplyAt: z.iso.datetime({ offset: true }).nullable().optional(),
  facts: FactsSchema.optional(),
});

export const CreateTicketBodySchema = TicketFieldsSchema.extend({
  assign: AssignStrategySchema.optional(),
  assigneeId: z.uuid().nullable().optional(),
  watcherIds: z.array(z.uuid()).max(20).optional(),
  /** Resolved in this first contact (首次解决): process and result are told to the customer at once. */
  resolvedAtFirstContact: z
    .strictObject({ process: z.string().trim().min(1).max(5000), result: z.string().trim().min(1).max(5000) })
    .optional(),
  /** Reason for sending a resolution that hits a forbidden phrase. */
  forbiddenOverrideReason: z.string().trim().min(2).max(500).optional(),
});
export type CreateTicketInput = z.infer<typeof CreateTicketBodySchema>;

export const UpdateTicketBodySchema = TicketFieldsSchema.omit({ channel: true })
  .partial()
  .extend({
    channel: z.enum(TICKET_CHANNELS).optional(),
    /** The version the client read; a stale one is a 409 (optimistic locking). */
    version: z.number().int().min(1),
  });
export type UpdateTicketInput = z.infer<typeof UpdateTicketBodySchema>;

export const TransitionBodySchema = z.strictObject({
  version: z.number().int().min(1),
  action: z.enum(TICKET_ACTIONS),
  /** resolve: 复清楚 — what was done and what came of it (sent to the customer as a reply). */
  process: z.string().trim().max(5000).optional(),
  result: z.string().trim().max(5000).optional(),
  /** resolve: also mark as first-contact resolution (only from `received`). */
  firstContact: z.boolean().optional(),
  /** feedback: the customer's answer (null: could not be reached). */
  satisfied: z.boolean().nullable().optional(),
  /** feedback / reopen: note or reason. */
  note: z.string().trim().max(5000).optional(),
  /** close: the summary of a complaint. */
  rootCauseKey: z.string().max(64).optional(),
  rootCause: z.string().trim().max(5000).optional(),
  summary: z.string().trim().max(5000).optional(),
  /** reopen of a complaint: a new promise (跟清楚). */
  nextReplyAt: z.iso.datetime({ offset: true }).optional(),
  forbiddenOverrideReason: z.string().trim().min(2).max(500).optional(),
});
export type TransitionInput = z.infer<typeof TransitionBodySchema>;

export const AddMessageBodySchema = z.strictObject({
  kind: z.enum(['inbound', 'reply', 'note']),
  body: z.string().trim().min(1).max(20_000),
  channel: z.enum(TICKET_CHANNELS).optional(),
  /** Required with a reply to an unresolved complaint whose promised time has passed (跟清楚). */
  nextReplyAt: z.iso.datetime({ offset: true }).optional(),
  /** Send a reply although it hits forbidden phrases; recorded for the supervisor's review. */
  forbiddenOverrideReason: z.string().trim().min(2).max(500).optional(),
});
export type AddMessageInput = z.infer<typeof AddMessageBodySchema>;

export const WaitingBodySchema = z.strictObject({
  /** Whom the ticket now waits on (null: no longer waiting); SLA clocks pause as the SLA settings say. */
  waitingOn: z.enum(TICKET_WAITING_ON).nullable(),
  version: z.number().int().min(1),
  note: z.string().trim().max(2000).optional(),
});
export type WaitingInput = z.infer<typeof WaitingBodySchema>;

export const TicketIdParamsSchema = z.object({ id: z.uuid() });

export const TICKET_QUEUES = ['mine', 'team', 'unassigned', 'watching', 'all'] as const;

export const ListTicketsQuerySchema = PageQuerySchema.extend({
  queue: z.enum(TICKET_QUEUES).default('all'),
  status: csv(TICKET_STATUSES).optional(),
  /** Open work only (received, classified, investigating). */
  open: z.stringbool().optional(),
  typeKey: z.string().max(64).optional(),
  complaint: z.stringbool().optional(),
  priority: csv(TICKET_PRIORITIES).optional(),
  channel: z.enum(TICKET_CHANNELS).optional(),
  customerId: z.uuid().optional(),
  assigneeId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  tag: z.string().max(32).optional(),
  major: z.stringbool().optional(),
  /** Next-reply time passed on an unresolved ticket. */
  replyOverdue: z.stringbool().optional(),
  /** The state of the ticket's most urgent time limit (SLA): ok, warning, breached, paused. */
  slaState: csv(TICKET_SLA_STATES).optional(),
  /** Overdue: open, and the next reply is past or a time limit breached (docs/ticket-queue.md). */
  overdue: z.stringbool().optional(),
  /**
   * Due soon and not overdue: `today` = due before the end of today (server time zone), `hour` =
   * within the next hour. The due time is the earlier of the next reply and the time-limit due time.
   */
  due: z.enum(['today', 'hour']).optional(),
  /** Created on or after this day (server time zone). */
  createdFrom: z.iso.date().optional(),
  /** Created on or before this day (server time zone). */
  createdTo: z.iso.date().optional(),
  /** Full-text search over number, subject, description, replies and notes (Chinese segmented). */
  q: z.string().trim().max(200).optional(),
});
export type ListTicketsQuery = z.infer<typeof ListTicketsQuerySchema>;

/** The counts' query: the list's filters, without page, sort and search; `queue` only for the chips. */
export const TicketCountsQuerySchema = ListTicketsQuerySchema.omit({
  page: true,
  pageSize: true,
  sort: true,
  q: true,
}).extend({
  queue: z
    .enum(TICKET_QUEUES)
    .default('all')
    .describe('The queue the chips are counted in (the queue counts are of every queue)'),
});

const UserRefSchema = z.object({ id: z.uuid(), displayName: z.string() }).nullable();
export const HighlightSchema = z.array(z.object({ text: z.string(), hit: z.boolean() }));

export const TicketListItemSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    typeKey: z.string(),
    isComplaint: z.boolean(),
    channel: z.enum(TICKET_CHANNELS),
    priority: z.enum(TICKET_PRIORITIES),
    status: z.enum(TICKET_STATUSES),
    subject: z.string(),
    isMajor: z.boolean(),
    customer: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    contactName: z.string().nullable(),
    assignee: UserRefSchema,
    departmentId: z.uuid().nullable(),
    departmentName: z.string().nullable(),
    tags: z.array(z.string()),
    nextReplyAt: z.string().nullable(),
    replyOverdue: z.boolean(),
    waitingOn: z.enum(TICKET_WAITING_ON).nullable(),
    /** The nearest due time of the ticket's running time limits (SLA), as last computed. */
    slaDueAt: z.string().nullable(),
    slaState: z.enum(TICKET_SLA_STATES).nullable(),
    /** Open ticket: the earlier of `nextReplyAt` and `slaDueAt`; null when not open. */
    dueAt: z.string().nullable(),
    /** Open, and the next reply is past or a time limit breached. */
    overdue: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
    /** With `q`: a snippet of the best-matching text with the hits marked. */
    highlight: HighlightSchema.optional(),
  })
  .meta({ id: 'TicketListItem' });

export const TicketMessageSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(TICKET_MESSAGE_KINDS),
    channel: z.enum(TICKET_CHANNELS).nullable(),
    body: z.string(),
    author: UserRefSchema,
    forbiddenOverride: z.boolean(),
    movedFromTicketId: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'TicketMessage' });

export const TicketHistoryEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: UserRefSchema,
    action: z.string().describe('The stored action (`assigned`, `transition:resolve`…); for programs'),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    note: z.string().nullable(),
    title: z.string().describe('What happened, worded in the request’s language'),
    noteText: z.string().nullable().describe('The note worded (e.g. how it was assigned), or the person’s note'),
    changes: z
      .array(
        z.object({
          field: z.string(),
          label: z.string(),
          before: z.unknown().nullable(),
          after: z.unknown().nullable(),
          beforeText: z.string().nullable(),
          afterText: z.string().nullable(),
        }),
      )
      .describe('Changed fields with human labels; `*Text` is null for ids and dates (format them yourself)'),
  })
  .meta({ id: 'TicketHistoryEntry' });

export const TicketSchema = TicketListItemSchema.extend({
  description: z.string(),
  customerId: z.uuid().nullable(),
  contactId: z.uuid().nullable(),
  contactPhone: z.string().nullable(),
  customFields: z.record(z.string(), z.unknown()),
  majorReportedAt: z.string().nullable(),
  firstContactResolved: z.boolean(),
  facts: FactsSchema,
  missingFacts: z.array(z.enum(FACT_ITEMS)),
  resolutionProcess: z.string().nullable(),
  resolutionResult: z.string().nullable(),
  feedbackSatisfied: z.boolean().nullable(),
  feedbackNote: z.string().nullable(),
  rootCauseKey: z.string().nullable(),
  rootCause: z.string().nullable(),
  summary: z.string().nullable(),
  mergedIntoId: z.uuid().nullable(),
  createdBy: UserRefSchema,
  firstResponseAt: z.string().nullable(),
  classifiedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** State actions the caller may take now (the web shows these buttons). */
  actions: z.array(z.enum(TICKET_ACTIONS)),
  watchers: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
}).meta({ id: 'Ticket' });
export type Ticket = z.infer<typeof TicketSchema>;

export const ForbiddenHitSchema = z.object({
  phraseId: z.string(),
  phrase: z.string(),
  alternative: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  matched: z.string(),
});
