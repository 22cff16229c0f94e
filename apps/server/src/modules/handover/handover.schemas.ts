import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';

const parties = {
  fromUserId: z.uuid().describe('The leaving user'),
  toUserId: z.uuid().describe('The successor (must be active)'),
};

export const HandoverPreviewBodySchema = z.strictObject({
  ...parties,
  /** Everything the leaving user holds; a later version may hand over a selection. */
  scope: z.enum(['all']).default('all'),
});

export const HandoverBodySchema = z.strictObject({
  ...parties,
  reason: z.string().trim().min(1).max(500),
  notifyCustomers: z.boolean(),
  /**
   * The customer notice; placeholders {客户名称}/{customerName}, {新对接人}/{newContact},
   * {新对接人电话}/{newContactPhone}, {原对接人}/{previousContact}. Default: a Chinese notice.
   */
  messageTemplate: z.string().trim().min(1).max(1000).optional(),
  /** Also disable the leaving user's account and end their sessions (needs users.write). */
  deactivateFrom: z.boolean().default(false),
});
export type HandoverInput = z.infer<typeof HandoverBodySchema>;

export const HandoverPreviewItemSchema = z
  .looseObject({
    id: z.string(),
    code: z.string().nullable(),
    name: z.string(),
    grade: z.string().nullable().optional(),
    role: z.string().nullable().optional(),
    successorRole: z.string().nullable().optional(),
  })
  .meta({ id: 'HandoverPreviewItem' });

const PartySchema = z.object({ id: z.uuid(), displayName: z.string(), isActive: z.boolean() });

export const HandoverPreviewSchema = z
  .object({
    from: PartySchema,
    to: PartySchema,
    scope: z.enum(['all']),
    contributions: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        count: z.number().int(),
        items: z.array(HandoverPreviewItemSchema),
        warnings: z.array(
          z.object({ code: z.string(), count: z.number().int(), items: z.array(HandoverPreviewItemSchema) }),
        ),
      }),
    ),
  })
  .meta({ id: 'HandoverPreview' });

export const HandoverSchema = z
  .object({
    id: z.uuid(),
    fromUserId: z.uuid(),
    fromName: z.string(),
    toUserId: z.uuid(),
    toName: z.string(),
    reason: z.string(),
    counts: z.record(z.string(), z.number().int()),
    notify: z.boolean(),
    createdBy: z.uuid().nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Handover' });
export type HandoverView = z.infer<typeof HandoverSchema>;

export const HandoverResultSchema = HandoverSchema.extend({
  affectedCustomers: z.number().int(),
  deactivatedFrom: z.boolean(),
  /** The customer-notice job, when one was queued. */
  notifyJobId: z.string().nullable(),
}).meta({ id: 'HandoverResult' });

export const ListHandoversQuerySchema = PageQuerySchema.extend({
  /** Handovers from or to this user. */
  userId: z.uuid().optional(),
});
