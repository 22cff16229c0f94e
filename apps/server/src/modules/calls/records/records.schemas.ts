import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../../lib/pagination.js';
import { TICKET_PRIORITIES } from '../../tickets/index.js';
import { CALL_DIRECTIONS, CALL_OUTCOMES, CALL_SOURCES } from '../calls.tables.js';

const instant = z.iso.datetime({ offset: true });

export const CallSchema = z
  .object({
    id: z.uuid(),
    source: z.enum(CALL_SOURCES),
    externalId: z.string().describe('The PBX’s id of the call'),
    queue: z.string(),
    direction: z.enum(CALL_DIRECTIONS),
    callerNumber: z.string().nullable(),
    agent: z.string().nullable().describe('The PBX agent (member) name'),
    agentUserId: z.uuid().nullable(),
    agentName: z.string().nullable().describe('The mapped Kefu user’s name'),
    enteredAt: instant,
    connectedAt: instant.nullable(),
    endedAt: instant.nullable(),
    outcome: z.enum(CALL_OUTCOMES),
    waitSeconds: z.number().int().nullable(),
    talkSeconds: z.number().int().nullable().describe('Null when answered without a COMPLETE line (unknown)'),
    ringNoAnswerCount: z.number().int(),
    ringNoAnswerMs: z.number().int(),
    transferred: z.boolean(),
    customerId: z.uuid().nullable().describe('The customer the caller’s number matched'),
    customerName: z.string().nullable().describe('Null when the customer is outside the reader’s data scope'),
    contactId: z.uuid().nullable(),
    ticketId: z.uuid().nullable().describe('The ticket the call was turned into'),
  })
  .meta({ id: 'Call' });
export type CallDto = z.infer<typeof CallSchema>;

export const ListCallsQuerySchema = PageQuerySchema.omit({ sort: true }).extend({
  from: instant.optional().describe('Entered at or after'),
  to: instant.optional().describe('Entered before'),
  queue: z.string().min(1).max(200).optional(),
  agent: z.string().min(1).max(200).optional().describe('PBX agent (member) name'),
  outcome: z.enum(CALL_OUTCOMES).optional(),
  direction: z.enum(CALL_DIRECTIONS).optional(),
  customerId: z.uuid().optional(),
  linked: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(
      'true: calls linked to a customer; false: calls whose number matched none (with outcome=abandoned: the abandoned callers no callback task was made for)',
    ),
  q: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^[0-9+]+$/)
    .optional()
    .describe('Caller number, or part of it (digits and +)'),
});
export type ListCallsQuery = z.infer<typeof ListCallsQuerySchema>;

export const CallPageSchema = pageOf(CallSchema).meta({ id: 'CallPage' });

export const CallIdParamsSchema = z.object({ id: z.uuid() });

export const CallTicketBodySchema = z.strictObject({
  callId: z.uuid().describe('The call to turn into a ticket'),
  typeKey: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .optional()
    .describe('Default: the first active ticket type that is not a complaint'),
  subject: z.string().trim().min(1).max(200).optional().describe('Default: the queue and the caller’s number'),
  description: z
    .string()
    .trim()
    .min(1)
    .max(20_000)
    .optional()
    .describe('Default: the call’s facts (time, queue, wait, talk, agent)'),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  nextReplyAt: instant.optional().describe('Required by tickets for a complaint type'),
});
export type CallTicketBody = z.infer<typeof CallTicketBodySchema>;

export const CallTicketSchema = z
  .object({
    callId: z.uuid(),
    ticketId: z.uuid(),
    ticketNumber: z.string(),
    created: z.boolean().describe('False when the call had been turned into this ticket before'),
  })
  .meta({ id: 'CallTicket' });
