import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.date(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable().describe('The actor as written with the entry: display name (username)'),
    actorDisplayName: z
      .string()
      .nullable()
      .describe("The actor's display name today (the name written with the entry when the user is gone)"),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    targetLabel: z
      .string()
      .nullable()
      .describe(
        "A readable label of the target: a user's or department's name, a role's name in the request's language, a ticket's number, a customer's code (not its name: that would be a read of the customer, ADR 0006); null for other types",
      ),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    details: z.unknown().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const AuditFilterSchema = z.object({
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export const ListAuditQuerySchema = PageQuerySchema.extend(AuditFilterSchema.shape);
export const ExportAuditQuerySchema = AuditFilterSchema.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });
