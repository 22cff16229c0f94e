import { z } from 'zod';

const Time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
  .describe('Local time HH:MM (the business time zone)');

export const QuietWindowSchema = z
  .object({ start: Time, end: Time })
  .refine((w) => w.start !== w.end, { message: 'start and end must differ', path: ['end'] })
  .describe('A quiet window; an end before the start runs over midnight (21:00–09:00)');

export const QuietWindowsSchema = z.array(QuietWindowSchema).max(6);

export const CallbackSettingsSchema = z
  .object({
    quietWindows: QuietWindowsSchema.describe('Never scheduled or retried inside these (local times)'),
    capDays: z.number().int().describe('No two callbacks of one customer within this many days (0: no cap)'),
    retriesPerDay: z.number().int().describe('Retries the same day after an unreached try'),
    retryGapMinutes: z.number().int().describe('Minutes between an unreached try and its retry'),
    deadlineWorkingDays: z.number().int().describe('Working days to complete a callback (the deadline clock)'),
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'CallbackSettings' });

export const CallbackSettingsPatchSchema = z.strictObject({
  quietWindows: QuietWindowsSchema.optional(),
  capDays: z.number().int().min(0).max(60).optional(),
  retriesPerDay: z.number().int().min(0).max(10).optional(),
  retryGapMinutes: z.number().int().min(5).max(600).optional(),
  deadlineWorkingDays: z.number().int().min(1).max(30).optional(),
});
export type CallbackSettingsPatch = z.infer<typeof CallbackSettingsPatchSchema>;

export const CustomerQuietHoursBodySchema = z.strictObject({
  quietWindows: QuietWindowsSchema.nullable().describe(
    "The customer's rest hours; null: back to the settings' windows",
  ),
});

export const CustomerQuietHoursSchema = z
  .object({
    quietWindows: QuietWindowsSchema.nullable(),
    rescheduled: z.number().int().describe('Pending callbacks of the customer moved out of the new rest hours'),
  })
  .meta({ id: 'CallbackCustomerQuietHours' });
