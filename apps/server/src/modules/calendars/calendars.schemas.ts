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

export const NextWorkingStartQuerySchema = z.object({
  /** The instant to count from (now when left out); its local date in the calendar's zone is "today". */
  from: Instant.optional(),
});

export const NextWorkingStartSchema = z
  .object({
    /** The first working period's start on the next working day after `from`'s local date (offset of the calendar's zone). */
    start: z.string(),
    /** That day (`YYYY-MM-DD`, the calendar's local date). */
    date: z.string(),
  })
  .meta({ id: 'CalendarNextWorkingStart' });

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

/** `YYYY-MM-DD` (the calendar's local date). */
export const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const DayKindSchema = z.enum(['off', 'work']);

/** Minutes from local midnight: [start, end), 0 ≤ start < end ≤ 1440 (order and overlap checked by the use case). */
export const PeriodSchema = z.tuple([z.number().int().min(0).max(1440), z.number().int().min(0).max(1440)]);
const PeriodsSchema = z.array(PeriodSchema).max(12);

/** Lowercase slug: `back-office`, `hotline-24x7`. */
export const CalendarIdSchema = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

const CalendarSettingsSchema = z.strictObject({
  nameZh: z.string().trim().min(1).max(80),
  nameEn: z.string().trim().min(1).max(80),
  /** An IANA time zone (`Asia/Shanghai`). */
  timeZone: z.string().min(1).max(64),
  /** Seven lists, index 0 = Sunday … 6 = Saturday; several periods a day allowed (a lunch break). */
  weekly: z.array(PeriodsSchema).length(7),
  /** The periods a make-up working day (调休) works. */
  workday: PeriodsSchema,
  followsOfficial: z.boolean(),
});

export const CreateCalendarBodySchema = CalendarSettingsSchema.extend({
  /** Generated from the English name when left out. */
  id: CalendarIdSchema.optional(),
});

export const UpdateCalendarBodySchema = CalendarSettingsSchema.extend({ version: z.number().int().min(1) });

export const CalendarOwnDaySchema = z
  .object({ date: z.string(), kind: DayKindSchema, name: z.string() })
  .meta({ id: 'BusinessCalendarDay' });

export const BusinessCalendarDetailSchema = BusinessCalendarSchema.extend({
  nameZh: z.string(),
  nameEn: z.string(),
  weekly: z.array(z.array(PeriodSchema)),
  workday: z.array(PeriodSchema),
  days: z.array(CalendarOwnDaySchema),
}).meta({ id: 'BusinessCalendarDetail' });

export const CalendarDayParamsSchema = z.object({ id: z.string().min(1).max(64), date: DateSchema });

export const PutCalendarDayBodySchema = z.strictObject({
  kind: DayKindSchema,
  name: z.string().trim().max(40).default(''),
  version: z.number().int().min(1),
});

export const DeleteCalendarDayQuerySchema = z.object({ version: z.coerce.number().int().min(1) });

export const CalendarYearParamsSchema = z.object({
  id: z.string().min(1).max(64),
  year: z.coerce.number().int().min(2000).max(2060),
});

export const CalendarYearSchema = z
  .object({
    year: z.number().int(),
    /** The year's special days, merged: official (when the calendar follows them), then its own on top. */
    days: z.array(
      z.object({
        date: z.string(),
        kind: DayKindSchema,
        name: z.string(),
        source: z.enum(['official', 'calendar']),
      }),
    ),
  })
  .meta({ id: 'BusinessCalendarYear' });

export const CalendarVersionListSchema = z
  .object({
    items: z.array(
      z.object({
        version: z.number().int(),
        /** What changed, worded in the reader's language. */
        summary: z.string(),
        changedAt: z.string(),
        changedBy: z.string().nullable(),
        changedByName: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'BusinessCalendarVersions' });
