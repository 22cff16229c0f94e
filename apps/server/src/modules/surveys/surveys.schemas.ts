import { z } from 'zod';
import { INVITATION_CHANNELS, INVITATION_STATUSES, QUESTION_KINDS, SURVEY_TRIGGERS } from './surveys.tables.js';

/** Bounds of a questionnaire (stored and shown on a phone: kept small on purpose). */
export const SURVEY_LIMITS = {
  questions: 30,
  options: 20,
  title: 200,
  optionLabel: 100,
  /** Free-text answers, in characters. */
  text: 1000,
  /** Longest link validity, in days (issue 15: up to 180). */
  expiryDays: 180,
} as const;

const ROLE = /^[a-z][a-z0-9_]{0,39}$/;

export const QuestionOptionSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .describe('Stable key of the choice (stored in answers)'),
  label: z.string().trim().min(1).max(SURVEY_LIMITS.optionLabel),
  labelEn: z.string().trim().max(SURVEY_LIMITS.optionLabel).nullish(),
});

export const QuestionInputSchema = z
  .object({
    id: z.uuid().optional().describe('An existing question of this survey (update); omitted: a new question'),
    kind: z.enum(QUESTION_KINDS),
    title: z.string().trim().min(1).max(SURVEY_LIMITS.title),
    titleEn: z.string().trim().max(SURVEY_LIMITS.title).nullish(),
    options: z.array(QuestionOptionSchema).max(SURVEY_LIMITS.options).default([]),
    required: z.boolean().default(false),
    staffRole: z
      .string()
      .regex(ROLE)
      .nullish()
      .describe(
        'staff_rating: the staff role rated (`agent` = the ticket’s assignee, or a role named in the invitation)',
      ),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === 'single' || q.kind === 'multiple';
    if (choice && q.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'at least 2 options' });
    if (!choice && q.options.length > 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'choices only' });
    if (new Set(q.options.map((o) => o.key)).size !== q.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'option keys must be unique' });
    }
    if (q.kind === 'staff_rating' && !q.staffRole) {
      ctx.addIssue({ code: 'custom', path: ['staffRole'], message: 'a staff_rating question needs staffRole' });
    }
  });
export type QuestionInput = z.infer<typeof QuestionInputSchema>;

const settings = {
  description: z.string().trim().max(500).nullish(),
  anonymous: z.boolean().describe('Answers keep no link to the customer, the ticket or the invitation'),
  active: z.boolean(),
  trigger: z.enum(SURVEY_TRIGGERS).describe('`ticket_closed`: invited automatically when a ticket is closed'),
  ticketTypeKeys: z.array(z.string().min(1).max(50)).max(50).describe('ticket_closed: only these types (empty: all)'),
  delayAfterCloseMinutes: z.number().int().min(0).max(43_200),
  samplingRate: z.number().min(0).max(1).describe('Share of the eligible closed tickets invited, 0–1'),
  skipNoAgentReply: z.boolean().describe('Skip tickets closed without any reply to the customer'),
  skipInternal: z.boolean().describe('Skip internal tickets (no customer, or tagged internal / 内部)'),
  expiryDays: z.number().int().min(1).max(SURVEY_LIMITS.expiryDays),
  reminderAfterDays: z.number().int().min(1).max(179).nullable().describe('One reminder to non-responders; null: none'),
  minSample: z.number().int().min(1).max(1000).describe('Results of fewer answers are suppressed (null)'),
};

const questionsInput = z.array(QuestionInputSchema).min(1).max(SURVEY_LIMITS.questions);

const SettingsSchema = z.object(settings);
export type SurveySettings = z.infer<typeof SettingsSchema>;

export const CreateSurveyBodySchema = SettingsSchema.partial()
  .extend({ name: z.string().trim().min(1).max(100), questions: questionsInput })
  .strict();
export type CreateSurveyBody = z.infer<typeof CreateSurveyBodySchema>;

export const UpdateSurveyBodySchema = SettingsSchema.partial()
  .extend({
    name: z.string().trim().min(1).max(100).optional(),
    questions: questionsInput.optional().describe('The whole list, in order (only while the survey has no answers)'),
  })
  .strict();
export type UpdateSurveyBody = z.infer<typeof UpdateSurveyBodySchema>;

export const QuestionSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  kind: z.enum(QUESTION_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  titleEn: z.string().nullable(),
  options: z.array(z.object({ key: z.string(), label: z.string(), labelEn: z.string().nullish() })),
  required: z.boolean(),
  staffRole: z.string().nullable(),
});

export const SurveySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    anonymous: z.boolean(),
    active: z.boolean(),
    trigger: z.enum(SURVEY_TRIGGERS),
    ticketTypeKeys: z.array(z.string()),
    delayAfterCloseMinutes: z.number().int(),
    samplingRate: z.number(),
    skipNoAgentReply: z.boolean(),
    skipInternal: z.boolean(),
    expiryDays: z.number().int(),
    reminderAfterDays: z.number().int().nullable(),
    minSample: z.number().int(),
    invitations: z.number().int(),
    responses: z.number().int(),
    questions: z.array(QuestionSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Survey' });

export const SurveySummarySchema = SurveySchema.omit({ questions: true }).extend({ questionCount: z.number().int() });

export const SurveyListQuerySchema = z.object({
  active: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
});

export const SurveyParamsSchema = z.object({ id: z.uuid() });

export const CreateInvitationBodySchema = z
  .object({
    customerId: z.uuid().optional(),
    ticketId: z.uuid().optional(),
    channel: z.enum(INVITATION_CHANNELS).default('link'),
    expiresInDays: z.number().int().min(1).max(SURVEY_LIMITS.expiryDays).optional(),
    staff: z
      .record(z.string().regex(ROLE), z.object({ userId: z.uuid().nullish(), name: z.string().trim().min(1).max(50) }))
      .optional()
      .describe('Staff to rate by role (`photographer`: { name }); `agent` defaults to the ticket’s assignee'),
  })
  .strict();

export const CreatedInvitationSchema = z.object({
  id: z.uuid(),
  token: z.string().describe('The one-time credential of the public page; shown this once'),
  url: z.string().describe('The public page: the configured base URL + /s/{token}'),
  channel: z.enum(INVITATION_CHANNELS),
  status: z.enum(INVITATION_STATUSES),
  expiresAt: z.string(),
});
