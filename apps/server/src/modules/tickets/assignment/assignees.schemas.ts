import { z } from 'zod';
import { AgentStatusSchema } from './agents.schemas.js';

export const AUTO_STRATEGIES = ['least_loaded', 'round_robin'] as const;

export const AssigneesQuerySchema = z.object({
  strategy: z
    .enum(AUTO_STRATEGIES)
    .default('least_loaded')
    .describe('The automatic rule whose pick is marked `suggested` (default least_loaded)'),
});

export const AssigneeSchema = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    departmentName: z.string().nullable(),
    status: AgentStatusSchema,
    skills: z.array(z.string()),
    /** The person has the skill the ticket's type asks for (true when the type asks for none). */
    matchesSkill: z.boolean(),
    /** Open tickets (received, classified, investigating) assigned to the person. */
    openTickets: z.number().int(),
    /** The same tickets weighted by priority (urgent 4, high 2, normal 1, low 0.5). */
    load: z.number(),
    /** Of the open tickets, those overdue: next reply promised before now, or a time limit breached. */
    overdue: z.number().int(),
    /** The person the automatic rule (`strategy`) would pick now; at most one. */
    suggested: z.boolean(),
  })
  .meta({ id: 'TicketAssignee' });
export type Assignee = z.infer<typeof AssigneeSchema>;

export const AssigneesSchema = z
  .object({
    /** The skill the ticket's type asks for (null: none). */
    skill: z.string().nullable(),
    strategy: z.enum(AUTO_STRATEGIES),
    /** On shift first (then away, then off), then the suggestion, then the lightest load, then by name. */
    items: z.array(AssigneeSchema),
  })
  .meta({ id: 'TicketAssignees' });
