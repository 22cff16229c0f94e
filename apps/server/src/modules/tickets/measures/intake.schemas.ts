import { z } from 'zod';
import { MAX_REPORT_DAYS } from './reports.schemas.js';

const DAY = 86_400_000;

export const INTAKE_GROUPS = ['type', 'channel', 'department'] as const;
export const INTAKE_GRANULARITIES = ['day', 'week', 'month'] as const;

const IntakeQueryFields = z.object({
  /** First day of the period (YYYY-MM-DD, business time zone); default: the first day of this month. */
  from: z.iso.date().optional(),
  /** Last day of the period, inclusive; default: the last day of this month. Give both or neither. */
  to: z.iso.date().optional(),
  /** Breakdown rows per ticket type (default), channel or responsible department. */
  groupBy: z.enum(INTAKE_GROUPS).default('type'),
  /** Trend buckets; default: day up to 62 days, week up to 366 days, month beyond. */
  granularity: z.enum(INTAKE_GRANULARITIES).optional(),
});

function checkPeriod(q: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) {
  if ((q.from === undefined) !== (q.to === undefined)) {
    ctx.addIssue({ code: 'custom', path: [q.from ? 'to' : 'from'], message: 'give both `from` and `to`, or neither' });
    return;
  }
  if (q.from === undefined || q.to === undefined) return;
  const days = (Date.parse(q.to) - Date.parse(q.from)) / DAY + 1;
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must not be before `from`' });
  else if (days > MAX_REPORT_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `the period may span at most ${MAX_REPORT_DAYS} days` });
  }
}

export const IntakeReportQuerySchema = IntakeQueryFields.superRefine(checkPeriod);
export type IntakeReportQuery = z.infer<typeof IntakeReportQuerySchema>;

export const IntakeReportExportQuerySchema = IntakeQueryFields.extend({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
}).superRefine(checkPeriod);
export type IntakeReportExportQuery = z.infer<typeof IntakeReportExportQuerySchema>;

const PeriodSchema = z.object({ from: z.string(), to: z.string() });

const TotalsFields = {
  /** Complaints created in the period. */
  received: z.number().int(),
  /** Complaints closed in the period (whenever they were received). */
  closed: z.number().int(),
  /** Of those received in the period: still open now (received, classified, investigating). */
  open: z.number().int(),
  /** Of those received in the period: open and overdue now (next reply promised before now, or a time limit breached). */
  overdue: z.number().int(),
  /** Of those received in the period: marked major (重大投诉). */
  major: z.number().int(),
};

export const IntakeTotalsSchema = z.object(TotalsFields).meta({ id: 'IntakeTotals' });

export const IntakeReportSchema = z
  .object({
    /** The period, `to` inclusive. */
    period: PeriodSchema,
    /** The period of equal length just before (a calendar month: the previous calendar month). */
    previousPeriod: PeriodSchema,
    groupBy: z.enum(INTAKE_GROUPS),
    granularity: z.enum(INTAKE_GRANULARITIES),
    totals: IntakeTotalsSchema,
    previousTotals: IntakeTotalsSchema,
    /** One row per type, channel or department with any figure in the period, most received first. */
    groups: z.array(
      z.object({
        /** Type key, channel, department id; `none`: no department. */
        key: z.string(),
        name: z.string(),
        ...TotalsFields,
      }),
    ),
    /** Complaints received and closed per bucket, every bucket of the period (first day of each; the first clipped to `from`). */
    trend: z.array(z.object({ bucket: z.string(), received: z.number().int(), closed: z.number().int() })),
  })
  .meta({ id: 'IntakeReport' });
export type IntakeReport = z.infer<typeof IntakeReportSchema>;
