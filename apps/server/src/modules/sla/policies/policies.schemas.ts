import { z } from 'zod';
import { GRADES } from '../../customers/index.js';
import { TICKET_PRIORITIES } from '../../tickets/index.js';
import { SLA_METRICS, SLA_TIME_BASES } from '../sla.tables.js';

/** The longest target: one year of minutes. */
export const MAX_TARGET_MINUTES = 60 * 24 * 365;

const NameSchema = z.string().trim().min(1).max(100);
export const MetricSchema = z.enum(SLA_METRICS);

export const PolicySchema = z
  .object({
    id: z.uuid(),
    nameZh: z.string(),
    nameEn: z.string(),
    /** The name in the caller's language. */
    name: z.string(),
    metric: MetricSchema,
    typeKey: z.string().nullable(),
    priority: z.enum(TICKET_PRIORITIES).nullable(),
    customerGrade: z.enum(GRADES).nullable(),
    departmentId: z.uuid().nullable(),
    targetMinutes: z.number().int(),
    timeBasis: z.enum(SLA_TIME_BASES),
    calendarId: z.string(),
    warnPercents: z.array(z.number().int()),
    ladderId: z.uuid().nullable(),
    followUpMinutes: z.number().int().nullable(),
    isActive: z.boolean(),
    sortOrder: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'SlaPolicy' });
export type PolicyDto = z.infer<typeof PolicySchema>;

const policyFields = {
  nameZh: NameSchema,
  nameEn: NameSchema,
  metric: MetricSchema,
  /** Null or absent: any ticket type (the same for priority, grade and department). */
  typeKey: z.string().trim().min(1).max(64).nullable().optional(),
  priority: z.enum(TICKET_PRIORITIES).nullable().optional(),
  customerGrade: z.enum(GRADES).nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
  /** Ignored by `promised_reply` (its due time is the promised instant). */
  targetMinutes: z.number().int().min(1).max(MAX_TARGET_MINUTES),
  timeBasis: z.enum(SLA_TIME_BASES).optional(),
  calendarId: z.string().trim().min(1).max(64).optional(),
  /** Warnings at these shares of the target elapsed: 1–99, ascending, no repeats. */
  warnPercents: z.array(z.number().int()).max(10).optional(),
  ladderId: z.uuid().nullable().optional(),
  /** On breach, a stricter follow-up target of this many minutes (same basis and calendar). */
  followUpMinutes: z.number().int().min(1).max(MAX_TARGET_MINUTES).nullable().optional(),
  isActive: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
};

export const CreatePolicyBodySchema = z.strictObject(policyFields);
export type CreatePolicyInput = z.infer<typeof CreatePolicyBodySchema>;

export const UpdatePolicyBodySchema = z.strictObject({
  ...z.object(policyFields).partial().shape,
  /** The version read; a stale one is refused with 409. */
  version: z.number().int().min(1),
});
export type UpdatePolicyInput = z.infer<typeof UpdatePolicyBodySchema>;

export const PolicyListSchema = z.object({ items: z.array(PolicySchema) });

export const IdParamsSchema = z.object({ id: z.uuid() });
export const VersionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });

const ResolvedSchema = z
  .object({ id: z.uuid(), name: z.string(), targetMinutes: z.number().int(), timeBasis: z.enum(SLA_TIME_BASES) })
  .nullable();

/** The policy matrix: for each type × priority (× grade), the policy each metric resolves to. */
export const PolicyMatrixSchema = z
  .object({
    metrics: z.array(MetricSchema),
    types: z.array(z.object({ key: z.string(), name: z.string() })),
    priorities: z.array(z.enum(TICKET_PRIORITIES)),
    /** Empty when no policy names a customer grade (the matrix is then type × priority only). */
    grades: z.array(z.enum(GRADES)),
    cells: z.array(
      z.object({
        typeKey: z.string(),
        priority: z.enum(TICKET_PRIORITIES),
        customerGrade: z.enum(GRADES).nullable(),
        policies: z.partialRecord(MetricSchema, ResolvedSchema),
      }),
    ),
  })
  .meta({ id: 'SlaPolicyMatrix' });
