import { z } from 'zod';
import { SkillSchema } from '../assignment/agents.schemas.js';

/**
 * Reference data of tickets, edited with `tickets.settings`: ticket types (consultation, complaint,
 * suggestion, service/repair, other — administrators add more) and root-cause categories. Reads
 * carry `name` in the request's language and both stored texts for edit forms.
 */
const key = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'key: a-z, 0-9, _');
const zhText = (max: number) => z.string().trim().min(1).max(max);
const enText = (max: number) => z.string().trim().max(max).nullable().optional();
const sortOrder = z.number().int().min(0).max(10_000);

const localizedName = {
  key: z.string(),
  name: z.string().describe('In the request’s language'),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
};

export const TicketTypeSchema = z
  .object({
    ...localizedName,
    /** The complaint protocol (五清楚、一报告) applies to tickets of this type. */
    isComplaint: z.boolean(),
    /** Automatic assignment picks only agents with this skill (null: anyone in the department). */
    skill: z.string().nullable(),
    /** Where new tickets of this type go when the form names no department. */
    defaultDepartmentId: z.uuid().nullable(),
  })
  .meta({ id: 'TicketType' });

export const CreateTicketTypeBodySchema = z.strictObject({
  key,
  name: zhText(64),
  nameEn: enText(64),
  isComplaint: z.boolean().optional(),
  skill: SkillSchema.nullable().optional(),
  defaultDepartmentId: z.uuid().nullable().optional(),
  sortOrder: sortOrder.optional(),
  isActive: z.boolean().optional(),
});
export const UpdateTicketTypeBodySchema = CreateTicketTypeBodySchema.omit({ key: true }).partial();
export type TicketTypeInput = z.infer<typeof CreateTicketTypeBodySchema>;

export const RootCauseSchema = z.object(localizedName).meta({ id: 'TicketRootCause' });

export const CreateRootCauseBodySchema = z.strictObject({
  key,
  name: zhText(64),
  nameEn: enText(64),
  sortOrder: sortOrder.optional(),
  isActive: z.boolean().optional(),
});
export const UpdateRootCauseBodySchema = CreateRootCauseBodySchema.omit({ key: true }).partial();
export type RootCauseInput = z.infer<typeof CreateRootCauseBodySchema>;

export const TicketSettingKeyParamsSchema = z.object({ key: z.string().max(64) });
export const ActiveOnlyQuerySchema = z.object({ activeOnly: z.stringbool().optional() });

export const TicketSettingDeleteResultSchema = z
  .object({
    key: z.string(),
    /** `deactivated` when tickets use the entry: it leaves the forms, old tickets keep it. */
    result: z.enum(['deleted', 'deactivated']),
  })
  .meta({ id: 'TicketSettingDeleteResult' });
