import { z } from 'zod';
import { PageQuerySchema } from '../../../lib/pagination.js';

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ResultsQuerySchema = z.object({
  from: DAY.optional().describe('First day (business time zone); default: 29 days before `to`'),
  to: DAY.optional().describe('Last day, inclusive; default: today'),
  period: z.enum(['day', 'week', 'month']).optional().describe('Trend buckets; default by the length of the range'),
});

const nullableFraction = z.number().min(0).max(1).nullable();

export const SurveyResultsSchema = z
  .object({
    surveyId: z.uuid(),
    from: z.string(),
    to: z.string(),
    period: z.enum(['day', 'week', 'month']),
    minSample: z.number().int().describe('Figures behind fewer answers are null (suppressed)'),
    responses: z.number().int().describe('Responses submitted in the period (in the reader’s scope)'),
    invitations: z.number().int().describe('Invitations sent in the period'),
    nps: z.number().int().min(-100).max(100).nullable().describe('% promoters (9–10) − % detractors (0–6), points'),
    npsBreakdown: z.object({
      promoters: z.number().int(),
      passives: z.number().int(),
      detractors: z.number().int(),
      answers: z.number().int(),
    }),
    csat: nullableFraction.describe('Share of 4–5 among the CSAT answers (1–5)'),
    csatAnswers: z.number().int(),
    responseRate: nullableFraction.describe('responses ÷ invitations sent in the period'),
    suppressed: z.boolean().describe('Fewer responses than minSample: the figures are null'),
    byStaff: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string().nullable(),
        role: z.string(),
        ratings: z.number().int(),
        satisfied: nullableFraction.describe('Share of 4–5 among the ratings'),
        mean: z.number().nullable().describe('Mean rating 1–5'),
        suppressed: z.boolean(),
      }),
    ),
    byDepartment: z.array(
      z.object({
        departmentId: z.uuid(),
        departmentName: z.string().nullable(),
        responses: z.number().int(),
        nps: z.number().int().nullable(),
        csat: nullableFraction,
        suppressed: z.boolean(),
      }),
    ),
    trend: z.array(
      z.object({
        period: z.string().describe('First day of the period'),
        responses: z.number().int(),
        nps: z.number().int().nullable(),
        csat: nullableFraction,
        suppressed: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'SurveyResults' });

export const ResponsesQuerySchema = PageQuerySchema.omit({ sort: true }).extend({
  from: DAY.optional(),
  to: DAY.optional(),
  lowScore: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Only detractors (NPS 0–6) and CSAT 1–2'),
  staffUserId: z.uuid().optional().describe('Only responses rating this member of staff'),
  departmentId: z.uuid().optional().describe('Only responses counted for this department (team)'),
});

export const SurveyResponseSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  ticketId: z.uuid().nullable(),
  departmentId: z.uuid().nullable(),
  staff: z.record(z.string(), z.object({ userId: z.string().nullable(), name: z.string() })),
  source: z.enum(['public', 'on_behalf']),
  npsScore: z.number().int().nullable(),
  csatScore: z.number().int().nullable(),
  submittedAt: z.string(),
  answers: z.array(
    z.object({
      questionId: z.uuid(),
      kind: z.string(),
      score: z.number().int().nullable(),
      choices: z.array(z.string()).nullable(),
      text: z.string().nullable(),
      staffUserId: z.uuid().nullable(),
    }),
  ),
});
