import { z } from 'zod';

/** The parameters both staffing routes share (definitions: docs/calls.md, "Staffing (Erlang C)"). */
const ahtSeconds = z.coerce.number().min(1).max(36_000).describe('Average handling time in seconds');
const targetAnswerSeconds = z.coerce
  .number()
  .min(0)
  .max(3600)
  .describe('Service-level threshold: answered within this many seconds');
const targetServiceLevel = z.coerce
  .number()
  .min(0)
  .max(0.999)
  .describe('Service-level target, the share 0–0.999 of calls answered within the threshold');
const shrinkage = z.coerce
  .number()
  .min(0)
  .max(0.9)
  .describe('Share of paid time not on the phones (breaks, training, absence), 0–0.9; default 0');

export const ErlangCQuerySchema = z.object({
  calls: z.coerce.number().min(0).max(100_000).describe('Calls arriving in the interval'),
  intervalSeconds: z.coerce.number().int().min(60).max(86_400).describe('Length of the interval in seconds'),
  ahtSeconds,
  targetAnswerSeconds,
  targetServiceLevel,
  maxOccupancy: z.coerce
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe('Highest share of time agents may be busy, above 0 and up to 1; default 1 (no cap)'),
  shrinkage: shrinkage.optional(),
  agents: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000)
    .optional()
    .describe('Evaluate this many agents instead of searching for the smallest number that meets the target'),
});
export type ErlangCQuery = z.infer<typeof ErlangCQuerySchema>;

const asa = z
  .number()
  .nullable()
  .describe('Average speed of answer in seconds: Pw × AHT ÷ (N − A); null when N ≤ A (the queue grows without end)');

export const ErlangCSchema = z
  .object({
    trafficErlangs: z.number().describe('Offered traffic A = calls × AHT ÷ interval, in Erlangs'),
    agents: z
      .number()
      .int()
      .describe(
        'N: the smallest number of agents meeting the service-level target and the occupancy cap (or the one given)',
      ),
    scheduledAgents: z.number().int().describe('Agents to schedule: ⌈N ÷ (1 − shrinkage)⌉'),
    waitingProbability: z.number().describe('Erlang C: the probability a call waits at all, 0–1'),
    serviceLevel: z.number().describe('Share of calls answered within the threshold: 1 − Pw × e^(−(N − A) × T ÷ AHT)'),
    asaSeconds: asa,
    occupancy: z.number().nullable().describe('A ÷ N (at most 1); null with no agents for some traffic'),
    meetsTarget: z.boolean().describe('Whether N meets both the service-level target and the occupancy cap'),
  })
  .meta({ id: 'ErlangC' });

const date = z.iso.date().refine((d) => d >= '2001-01-01' && d <= '2060-12-31', { message: 'date out of range' });

export const IntradayQuerySchema = z.object({
  date: date.describe('The day to forecast, YYYY-MM-DD in the business time zone'),
  queue: z.string().min(1).max(200).optional().describe('One queue (the PBX queue name); default all queues'),
  weeks: z.coerce.number().int().min(1).max(26).default(8).describe('Weeks of history to average, 1–26; default 8'),
  ahtSeconds: ahtSeconds
    .optional()
    .describe('Average handling time for every interval; default: from history, else the settings’ AHT range midpoint'),
  targetAnswerSeconds: targetAnswerSeconds.optional().describe('Default: the call settings’ service-level seconds'),
  targetServiceLevel: targetServiceLevel.optional().describe('Default: the call settings’ service-level target'),
  shrinkage: shrinkage.optional(),
});
export type IntradayQuery = z.infer<typeof IntradayQuerySchema>;

const DAY_KINDS = ['workday', 'weekend', 'holiday', 'makeup'] as const;

export const IntradayIntervalSchema = z.object({
  start: z.iso.datetime({ offset: true }).describe('Start of the 30-minute interval'),
  end: z.iso.datetime({ offset: true }),
  forecastCalls: z
    .number()
    .describe('Average calls entering the queue(s) in this half hour over the sample days (2 decimals)'),
  ahtSeconds: z.number().describe('The AHT used for this interval'),
  ahtSource: z
    .enum(['argument', 'interval', 'sample', 'settings'])
    .describe(
      'Where the AHT comes from: the request, the answered calls of this half hour in the sample days, of the whole sample days, or the settings’ AHT range midpoint',
    ),
  trafficErlangs: z.number(),
  agentsNeeded: z.number().int().describe('Erlang C: the smallest N meeting the target in this interval'),
  scheduledAgents: z.number().int().describe('⌈agentsNeeded ÷ (1 − shrinkage)⌉'),
  serviceLevel: z.number().describe('Expected service level with agentsNeeded'),
  asaSeconds: asa,
  plannedAgents: z
    .number()
    .int()
    .nullable()
    .describe('Agents planned on the roster for this interval; null: Kefu has no roster yet'),
});

export const IntradaySchema = z
  .object({
    date: z.string(),
    dayKind: z.enum(DAY_KINDS).describe('What the day is in the default business calendar (调休 make-up day: makeup)'),
    dayName: z.string().nullable().describe('The holiday’s or make-up day’s name'),
    timeZone: z.string(),
    queue: z.string().nullable(),
    weeks: z.number().int(),
    sampleDays: z
      .array(z.string())
      .describe(
        'The past days averaged: the same weekday of the same kind (working or rest) in the last `weeks` weeks; when there is none, the most recent days of that kind',
      ),
    targetAnswerSeconds: z.number(),
    targetServiceLevel: z.number(),
    shrinkage: z.number(),
    forecastCalls: z.number().describe('Sum of the intervals’ forecast calls'),
    intervals: z
      .array(IntradayIntervalSchema)
      .describe('The 48 half hours of the day (46 or 50 on a daylight-saving change)'),
  })
  .meta({ id: 'StaffingIntraday' });
export type Intraday = z.infer<typeof IntradaySchema>;
