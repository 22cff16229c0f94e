import { z } from 'zod';
import { CustomerListFilterSchema } from '../../customers/index.js';
import { CALLBACK_CHANNELS, CALLBACK_DAY_KINDS, CALLBACK_TRIGGERS } from '../callbacks.tables.js';

const key = z.string().trim().min(1).max(64);

export const StepInputSchema = z.object({
  milestoneTypeKey: key.nullable().optional(),
  offsetDays: z.number().int().min(-365).max(730),
  dayKind: z.enum(CALLBACK_DAY_KINDS).default('calendar'),
  channel: z.enum(CALLBACK_CHANNELS).default('call'),
  altChannel: z.enum(CALLBACK_CHANNELS).nullable().optional(),
  fixedDate: z.boolean().default(false),
  purpose: z.string().trim().min(1).max(200),
  script: z.string().trim().max(4000).nullable().optional(),
});
export type StepInput = z.infer<typeof StepInputSchema>;

export const PlanInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(100).nullable().optional(),
  description: z.string().trim().max(1000).nullable().optional(),
  trigger: z.enum(CALLBACK_TRIGGERS),
  milestoneTypeKey: key.nullable().optional(),
  ticketTypeKeys: z.array(key).max(50).default([]),
  departmentId: z.uuid().nullable().optional(),
  isActive: z.boolean().default(true),
  steps: z.array(StepInputSchema).min(1).max(30),
});
export type PlanInput = z.infer<typeof PlanInputSchema>;

export const PlanPatchSchema = PlanInputSchema.partial().extend({
  /** The version read (optimistic locking): a stale one gets 409. */
  version: z.number().int().min(1).optional(),
});
export type PlanPatch = z.infer<typeof PlanPatchSchema>;

export const StepSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  milestoneTypeKey: z.string().nullable(),
  offsetDays: z.number().int(),
  dayKind: z.enum(CALLBACK_DAY_KINDS),
  channel: z.enum(CALLBACK_CHANNELS),
  altChannel: z.enum(CALLBACK_CHANNELS).nullable(),
  fixedDate: z.boolean(),
  purpose: z.string(),
  script: z.string().nullable(),
});

export const PlanSchema = z.object({
  id: z.uuid(),
  templateKey: z.string().nullable(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string().nullable(),
  trigger: z.enum(CALLBACK_TRIGGERS),
  milestoneTypeKey: z.string().nullable(),
  ticketTypeKeys: z.array(z.string()),
  departmentId: z.uuid().nullable(),
  isActive: z.boolean(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  steps: z.array(StepSchema),
  /** Pending callbacks of this plan. */
  pendingCount: z.number().int(),
});

export const ListPlansQuerySchema = z.object({
  trigger: z.enum(CALLBACK_TRIGGERS).optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const IdParamsSchema = z.object({ id: z.uuid() });

export const CampaignInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  /** The customer list's filter (the same parameters as GET /api/v1/customers). */
  filter: CustomerListFilterSchema.default({}),
  planId: z.uuid().optional(),
  step: StepInputSchema.omit({ milestoneTypeKey: true }).optional(),
  /** Offsets count from this date (default today, business time zone). */
  startDate: z.iso.date().optional(),
});
export type CampaignInput = z.infer<typeof CampaignInputSchema>;

export const CampaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  filter: z.record(z.string(), z.unknown()),
  planId: z.uuid(),
  planName: z.string().nullable(),
  customerCount: z.number().int(),
  callbackCount: z.number().int(),
  createdBy: z.uuid().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
  /** Callbacks of the round by status, now. */
  counts: z.object({
    pending: z.number().int(),
    done: z.number().int(),
    unreached: z.number().int(),
    cancelled: z.number().int(),
    unassigned: z.number().int(),
  }),
});
