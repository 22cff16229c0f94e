import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../../lib/pagination.js';
import { AnswerValueSchema, QuestionViewSchema } from '../../surveys/index.js';
import { CALLBACK_CHANNELS, CALLBACK_SOURCE_KINDS, CALLBACK_STATUSES } from '../callbacks.tables.js';

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ListCallbacksQuerySchema = PageQuerySchema.omit({ sort: true }).extend({
  /** Only mine (always so without `callbacks.manage`). */
  mine: flag.optional(),
  assigneeId: z.uuid().optional(),
  status: z.enum(CALLBACK_STATUSES).optional(),
  due: z.enum(['today', 'overdue']).optional(),
  unassigned: flag.optional(),
  campaignId: z.uuid().optional(),
  customerId: z.uuid().optional(),
});
export type ListCallbacksQuery = z.infer<typeof ListCallbacksQuerySchema>;

const Person = z.object({ id: z.uuid(), displayName: z.string() });

export const CallbackItemSchema = z
  .object({
    id: z.uuid(),
    customer: z.object({ id: z.uuid(), name: z.string() }),
    sourceKind: z.enum(CALLBACK_SOURCE_KINDS),
    sourceLabel: z.string(),
    sourceId: z.string().nullable(),
    planId: z.uuid().nullable(),
    campaignId: z.uuid().nullable(),
    channel: z.enum(CALLBACK_CHANNELS),
    channelLabel: z.string(),
    purpose: z.string().nullable(),
    status: z.enum(CALLBACK_STATUSES),
    statusLabel: z.string(),
    assignee: Person.nullable(),
    dueDate: z.string().describe('Business date the callback is due (YYYY-MM-DD)'),
    scheduledAt: z.iso.datetime({ offset: true }),
    dueAt: z.iso.datetime({ offset: true }).describe('Next moment to call: the retry time, else the scheduled time'),
    deadlineAt: z.iso.datetime({ offset: true }).nullable(),
    overdue: z.boolean().describe('Pending and past its deadline'),
    attempts: z.number().int(),
    reached: z.boolean().nullable(),
    needsWriteUp: z.boolean().describe('Unreached and not yet written up'),
    completedAt: z.iso.datetime({ offset: true }).nullable(),
    complaintTicketId: z.uuid().nullable(),
  })
  .meta({ id: 'CallbackItem' });

export const CallbackPageSchema = pageOf(CallbackItemSchema);

export const CallbackCountsSchema = z
  .object({
    today: z.number().int().describe('My pending callbacks due today or earlier'),
    overdue: z.number().int().describe('My pending callbacks past their deadline'),
    unreached: z.number().int().describe('My unreached callbacks awaiting a write-up'),
  })
  .meta({ id: 'CallbackCounts' });

const StaffRatingSchema = z.strictObject({
  role: z.string().trim().min(1).max(50),
  userId: z.uuid().nullable().optional(),
  name: z.string().trim().max(100).nullable().optional(),
  score: z.number().int().min(1).max(5),
});

export const CallbackDetailSchema = CallbackItemSchema.extend({
  script: z.string(),
  satisfaction: z.number().int().nullable(),
  opinion: z.string().nullable(),
  staffRatings: z.array(StaffRatingSchema).nullable(),
  writeUp: z.string().nullable(),
  customerQuietWindows: z
    .array(z.object({ start: z.string(), end: z.string() }))
    .nullable()
    .describe('The customer’s own rest hours (they replace the settings’ quiet windows); null: none told'),
  attemptLog: z.array(
    z.object({
      number: z.number().int(),
      at: z.iso.datetime({ offset: true }),
      by: Person.nullable(),
      reached: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
  history: z.array(
    z.object({
      id: z.uuid(),
      sourceKind: z.enum(CALLBACK_SOURCE_KINDS),
      sourceLabel: z.string(),
      channel: z.enum(CALLBACK_CHANNELS),
      purpose: z.string().nullable(),
      status: z.enum(CALLBACK_STATUSES),
      statusLabel: z.string(),
      dueDate: z.string(),
      assigneeName: z.string().nullable(),
      attempts: z.number().int(),
      reached: z.boolean().nullable(),
      satisfaction: z.number().int().nullable(),
      opinion: z.string().nullable(),
      writeUp: z.string().nullable(),
      completedAt: z.iso.datetime({ offset: true }).nullable(),
      complaintTicketId: z.uuid().nullable(),
    }),
  ),
  contacts: z.array(
    z.object({
      id: z.number().int(),
      at: z.iso.datetime({ offset: true }),
      kind: z.string(),
      channel: z.string().nullable(),
      direction: z.string().nullable(),
      title: z.string(),
      body: z.string().nullable(),
      actorName: z.string().nullable(),
    }),
  ),
}).meta({ id: 'CallbackDetail' });

export const CallbackIdParamsSchema = z.object({ id: z.uuid() });

export const AttemptBodySchema = z.strictObject({
  reached: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});

export const WriteUpBodySchema = z.strictObject({ note: z.string().trim().min(1).max(2000) });

export const OutcomeBodySchema = z.strictObject({
  satisfaction: z.number().int().min(1).max(5),
  opinion: z.string().trim().min(1).max(4000),
  staffRatings: z.array(StaffRatingSchema).max(20),
});
export type OutcomeInput = z.infer<typeof OutcomeBodySchema>;

export const ComplaintBodySchema = z.strictObject({
  subject: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().min(1).max(10_000).optional(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
  /** The promised next reply (跟清楚); default: one working day from now on the business calendar. */
  nextReplyAt: z.iso.datetime({ offset: true }).optional(),
});
export type ComplaintInput = z.infer<typeof ComplaintBodySchema>;

export const ComplaintResultSchema = z
  .object({ callbackId: z.uuid(), ticketId: z.uuid(), ticketNumber: z.string(), created: z.boolean() })
  .meta({ id: 'CallbackComplaint' });

export const SurveyAnswersBodySchema = z.strictObject({
  surveyId: z.uuid(),
  answers: z.array(z.object({ questionId: z.uuid(), value: AnswerValueSchema })).max(60),
});
export type SurveyAnswersInput = z.infer<typeof SurveyAnswersBodySchema>;

export const SurveyFormsSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        anonymous: z.boolean(),
        questions: z.array(QuestionViewSchema),
      }),
    ),
  })
  .meta({ id: 'CallbackSurveyForms' });

export const ReportQuerySchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
});

/** The report's figures over a group of callbacks (definitions: docs/callbacks.md, "Report"). */
const GroupFigures = {
  customersDue: z.number().int(),
  customersCovered: z.number().int(),
  coverage: z.number().nullable(),
  completed: z.number().int(),
  completedOnTime: z.number().int(),
  onTimeRate: z.number().nullable(),
  unreachedCount: z.number().int(),
};

export const CallbackReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    customersDue: z.number().int().describe('Customers with a callback due in the period (not cancelled)'),
    customersCovered: z.number().int().describe('Of those, customers with a completed callback due in the period'),
    coverage: z.number().nullable().describe('customersCovered ÷ customersDue (0–1); null when none was due'),
    completed: z.number().int().describe('Callbacks due in the period and completed'),
    completedOnTime: z.number().int().describe('Of those, completed by their deadline'),
    onTimeRate: z.number().nullable().describe('completedOnTime ÷ completed (0–1); null when none was completed'),
    unreachedCount: z.number().int().describe('Callbacks due in the period left unreached'),
    bySpecialist: z
      .array(z.object({ assignee: Person.nullable().describe('null: the pool'), ...GroupFigures }))
      .describe('The same figures per specialist (the callback’s assignee)'),
    byPlan: z
      .array(z.object({ plan: z.object({ id: z.uuid(), name: z.string() }).nullable(), ...GroupFigures }))
      .describe('The same figures per plan (a campaign’s round is its own plan)'),
    unreached: z.array(
      z.object({
        id: z.uuid(),
        customer: z.object({ id: z.uuid(), name: z.string() }),
        dueDate: z.string(),
        attempts: z.number().int(),
        assignee: Person.nullable(),
        writeUp: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'CallbackReport' });
