import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.date(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
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
