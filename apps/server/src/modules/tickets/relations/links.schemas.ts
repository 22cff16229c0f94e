import { z } from 'zod';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '../tickets.tables.js';

export const MergeBodySchema = z.strictObject({
  /** The duplicate that is merged into this ticket (and ends `merged`). */
  sourceId: z.uuid(),
  /** The version of this (the target) ticket the client read: a stale one is a 409. */
  version: z.number().int().min(1),
});

export const LinkBodySchema = z.strictObject({ ticketId: z.uuid() });

export const LinkParamsSchema = z.object({ id: z.uuid(), linkedId: z.uuid() });

export const RelatedTicketSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    subject: z.string(),
    status: z.enum(TICKET_STATUSES),
    typeKey: z.string(),
    isComplaint: z.boolean(),
    priority: z.enum(TICKET_PRIORITIES),
    assignee: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    relation: z
      .enum(['related', 'merged_from', 'merged_into'])
      .describe(
        'related: linked; merged_from: a duplicate merged into this one; merged_into: this one was merged there',
      ),
    /** When they were linked, or merged. */
    since: z.string(),
  })
  .meta({ id: 'RelatedTicket' });

export const RelatedTicketListSchema = z.object({ items: z.array(RelatedTicketSchema) });
