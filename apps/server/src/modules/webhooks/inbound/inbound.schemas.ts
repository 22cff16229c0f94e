import { z } from 'zod';
import { TICKET_PRIORITIES } from '../../tickets/index.js';

const NameSchema = z.string().trim().min(1).max(100);
const TypeKeySchema = z.string().trim().min(1).max(64);

export const InboundSourceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    ticketTypeKey: z.string().nullable(),
    priority: z.enum(TICKET_PRIORITIES).nullable(),
    enabled: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'InboundSource' });

export const CreatedInboundSourceSchema = InboundSourceSchema.extend({
  secret: z.string().describe('The secret the sender signs with (Standard Webhooks), answered this once'),
}).meta({ id: 'CreatedInboundSource' });

export const CreateInboundSourceBodySchema = z.strictObject({
  name: NameSchema,
  secret: z.string().trim().max(200).optional().describe('`whsec_` + base64 of 24–64 bytes; generated when absent'),
  ticketTypeKey: TypeKeySchema.nullable().optional(),
  priority: z.enum(TICKET_PRIORITIES).nullable().optional(),
  enabled: z.boolean().optional(),
});

export const UpdateInboundSourceBodySchema = z.strictObject({
  name: NameSchema.optional(),
  ticketTypeKey: TypeKeySchema.nullable().optional(),
  priority: z.enum(TICKET_PRIORITIES).nullable().optional(),
  enabled: z.boolean().optional(),
});

export const SourceIdParamsSchema = z.object({ id: z.uuid() });
export const InboundParamsSchema = z.object({ sourceId: z.uuid() });

/** What a sender posts: the Standard Webhooks envelope `{ type, timestamp, data }`. */
export const InboundEventSchema = z
  .object({
    type: z.string().trim().min(1).max(100).describe('Free to the sender, e.g. `ticket.requested`'),
    timestamp: z.string().max(40).optional().describe('When it happened at the sender (ISO 8601)'),
    data: z.object({
      subject: z.string().trim().min(1).max(500),
      description: z.string().max(20_000).default(''),
      contact: z
        .object({
          name: z.string().trim().max(200).optional(),
          phone: z.string().trim().max(50).optional(),
          email: z.string().trim().max(254).optional(),
        })
        .optional()
        .describe('Matched to a customer by phone or e-mail; kept on the ticket when none matches'),
      typeKey: TypeKeySchema.optional().describe('A ticket type key; the source’s default otherwise'),
      priority: z.enum(TICKET_PRIORITIES).optional(),
    }),
  })
  .meta({
    id: 'InboundEvent',
    example: {
      type: 'ticket.requested',
      timestamp: '2026-12-07T08:00:00Z',
      data: {
        subject: '热水器不出热水',
        description: '小程序报修：今早开始热水器不出热水，显示 E1。',
        contact: { name: '王女士', phone: '13800138000' },
        typeKey: 'repair',
        priority: 'high',
      },
    },
  });
export type InboundEvent = z.infer<typeof InboundEventSchema>;

export const InboundResultSchema = z
  .object({
    ticketId: z.uuid(),
    number: z.string(),
    customerId: z.uuid().nullable().describe('The customer matched by phone or e-mail, if any'),
  })
  .meta({ id: 'InboundResult' });
