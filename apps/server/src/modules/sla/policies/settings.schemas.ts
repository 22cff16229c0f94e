import { z } from 'zod';
import { SLA_METRICS, SLA_PAUSE_REASONS } from '../sla.tables.js';

const WeightsSchema = z.partialRecord(z.enum(SLA_METRICS), z.number().int().min(0).max(100));

export const SlaSettingsSchema = z
  .object({
    /** Which waits pause the clocks. */
    pauseOn: z.array(z.enum(SLA_PAUSE_REASONS)),
    /** Weight (percent, summing to 100) of each metric's achievement rate in the SLA rate. */
    weights: WeightsSchema,
    version: z.number().int(),
  })
  .meta({ id: 'SlaSettings' });
export type SlaSettingsDto = z.infer<typeof SlaSettingsSchema>;

export const UpdateSlaSettingsBodySchema = z.strictObject({
  pauseOn: z.array(z.enum(SLA_PAUSE_REASONS)).max(SLA_PAUSE_REASONS.length),
  weights: WeightsSchema,
  /** The version read; a stale one is refused with 409. */
  version: z.number().int().min(1),
});
export type UpdateSlaSettingsInput = z.infer<typeof UpdateSlaSettingsBodySchema>;
