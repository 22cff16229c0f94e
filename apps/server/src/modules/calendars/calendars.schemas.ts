import { z } from 'zod';

/** An instant with its offset (`2026-02-13T17:00:00+08:00` or `…Z`). */
const Instant = z.iso.datetime({ offset: true });

export const CalendarIdParamsSchema = z.object({ id: z.string().min(1).max(64) });

export const DueBodySchema = z.strictObject({
  start: Instant,
  /** Business minutes to add (up to 10 years of continuous time). */
  minutes: z.number().int().min(0).max(5_256_000),
});

export const DueResultSchema = z.object({ due: z.string() }).meta({ id: 'CalendarDue' });

export const ElapsedBodySchema = z.strictObject({ from: Instant, to: Instant });

export const ElapsedResultSchema = z.object({ minutes: z.number() }).meta({ id: 'CalendarElapsed' });

export const BusinessCalendarSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    followsOfficial: z.boolean(),
    isBuiltin: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'BusinessCalendar' });

export const BusinessCalendarListSchema = z.object({ items: z.array(BusinessCalendarSchema) });
