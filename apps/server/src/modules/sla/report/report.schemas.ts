import { z } from 'zod';
import { SLA_METRICS } from '../sla.tables.js';

const DAY = 86_400_000;
/** The longest period a report covers (about three years), as the ticket reports. */
export const MAX_SLA_REPORT_DAYS = 1100;
/** The longest period of a day-by-day trend. */
export const MAX_SLA_TREND_DAYS = 400;

export const SLA_REPORT_GROUPS = ['agent', 'team', 'type', 'priority', 'month'] as const;
export type SlaReportGroup = (typeof SLA_REPORT_GROUPS)[number];
export const SLA_TREND_INTERVALS = ['day', 'week', 'month'] as const;
export type SlaTrendInterval = (typeof SLA_TREND_INTERVALS)[number];

const PeriodShape = {
  /** First day of the period (YYYY-MM-DD, business time zone). */
  from: z.iso.date(),
  /** Last day of the period, inclusive. */
  to: z.iso.date(),
};

function checkPeriod(max: number) {
  return (q: { from: string; to: string }, ctx: z.RefinementCtx) => {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / DAY + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must not be before `from`' });
    else if (days > max) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the period may span at most ${max} days` });
    }
  };
}

const GroupBy = z
  .enum(SLA_REPORT_GROUPS)
  .default('agent')
  .describe('agent: the clock’s assignee; team: its department; type; priority; month (business time zone)');

export const SlaReportQuerySchema = z
  .object({ ...PeriodShape, groupBy: GroupBy })
  .superRefine(checkPeriod(MAX_SLA_REPORT_DAYS));
export type SlaReportQuery = z.infer<typeof SlaReportQuerySchema>;

export const SlaReportExportQuerySchema = z
  .object({ ...PeriodShape, groupBy: GroupBy, format: z.enum(['csv', 'xlsx']).default('xlsx') })
  .superRefine(checkPeriod(MAX_SLA_REPORT_DAYS));
export type SlaReportExportQuery = z.infer<typeof SlaReportExportQuerySchema>;

export const SlaTrendQuerySchema = z
  .object({ ...PeriodShape, interval: z.enum(SLA_TREND_INTERVALS).default('day') })
  .superRefine((q, ctx) => checkPeriod(q.interval === 'day' ? MAX_SLA_TREND_DAYS : MAX_SLA_REPORT_DAYS)(q, ctx));
export type SlaTrendQuery = z.infer<typeof SlaTrendQuerySchema>;

/** A rate 0–1 (4 decimals); null when no clock ended. */
const Rate = z.number().nullable();

const MetricFiguresSchema = z
  .object({
    /** Clocks that ended in the period: met + breached. */
    total: z.number().int(),
    /** Stopped by their due time, stopped in the period. */
    met: z.number().int(),
    /** Breached in the period (by the breach instant, whether stopped since or not). */
    breached: z.number().int(),
    /** Still running or paused, started in the period (not in the rate). */
    open: z.number().int(),
    /** met ÷ (met + breached); null when none ended. */
    rate: Rate,
  })
  .meta({ id: 'SlaMetricFigures' });
export type SlaMetricFigures = z.infer<typeof MetricFiguresSchema>;

const MetricsSchema = z.object(
  Object.fromEntries(SLA_METRICS.map((m) => [m, MetricFiguresSchema])) as Record<
    (typeof SLA_METRICS)[number],
    typeof MetricFiguresSchema
  >,
);

export const SlaReportRowSchema = z
  .object({
    /** The group's key (user or department id, type key, priority, YYYY-MM); `none` when not set. */
    key: z.string(),
    label: z.string(),
    metrics: MetricsSchema,
    /** Minutes paused (in each clock's time basis) of the clocks counted in the row. */
    pausedMinutes: z.number().int(),
    /** Escalations that reached each ladder level in the period, by level ("1", "2", …). */
    escalationsByLevel: z.record(z.string(), z.number().int()),
    /** Warnings and escalations of the period that fired late (the system was down or behind). */
    lateFirings: z.number().int(),
    /** The weighted SLA achievement rate (docs/sla.md); null when no weighted clock ended. */
    slaRate: Rate,
  })
  .meta({ id: 'SlaReportRow' });
export type SlaReportRow = z.infer<typeof SlaReportRowSchema>;

const WeightsSchema = z
  .object(
    Object.fromEntries(SLA_METRICS.map((m) => [m, z.number()])) as Record<(typeof SLA_METRICS)[number], z.ZodNumber>,
  )
  .describe('Weight (percent) of each metric’s rate in the SLA rate (SLA settings); 0: not weighted');

export const SlaReportSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    groupBy: z.enum(SLA_REPORT_GROUPS),
    weights: WeightsSchema,
    /** Worst SLA rate first (rows without a rate last). */
    rows: z.array(SlaReportRowSchema),
    /** Every row together. */
    totals: SlaReportRowSchema,
  })
  .meta({ id: 'SlaReport' });
export type SlaReport = z.infer<typeof SlaReportSchema>;

export const SlaTrendSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    interval: z.enum(SLA_TREND_INTERVALS),
    weights: WeightsSchema,
    /** Every bucket of the period, in order, also the empty ones (rates null). */
    buckets: z.array(
      z.object({
        /** First day of the bucket (YYYY-MM-DD; a week starts on Monday), clipped to the period. */
        start: z.string(),
        slaRate: Rate,
        metrics: MetricsSchema,
      }),
    ),
  })
  .meta({ id: 'SlaTrend' });
export type SlaTrend = z.infer<typeof SlaTrendSchema>;
