import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../../lib/pagination.js';
import { SLA_METRICS } from '../sla.tables.js';

export const TicketIdParamsSchema = z.object({ ticketId: z.uuid() });

export const EscalateBodySchema = z.strictObject({
  clockId: z.uuid(),
  /** The level to reach; above the current one. Above the next one (a skip) needs a reason. */
  level: z.number().int().min(1).max(20),
  reason: z.string().trim().max(1000).optional(),
});

export const EscalationSchema = z
  .object({
    id: z.string(),
    clockId: z.uuid(),
    level: z.number().int(),
    firedAt: z.iso.datetime({ offset: true }),
    manual: z.boolean(),
    /** The levels passed over. */
    skipped: z.array(z.number().int()),
    reason: z.string().nullable(),
    actorId: z.uuid(),
    /** Everyone told: the recipients of every level up to this one. */
    recipients: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .meta({ id: 'SlaEscalation' });

export const AtRiskQuerySchema = PageQuerySchema.omit({ sort: true }).extend({
  metric: z.enum(SLA_METRICS).optional(),
});

export const AtRiskItemSchema = z
  .object({
    ticketId: z.uuid(),
    number: z.string(),
    subject: z.string(),
    status: z.string(),
    priority: z.string(),
    typeKey: z.string(),
    assigneeId: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
    clockId: z.uuid(),
    metric: z.enum(SLA_METRICS),
    dueAt: z.iso.datetime({ offset: true }),
    /** Minutes to the due time in the clock's basis (business or wall-clock); negative when breached. */
    remainingMinutes: z.number().int(),
    state: z.enum(['running', 'breached']),
    /** The escalation ladder level reached (0: none). */
    ladderLevel: z.number().int(),
  })
  .meta({ id: 'SlaAtRiskItem' });

export const AtRiskPageSchema = pageOf(AtRiskItemSchema);
