import { z } from 'zod';
import { SLA_CHANNELS } from '../sla.tables.js';
import { MAX_TARGET_MINUTES } from './policies.schemas.js';

const NameSchema = z.string().trim().min(1).max(100);

/** Who a level adds, relative to the ticket (a level adds people, it does not replace them). */
export const LadderRecipientSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('assignee') }),
    /** The assignee's superiors, `depth` levels up (all of them when absent). */
    z.strictObject({ kind: z.literal('superior_chain'), depth: z.number().int().min(1).max(10).optional() }),
    z.strictObject({ kind: z.literal('department_manager') }),
    z.strictObject({ kind: z.literal('general_manager') }),
    /** The on-duty leader (nobody until duty rosters exist). */
    z.strictObject({ kind: z.literal('on_duty_leader') }),
    z.strictObject({ kind: z.literal('role'), role: z.string().trim().min(1).max(64) }),
    z.strictObject({ kind: z.literal('user'), userId: z.uuid() }),
  ])
  .meta({ id: 'SlaLadderRecipient' });

export const LadderLevelSchema = z
  .strictObject({
    nameZh: NameSchema,
    nameEn: NameSchema,
    /** Wall-clock minutes this level has before the next one is reached. */
    limitMinutes: z.number().int().min(1).max(MAX_TARGET_MINUTES),
    recipients: z.array(LadderRecipientSchema).max(20),
    channels: z.array(z.enum(SLA_CHANNELS)).min(1).max(SLA_CHANNELS.length),
  })
  .meta({ id: 'SlaLadderLevel' });

export const LadderSchema = z
  .object({
    id: z.uuid(),
    nameZh: z.string(),
    nameEn: z.string(),
    /** The name in the caller's language. */
    name: z.string(),
    levels: z.array(LadderLevelSchema),
    isBuiltin: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'SlaLadder' });
export type LadderDto = z.infer<typeof LadderSchema>;

export const LadderListSchema = z.object({ items: z.array(LadderSchema) });

export const CreateLadderBodySchema = z.strictObject({
  nameZh: NameSchema,
  nameEn: NameSchema,
  levels: z.array(LadderLevelSchema).min(1).max(10),
});
export type CreateLadderInput = z.infer<typeof CreateLadderBodySchema>;

export const UpdateLadderBodySchema = z.strictObject({
  ...CreateLadderBodySchema.partial().shape,
  /** The version read; a stale one is refused with 409. */
  version: z.number().int().min(1),
});
export type UpdateLadderInput = z.infer<typeof UpdateLadderBodySchema>;
