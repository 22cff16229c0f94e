import { z } from 'zod';
import { TICKET_PRIORITIES } from '../tickets.tables.js';

/**
 * How a ticket gets its assignee:
 * - manual: `assigneeId` (tickets.assign);
 * - round_robin / least_loaded: among agents on shift in the ticket's department with the skill its
 *   type asks for (tickets.assign);
 * - unassign: back to the team queue (tickets.assign);
 * - take: the caller takes it (tickets.write is enough).
 */
export const ASSIGN_STRATEGIES = ['manual', 'round_robin', 'least_loaded', 'unassign', 'take'] as const;
export type AssignStrategy = (typeof ASSIGN_STRATEGIES)[number];

const StrategySchema = z
  .enum(ASSIGN_STRATEGIES)
  .describe(
    'manual: to `assigneeId`; round_robin / least_loaded: among agents on shift with the skill; unassign; take: to me',
  );

export const AssignBodySchema = z.strictObject({
  /** The version the client read; a stale one is a 409 (optimistic locking). */
  version: z.number().int().min(1),
  strategy: StrategySchema,
  /** Required with `manual`. */
  assigneeId: z.uuid().optional(),
});
export type AssignInput = z.infer<typeof AssignBodySchema>;

export const BULK_ACTIONS = ['assign', 'priority', 'add_tag', 'watch'] as const;
export const BULK_LIMIT = 200;

export const BulkBodySchema = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(BULK_LIMIT),
  action: z
    .enum(BULK_ACTIONS)
    .describe(
      'assign (`strategy`, default manual with `assigneeId`), priority (`priority`), add_tag (`tag`), watch (the caller watches)',
    ),
  strategy: StrategySchema.optional(),
  assigneeId: z.uuid().optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  tag: z.string().trim().min(1).max(32).optional(),
});
export type BulkInput = z.infer<typeof BulkBodySchema>;

export const BulkResultSchema = z
  .object({
    results: z.array(
      z.object({
        id: z.uuid(),
        ok: z.boolean(),
        /** Why this ticket was not changed (`tickets.not_found` also when it is outside the caller's scope). */
        code: z.string().nullable(),
        message: z.string().nullable(),
      }),
    ),
    succeeded: z.number().int(),
    failed: z.number().int(),
  })
  .meta({ id: 'TicketBulkResult' });
export type BulkResult = z.infer<typeof BulkResultSchema>;

export const WatcherBodySchema = z.strictObject({ userId: z.uuid() });
export const WatcherParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });
export const WatchersSchema = z.array(z.object({ id: z.uuid(), displayName: z.string() }));
