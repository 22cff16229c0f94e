import { z } from 'zod';
import { SLA_CLOCK_STATES, SLA_METRICS, SLA_PAUSE_REASONS, SLA_TIME_BASES } from '../sla.tables.js';

export const ClockParamsSchema = z.object({ ticketId: z.uuid(), clockId: z.uuid() });
export const ClockTicketParamsSchema = z.object({ ticketId: z.uuid() });

const instant = z.string().describe('ISO-8601 instant');

export const ClockSchema = z
  .object({
    id: z.uuid(),
    metric: z.enum(SLA_METRICS),
    cycle: z.number().int(),
    policyId: z.uuid(),
    policyName: z.string(),
    targetMinutes: z.number().int(),
    timeBasis: z.enum(SLA_TIME_BASES),
    calendarId: z.string().nullable(),
    calendarName: z.string().nullable(),
    state: z.enum(SLA_CLOCK_STATES),
    startedAt: instant,
    dueAt: instant.nullable().describe('Null while paused'),
    remainingMinutes: z
      .number()
      .int()
      .nullable()
      .describe('Business or wall-clock minutes per the basis; negative when breached; while paused, what is left'),
    pausedMinutes: z.number().int(),
    pausedSince: instant.nullable(),
    stoppedAt: instant.nullable(),
    breachedAt: instant.nullable(),
    followUpDueAt: instant.nullable(),
    ladder: z
      .object({
        id: z.uuid(),
        name: z.string(),
        position: z.number().int().describe('The highest level reached (0: none)'),
        levels: z.array(
          z.object({
            level: z.number().int(),
            name: z.string(),
            limitMinutes: z.number().int(),
            reachedAt: instant.nullable(),
            late: z.boolean(),
            manual: z.boolean(),
            reason: z.string().nullable(),
            actor: z
              .object({ id: z.uuid(), name: z.string() })
              .nullable()
              .describe('Who escalated by hand (null for the automatic ladder)'),
            skipped: z.boolean().describe('Passed over by a manual escalation'),
            recipients: z.array(z.object({ id: z.uuid(), name: z.string() })),
          }),
        ),
      })
      .nullable(),
    warnings: z
      .array(z.object({ percent: z.number().int(), firedAt: instant, late: z.boolean() }))
      .describe('Warnings that fired: percent elapsed; 100 is the breach notice, 200 the follow-up target passing'),
  })
  .meta({ id: 'SlaClock' });

export const TicketClocksSchema = z.object({
  items: z.array(ClockSchema),
  waitingOn: z.enum(['customer', 'third_party']).nullable(),
});

export const ClockExplanationSchema = z
  .object({
    metric: z.enum(SLA_METRICS),
    cycle: z.number().int(),
    state: z.enum(SLA_CLOCK_STATES),
    startedAt: instant,
    dueAt: instant.nullable(),
    targetMinutes: z.number().int(),
    timeBasis: z.enum(SLA_TIME_BASES),
    calendar: z
      .object({ id: z.string(), name: z.string(), timeZone: z.string(), version: z.number().int() })
      .nullable(),
    days: z.array(
      z.object({
        date: z.iso.date(),
        kind: z.enum(['workday', 'weekend', 'holiday', 'makeup_workday', 'calendar_off', 'calendar_work']),
        name: z.string().nullable().describe('The holiday’s or make-up day’s name'),
        periods: z.array(z.object({ from: instant, to: instant })).describe('Working time that counted (pauses out)'),
        minutes: z.number().int(),
      }),
    ),
    pauses: z.array(
      z.object({
        from: instant,
        to: instant.nullable(),
        reason: z.enum([...SLA_PAUSE_REASONS, 'stopped']),
        minutes: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'SlaClockExplanation' });

const PeriodSchema = z.tuple([z.number().int().min(0).max(1440), z.number().int().min(0).max(1440)]);

export const CalendarPreviewBodySchema = z.strictObject({
  calendarId: z.string().min(1).max(64),
  draft: z.strictObject({
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'unknown time zone'),
    weekly: z.array(z.array(PeriodSchema).max(12)).length(7),
    workday: z.array(PeriodSchema).max(12),
    followsOfficial: z.boolean(),
    days: z
      .array(
        z.strictObject({
          date: z.iso.date(),
          kind: z.enum(['off', 'work']),
          name: z.string().max(64).nullable().optional(),
        }),
      )
      .max(2000),
  }),
});
export type CalendarPreviewInput = z.infer<typeof CalendarPreviewBodySchema>;

export const CalendarPreviewSchema = z.object({
  items: z.array(
    z.object({
      ticketId: z.uuid(),
      number: z.string(),
      subject: z.string(),
      metric: z.enum(SLA_METRICS),
      dueBefore: instant.nullable(),
      dueAfter: instant.nullable(),
    }),
  ),
  total: z.number().int().describe('Clocks whose due time would move (the first 200 are listed)'),
  scanned: z.number().int().describe('Open clocks on the calendar looked at (at most 10,000)'),
});
