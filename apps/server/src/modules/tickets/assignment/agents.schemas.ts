import { z } from 'zod';
import { AGENT_STATUSES } from '../tickets.tables.js';

/** A skill, as ticket types ask for it (ticket_types.skill) and agents have it. */
export const SkillSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,31}$/, 'skill: a-z, 0-9, _');

export const AgentStatusSchema = z
  .enum(AGENT_STATUSES)
  .describe('on_shift: picked by automatic assignment; away and off: never picked');
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

export const AgentSchema = z
  .object({
    userId: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    roleKey: z.string(),
    departmentId: z.uuid().nullable(),
    departmentName: z.string().nullable(),
    status: AgentStatusSchema,
    skills: z.array(z.string()),
    /** Open tickets (received, classified, investigating) assigned to the agent. */
    openTickets: z.number().int(),
    /** The same tickets weighted by priority (urgent 4, high 2, normal 1, low 0.5), as least-loaded compares. */
    load: z.number(),
    /** Of the open tickets, those overdue: next reply promised before now, or a time limit breached. */
    overdue: z.number().int(),
    lastAssignedAt: z.string().nullable(),
  })
  .meta({ id: 'Agent' });
export type Agent = z.infer<typeof AgentSchema>;

export const ListAgentsQuerySchema = z.object({
  departmentId: z.uuid().optional(),
  status: AgentStatusSchema.optional(),
  skill: z.string().max(32).optional(),
});
export type AgentFilter = z.infer<typeof ListAgentsQuerySchema> & { userId?: string };

export const AgentListSchema = z.object({ items: z.array(AgentSchema) });

export const MyStatusBodySchema = z.strictObject({ status: AgentStatusSchema });

export const UpdateAgentBodySchema = z.strictObject({
  status: AgentStatusSchema.optional(),
  skills: z.array(SkillSchema).max(20).optional(),
});
export type UpdateAgentInput = z.infer<typeof UpdateAgentBodySchema>;

export const AgentUserParamsSchema = z.object({ userId: z.uuid() });
