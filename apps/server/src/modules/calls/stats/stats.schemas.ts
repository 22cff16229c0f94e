import { z } from 'zod';
import { CALL_DIRECTIONS } from '../calls.tables.js';

/** The longest period one KPI or trend request covers. */
export const MAX_RANGE_DAYS = 366;

const instant = z.iso.datetime({ offset: true });

export const CallStatsQuerySchema = z.object({
  from: instant.describe('Start of the period, inclusive (calls by the moment they entered the queue)'),
  to: instant.describe(`End of the period, exclusive; at most ${MAX_RANGE_DAYS} days after \`from\``),
  queue: z.string().min(1).max(200).optional().describe('One queue (the PBX queue name)'),
  agent: z.string().min(1).max(200).optional().describe('One PBX agent (member) name, e.g. `PJSIP/8001`'),
  direction: z.enum(CALL_DIRECTIONS).optional(),
  threshold: z.coerce
    .number()
    .int()
    .min(0)
    .max(3600)
    .optional()
    .describe('Service-level threshold in seconds (answered within = wait ≤ threshold); default: the call settings'),
});
export type CallStatsQuery = z.infer<typeof CallStatsQuerySchema>;

const ratio = (text: string) =>
  z.number().min(0).max(1).nullable().describe(`${text} A fraction 0–1; null when the denominator is 0.`);
const average = (text: string) => z.number().nullable().describe(`${text} Null when no call counts.`);

/** The figures of one queue, one agent or all queues; every field's definition is its description. */
const figures = {
  offered: z
    .number()
    .int()
    .describe(
      'Calls that entered the queue in [from, to) by their entry time: every row, whatever its outcome (unresolved and short abandons included).',
    ),
  answered: z.number().int().describe('Offered calls an agent took (outcome answered).'),
  abandoned: z
    .number()
    .int()
    .describe('Offered calls the caller hung up while waiting (outcome abandoned), short abandons included.'),
  shortAbandoned: z
    .number()
    .int()
    .describe(
      'Abandoned calls that waited ≤ the short-abandon threshold (call settings, default 5 s); counted apart, still in offered and abandoned.',
    ),
  timedOut: z.number().int().describe("Offered calls ended by the queue's timeout (outcome timeout)."),
  exitedWithKey: z.number().int().describe('Offered calls the caller left by pressing a key (outcome exit_key).'),
  exitedEmpty: z
    .number()
    .int()
    .describe('Offered calls that left because no agent could take calls (outcome exit_empty).'),
  unresolved: z
    .number()
    .int()
    .describe(
      'Offered calls whose end the log does not tell (PBX restart, truncated file); counted apart, still in offered.',
    ),
  transferred: z.number().int().describe('Answered calls transferred on.'),
  answeredWithinThreshold: z.number().int().describe('Answered calls with wait ≤ threshold seconds.'),
  serviceLevelOffered: ratio('Service level over offered: answeredWithinThreshold ÷ offered.'),
  serviceLevelOfferedExShortAbandons: ratio(
    'Service level over offered without short abandons: answeredWithinThreshold ÷ (offered − shortAbandoned).',
  ),
  serviceLevelAnswered: ratio('Service level over answered: answeredWithinThreshold ÷ answered.'),
  answerRate: ratio('Answer (connection) rate: answered ÷ offered.'),
  abandonRate: ratio('Abandon rate: abandoned ÷ offered.'),
  avgWaitAnsweredSeconds: average(
    'Average queue time of answered calls: Σ wait ÷ answered calls with a known wait, seconds.',
  ),
  avgWaitAbandonedSeconds: average(
    'Average wait before hanging up: Σ wait ÷ abandoned calls with a known wait, seconds.',
  ),
  avgTalkSeconds: average(
    'Average talk time: Σ talk ÷ answered calls with a known talk time (answered without a COMPLETE line are left out), seconds.',
  ),
  avgHandlingSeconds: average(
    'Average handling time (AHT): talk time per answered call with a known talk time; the PBX log records no hold or after-call work, so it equals avgTalkSeconds until wrap-up time is recorded.',
  ),
  avgRings: average(
    'Average rings: agent phones rung per answered call = (answered + Σ RINGNOANSWER of answered calls) ÷ answered.',
  ),
};

const QueueFiguresSchema = z.object({ queue: z.string(), ...figures });
const TotalFiguresSchema = z.object(figures);
const AgentFiguresSchema = z.object({
  agent: z.string().describe('The PBX agent (member) name'),
  userId: z.uuid().nullable().describe('The Kefu user the agent name is mapped to, null when not mapped'),
  userName: z.string().nullable(),
  answered: figures.answered,
  answeredWithinThreshold: figures.answeredWithinThreshold,
  transferred: figures.transferred,
  avgWaitAnsweredSeconds: figures.avgWaitAnsweredSeconds,
  avgTalkSeconds: figures.avgTalkSeconds,
  avgHandlingSeconds: figures.avgHandlingSeconds,
  avgRings: figures.avgRings,
});

export const CallStatsSchema = z
  .object({
    from: instant,
    to: instant,
    threshold: z.number().int().describe('The service-level threshold used, seconds'),
    shortAbandonSeconds: z.number().int().describe('The short-abandon threshold used, seconds'),
    queues: z.array(QueueFiguresSchema).describe('Per queue, by queue name'),
    total: TotalFiguresSchema.describe('All queues together'),
    agents: z.array(AgentFiguresSchema).describe('Per PBX agent that answered calls, most answered first'),
  })
  .meta({ id: 'CallStats' });
export type CallStats = z.infer<typeof CallStatsSchema>;
export type Figures = z.infer<typeof TotalFiguresSchema>;

export const CallTrendQuerySchema = z.object({
  from: CallStatsQuerySchema.shape.from,
  to: CallStatsQuerySchema.shape.to,
  bucket: z
    .enum(['day', 'week', 'month'])
    .default('day')
    .describe('Buckets in the business time zone; weeks start on Monday'),
  queue: CallStatsQuerySchema.shape.queue,
  direction: CallStatsQuerySchema.shape.direction,
  threshold: CallStatsQuerySchema.shape.threshold,
});
export type CallTrendQuery = z.infer<typeof CallTrendQuerySchema>;

export const CallTrendSchema = z
  .object({
    from: instant,
    to: instant,
    bucket: z.enum(['day', 'week', 'month']),
    threshold: z.number().int(),
    points: z.array(
      z.object({
        start: z.iso.date().describe('First day of the bucket (business time zone)'),
        offered: figures.offered,
        answered: figures.answered,
        abandoned: figures.abandoned,
        answeredWithinThreshold: figures.answeredWithinThreshold,
        serviceLevelOffered: figures.serviceLevelOffered,
        answerRate: figures.answerRate,
        abandonRate: figures.abandonRate,
        avgTalkSeconds: figures.avgTalkSeconds,
      }),
    ),
  })
  .meta({ id: 'CallTrend' });
