import { z } from 'zod';
import { DateSchema, DayKindSchema } from '../calendars.schemas.js';

export const OfficialYearParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2060) });

export const OfficialYearsSchema = z
  .object({
    years: z.array(
      z.object({
        year: z.number().int(),
        days: z.number().int(),
        offDays: z.number().int(),
        workDays: z.number().int(),
        /** 'admin' once an administrator edited or imported any day of the year, else 'seed' (shipped data). */
        source: z.enum(['seed', 'admin']),
      }),
    ),
    nextYear: z.number().int(),
    /** True from 1 November (Beijing time) while next year has no official days. */
    nextYearMissing: z.boolean(),
  })
  .meta({ id: 'OfficialYears' });

const OfficialDayInputSchema = z.strictObject({
  date: DateSchema,
  kind: DayKindSchema,
  nameZh: z.string().trim().min(1).max(40),
  /** The Chinese name is used when left out. */
  nameEn: z.string().trim().max(80).optional(),
});

export const PutOfficialYearBodySchema = z.strictObject({ days: z.array(OfficialDayInputSchema).max(366) });

export const OfficialDaySchema = z
  .object({ date: z.string(), kind: DayKindSchema, nameZh: z.string(), nameEn: z.string() })
  .meta({ id: 'OfficialDay' });

export const OfficialYearSchema = z
  .object({
    year: z.number().int(),
    days: z.array(
      OfficialDaySchema.extend({
        /** In the reader's language. */
        name: z.string(),
        source: z.enum(['seed', 'admin']),
      }),
    ),
    /** The latest version of the official arrangements (0: never changed here). */
    version: z.number().int(),
  })
  .meta({ id: 'OfficialYear' });

export const ImportQuerySchema = z.object({ dryRun: z.enum(['true', 'false']).optional() });

export const OfficialImportResultSchema = z
  .object({
    /** The first year replaced (null when the file only adds days to other years). */
    year: z.number().int().nullable(),
    /** The years replaced as a whole. */
    years: z.array(z.number().int()),
    days: z.array(OfficialDaySchema),
    /** In the reader's language. */
    warnings: z.array(z.string()),
    /** False for a dry run (nothing written). */
    applied: z.boolean(),
  })
  .meta({ id: 'OfficialImportResult' });
