import { z } from 'zod';

/**
 * Reference data of the customer archive, edited by administrators (`customers.settings`).
 * Reads carry `name` (or `label`) in the request's language — the English text when there is
 * one and the caller asked for English, else the Chinese — and both stored texts for edit forms.
 */
const key = z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'key: a-z, 0-9, _');
const zhText = (max: number) => z.string().trim().min(1).max(max);
const enText = (max: number) => z.string().trim().max(max).nullable().optional();

export const SettingKeyParamsSchema = z.object({ key: z.string().max(64) });
export const ActiveOnlyQuerySchema = z.object({
  activeOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

const localizedName = {
  key: z.string(),
  name: z.string().describe('In the request’s language'),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  sortOrder: z.number().int(),
  isActive: z.boolean(),
};

export const CategorySchema = z.object({ ...localizedName, isSpecial: z.boolean() }).meta({ id: 'CustomerCategory' });
export const CreateCategoryBodySchema = z.strictObject({
  key,
  name: zhText(64),
  nameEn: enText(64),
  isSpecial: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  isActive: z.boolean().optional(),
});
export const UpdateCategoryBodySchema = CreateCategoryBodySchema.omit({ key: true }).partial();
export type CategoryInput = z.infer<typeof CreateCategoryBodySchema>;

export const MilestoneTypeSchema = z
  .object({ ...localizedName, appliesTo: z.enum(['customer', 'order']) })
  .meta({ id: 'MilestoneType' });
export const CreateMilestoneTypeBodySchema = z.strictObject({
  key,
  name: zhText(64),
  nameEn: enText(64),
  appliesTo: z.enum(['customer', 'order']),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  isActive: z.boolean().optional(),
});
export const UpdateMilestoneTypeBodySchema = CreateMilestoneTypeBodySchema.omit({ key: true }).partial();
export type MilestoneTypeInput = z.infer<typeof CreateMilestoneTypeBodySchema>;

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select', 'multi_select'] as const;

const OptionInputSchema = z.strictObject({
  value: z.string().trim().min(1).max(64),
  label: zhText(64),
  labelEn: z.string().trim().max(64).optional(),
});

export const CustomFieldSchema = z
  .object({
    key: z.string(),
    label: z.string().describe('In the request’s language'),
    labelZh: z.string(),
    labelEn: z.string().nullable(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(
      z.object({
        value: z.string(),
        label: z.string().describe('In the request’s language'),
        labelZh: z.string(),
        labelEn: z.string().nullable(),
      }),
    ),
    isRequired: z.boolean(),
    sortOrder: z.number().int(),
    isActive: z.boolean(),
    /** Customers that have a value for this field (type changes are refused while > 0). */
    usage: z.number().int(),
  })
  .meta({ id: 'CustomFieldDefinition' });

export const CreateCustomFieldBodySchema = z.strictObject({
  key,
  label: zhText(64),
  labelEn: enText(64),
  type: z.enum(CUSTOM_FIELD_TYPES),
  /** Required (≥ 1, distinct values) for select and multi_select; ignored for the other types. */
  options: z.array(OptionInputSchema).max(200).optional(),
  isRequired: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  isActive: z.boolean().optional(),
});
export const UpdateCustomFieldBodySchema = CreateCustomFieldBodySchema.omit({ key: true }).partial();
export type CustomFieldInput = z.infer<typeof CreateCustomFieldBodySchema>;

export const SettingDeleteResultSchema = z
  .object({
    key: z.string(),
    /** `deactivated` when the entry is in use: it disappears from forms but old records keep it. */
    result: z.enum(['deleted', 'deactivated']),
  })
  .meta({ id: 'SettingDeleteResult' });
