import { z } from 'zod';

const DAY = 86_400_000;
/** The longest period a report covers (about three years). */
export const MAX_REPORT_DAYS = 1100;

export const RootCauseReportQuerySchema = z
  .object({
    /** First day of the period (YYYY-MM-DD, business time zone). */
    from: z.iso.date(),
    /** Last day of the period, inclusive. */
    to: z.iso.date(),
    /** Only tickets of this department and the departments below it. */
    departmentId: z.uuid().optional(),
  })
  .superRefine((q, ctx) => {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / DAY + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must not be before `from`' });
    else if (days > MAX_REPORT_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the period may span at most ${MAX_REPORT_DAYS} days` });
    }
  });
export type RootCauseReportQuery = z.infer<typeof RootCauseReportQuerySchema>;

const PeriodSchema = z.object({ from: z.string(), to: z.string() });

export const RootCauseReportSchema = z
  .object({
    period: PeriodSchema,
    /** The period of equal length just before. */
    previousPeriod: PeriodSchema,
    /** Complaints closed in the period (in the caller's scope), with a root cause or not. */
    total: z.number().int(),
    previousTotal: z.number().int(),
    /** Closed complaints of the period without a root-cause category (older records). */
    unclassified: z.number().int(),
    /** Root causes, most frequent first. */
    items: z.array(
      z.object({
        rootCauseKey: z.string(),
        name: z.string(),
        nameEn: z.string().nullable(),
        count: z.number().int(),
        /** count / the period's classified complaints (0–1). */
        share: z.number(),
        previousCount: z.number().int(),
      }),
    ),
    /** Improvement measures due in the period, on tickets in the caller's scope. */
    measures: z.object({
      total: z.number().int(),
      doneOnTime: z.number().int(),
      doneLate: z.number().int(),
      /** Neither done nor cancelled, due date passed. */
      openOverdue: z.number().int(),
      /** Neither done nor cancelled, still in time. */
      open: z.number().int(),
      cancelled: z.number().int(),
    }),
  })
  .meta({ id: 'RootCauseReport' });
export type RootCauseReport = z.infer<typeof RootCauseReportSchema>;
