import { z } from 'zod';
import { PageQuerySchema } from '../../../lib/pagination.js';
import { MEASURE_STATUSES } from '../tickets.tables.js';

const title = z.string().trim().min(1).max(200);

export const CreateMeasureBodySchema = z.strictObject({
  title,
  /** Who sees it through: an active user who may work on tickets; told in-app. */
  ownerId: z.uuid(),
  /** YYYY-MM-DD, today or later (business time zone). */
  dueDate: z.iso.date(),
});
export type CreateMeasureInput = z.infer<typeof CreateMeasureBodySchema>;

export const UpdateMeasureBodySchema = z.strictObject({
  title: title.optional(),
  ownerId: z.uuid().optional(),
  dueDate: z.iso.date().optional(),
  /** `done` needs a `doneNote` (what was done) and records when. */
  status: z.enum(MEASURE_STATUSES).optional(),
  doneNote: z.string().trim().max(2000).nullable().optional(),
});
export type UpdateMeasureInput = z.infer<typeof UpdateMeasureBodySchema>;

export const MeasureIdParamsSchema = z.object({ id: z.uuid() });

const statusList = z
  .string()
  .max(100)
  .transform((s, ctx) => {
    const parts = s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of parts) {
      if (!(MEASURE_STATUSES as readonly string[]).includes(p)) {
        ctx.addIssue({ code: 'custom', message: `unknown status "${p}"; allowed: ${MEASURE_STATUSES.join(', ')}` });
        return z.NEVER;
      }
    }
    return parts as (typeof MEASURE_STATUSES)[number][];
  });

export const ListMeasuresQuerySchema = PageQuerySchema.extend({
  /** Only the caller's own measures. */
  mine: z.stringbool().optional(),
  /** Comma list: open, in_progress, done, cancelled. */
  status: statusList.optional(),
  /** Due before today and neither done nor cancelled. */
  overdue: z.stringbool().optional(),
  ticketId: z.uuid().optional(),
});
export type ListMeasuresQuery = z.infer<typeof ListMeasuresQuerySchema>;

const UserRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const MeasureSchema = z
  .object({
    id: z.uuid(),
    ticketId: z.uuid(),
    ticketNumber: z.string(),
    ticketSubject: z.string(),
    title: z.string(),
    owner: UserRefSchema,
    dueDate: z.string().describe('YYYY-MM-DD'),
    status: z.enum(MEASURE_STATUSES),
    doneNote: z.string().nullable(),
    doneAt: z.string().nullable(),
    /** Due before today (business time zone) and neither done nor cancelled. */
    overdue: z.boolean(),
    createdBy: UserRefSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ImprovementMeasure' });
export type Measure = z.infer<typeof MeasureSchema>;
