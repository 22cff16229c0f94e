import { z } from 'zod';

const share = (text: string) => z.number().min(0).max(1).describe(`${text} (a fraction 0–1)`);
const seconds = (text: string) => z.number().int().min(0).max(3600).describe(`${text}, seconds`);

const fields = {
  serviceLevelSeconds: seconds('Service level: answered within this many seconds (the default KPI threshold)'),
  serviceLevelTarget: share('Service level target'),
  answerRateInboundTarget: share('Answer (connection) rate target, inbound'),
  answerRateOutboundTarget: share('Answer (connection) rate target, outbound'),
  ahtMinSeconds: seconds('Average handling time target range, lower bound'),
  ahtMaxSeconds: seconds('Average handling time target range, upper bound'),
  avgRingsMin: z.number().min(0).max(50).describe('Average rings target range, lower bound'),
  avgRingsMax: z.number().min(0).max(50).describe('Average rings target range, upper bound'),
  avgQueueSecondsTarget: seconds('Average queue time target'),
  outboundCompletionTarget: share('Outbound campaign completion target'),
  firstContactResolutionTarget: share('First-contact resolution target'),
  shortAbandonSeconds: seconds('Calls abandoned within this many seconds are short abandons, counted apart'),
  abandonCallbackSeconds: seconds(
    'An abandoned call that waited longer than this becomes a callback task; null: never',
  ).nullable(),
};

export const CallSettingsSchema = z
  .object({
    ...fields,
    version: z.number().int().describe('Send it back with a change (optimistic concurrency)'),
    updatedAt: z.iso.datetime({ offset: true }),
    updatedBy: z.uuid().nullable(),
  })
  .meta({ id: 'CallSettings' });

export const CallSettingsPatchSchema = z
  .object(fields)
  .partial()
  .extend({ version: z.number().int().min(1).describe('The version read (409 when the settings changed since)') })
  .strict();
export type CallSettingsPatch = z.infer<typeof CallSettingsPatchSchema>;
