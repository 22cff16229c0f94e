import { z } from 'zod';
import { PageQuerySchema } from '../../../lib/pagination.js';
import { GRADES } from '../customers.tables.js';

export const CriterionSchema = z
  .object({
    key: z.string(),
    name: z.string().describe('In the request’s language'),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    weight: z.number().int(),
    sortOrder: z.number().int(),
    isActive: z.boolean(),
  })
  .meta({ id: 'EvaluationCriterion' });

export const ReplaceCriteriaBodySchema = z.strictObject({
  /** The whole set: criteria left out are deactivated (kept, since past evaluations name them). */
  items: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'key: a-z, 0-9, _'),
        /** Required for a new criterion; an existing one keeps its name when left out. */
        name: z.string().trim().min(1).max(64).optional(),
        nameEn: z.string().trim().max(64).nullable().optional(),
        weight: z.number().int().min(0).max(100),
        sortOrder: z.number().int().min(0).max(10_000).optional(),
        isActive: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(20),
});
export type CriteriaInput = z.infer<typeof ReplaceCriteriaBodySchema>['items'];

export const BandSchema = z
  .object({ grade: z.enum(GRADES), minScore: z.number().int().min(0).max(100) })
  .meta({ id: 'GradeBand' });
export const ReplaceBandsBodySchema = z.strictObject({ items: z.array(BandSchema).min(1).max(GRADES.length) });

export const CreateRoundBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
});

export const RoundSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    status: z.enum(['open', 'closed']),
    createdBy: z.uuid().nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.date(),
    closedAt: z.date().nullable(),
    /** In-scope customers evaluated in this round (each counted once). */
    evaluated: z.number().int(),
  })
  .meta({ id: 'EvaluationRound' });

export const RoundDetailSchema = RoundSchema.extend({
  /** Progress within the caller's data scope: customers evaluated in the round vs all customers. */
  progress: z.object({ evaluated: z.number().int(), total: z.number().int() }),
}).meta({ id: 'EvaluationRoundDetail' });

export const ListRoundsQuerySchema = PageQuerySchema.extend({ status: z.enum(['open', 'closed']).optional() });
export const RoundParamsSchema = z.object({ roundId: z.uuid() });

const scores = z
  .record(z.string().max(64), z.number().min(0).max(100))
  .describe('Score 0–100 per active criterion key');

export const EvaluateBodySchema = z.strictObject({
  scores,
  comment: z.string().trim().max(2000).nullable().optional(),
});
export const RoundEvaluateBodySchema = EvaluateBodySchema.extend({ customerId: z.uuid() });

export const EvaluationSchema = z
  .object({
    id: z.uuid(),
    roundId: z.uuid().nullable(),
    roundName: z.string().nullable(),
    customerId: z.uuid(),
    customerName: z.string(),
    customerCode: z.string(),
    scores: z.record(z.string(), z.number()),
    totalScore: z.number(),
    gradeBefore: z.enum(GRADES).nullable(),
    gradeAfter: z.enum(GRADES),
    comment: z.string().nullable(),
    evaluatedBy: z.uuid().nullable(),
    evaluatedByName: z.string().nullable(),
    evaluatedAt: z.date(),
  })
  .meta({ id: 'CustomerEvaluation' });

export const EvaluationResultSchema = EvaluationSchema.extend({
  gradeChanged: z.boolean(),
  /**
   * Non-blocking findings, as error codes: `customers.key_needs_two_staff` when the new grade is A
   * and the customer has fewer than two active staff contacts.
   */
  warnings: z.array(z.string()),
}).meta({ id: 'CustomerEvaluationResult' });

export const GradeHistoryEntrySchema = z
  .object({
    id: z.uuid(),
    gradeBefore: z.enum(GRADES).nullable(),
    gradeAfter: z.enum(GRADES).nullable(),
    reason: z.string().nullable(),
    evaluationId: z.uuid().nullable(),
    totalScore: z.number().nullable(),
    roundId: z.uuid().nullable(),
    roundName: z.string().nullable(),
    changedBy: z.uuid().nullable(),
    changedByName: z.string().nullable(),
    changedAt: z.date(),
  })
  .meta({ id: 'CustomerGradeHistoryEntry' });

export const GradeAtQuerySchema = z.object({ at: z.iso.datetime({ offset: true }) });
export const GradeAtSchema = z
  .object({
    at: z.date(),
    /** null before the first recorded grade (or while the customer had none). */
    grade: z.enum(GRADES).nullable(),
    /** When that grade was given; null before the first history entry. */
    since: z.date().nullable(),
  })
  .meta({ id: 'CustomerGradeAt' });
