import { z } from 'zod';
import { PageQuerySchema } from '../../../lib/pagination.js';
import { EMAIL_DIRECTIONS, EMAIL_OUTCOMES } from '../email.tables.js';

export const PollResultSchema = z
  .object({
    /** Mails read from the mailbox in this poll. */
    fetched: z.number().int(),
    created: z.number().int(),
    threaded: z.number().int(),
    ignored: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    /** Already recorded (read before, or by another instance). */
    duplicate: z.number().int(),
  })
  .meta({ id: 'EmailPollResult' });

export const EmailMessageSchema = z
  .object({
    id: z.uuid(),
    messageId: z.string(),
    direction: z.enum(EMAIL_DIRECTIONS),
    /** created / threaded (a ticket or a message on one), ignored (auto-reply, bounce…), skipped, failed; outbound: queued. */
    outcome: z.enum(EMAIL_OUTCOMES),
    /** Why it was ignored or skipped (`auto_reply`, `bounce`, `too_large:…`), or how it was threaded (`subject_number`). */
    reason: z.string().nullable(),
    ticketId: z.uuid().nullable(),
    ticketMessageId: z.uuid().nullable(),
    notificationId: z.uuid().nullable(),
    fromAddress: z.string().nullable(),
    fromName: z.string().nullable(),
    toAddress: z.string().nullable(),
    subject: z.string().nullable(),
    inReplyTo: z.string().nullable(),
    size: z.number().int().nullable(),
    attachments: z.array(
      z.object({ fileName: z.string(), size: z.number().int().optional(), refused: z.string().optional() }),
    ),
    attempts: z.number().int(),
    at: z.date(),
  })
  .meta({ id: 'EmailMessage' });

export const ListEmailMessagesQuerySchema = PageQuerySchema.extend({
  outcome: z.enum(EMAIL_OUTCOMES).optional(),
  /** `in` (default): mails read; `out`: replies sent to customers. */
  direction: z.enum(EMAIL_DIRECTIONS).default('in'),
});
