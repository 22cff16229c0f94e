import type { DurableListener, StoredEvent } from '../../../events/listener.js';
import { customerContactPoints } from '../../customers/index.js';
import { queueNotification } from '../../notifications/index.js';
import { findMessageForDelivery } from '../../tickets/index.js';
import { claimMessage, lastInbound } from '../messages.repository.js';
import { messageIdDomain } from '../settings.config.js';
import { readSettings } from '../settings.repository.js';
import { kefuMessageId, referencesFor, replySubject } from './threading.headers.js';

/**
 * A public reply to the customer leaves by e-mail when it was written on the e-mail channel (the
 * ticket's, unless the agent picked another), or when the customer can only be reached by e-mail
 * (an address, no phone). It goes to the sender of the customer's last mail on the ticket, else
 * to the customer's address, threaded under that mail: Message-ID
 * `<kefu.<ticketId>.<messageId>@<domain>>`, In-Reply-To and References, the ticket number in the
 * subject. Queued in the listener's transaction (exactly once per reply) through the notification
 * layer (topic `ticket.reply`: template, opt-out, quiet hours, retries, delivery log); the mail's
 * id is recorded in `email_messages` so that the customer's answer threads back onto the ticket.
 */
export const replyByEmail: DurableListener = {
  name: 'email.reply_to_customer',
  events: ['ticket.replied'],
  async handle({ tx, event }) {
    const { payload } = event as StoredEvent<'ticket.replied'>;
    if (payload.kind !== 'reply') return;
    const message = await findMessageForDelivery(tx, payload.messageId);
    if (message?.kind !== 'reply') return;
    const customer = message.customerId ? await customerContactPoints(tx, message.customerId) : null;
    const channel = message.messageChannel ?? message.channel;
    const emailOnly = Boolean(customer?.email) && !customer?.phone;
    if (channel !== 'email' && !emailOnly) return;

    const parent = await lastInbound(tx, message.ticketId);
    const recipient = parent?.fromAddress ?? customer?.email ?? null;
    if (!recipient) return;
    const settings = await readSettings(tx);
    const messageId = kefuMessageId(message.ticketId, message.messageId, messageIdDomain(settings));
    const references = referencesFor(parent?.references ?? [], parent?.messageId ?? null);
    const subject = replySubject(parent?.subject?.trim() || message.subject);
    const notificationId = await queueNotification(tx, {
      channel: 'email',
      recipient,
      topic: 'ticket.reply',
      customerId: message.customerId,
      headers: {
        messageId,
        inReplyTo: parent?.messageId ?? null,
        references,
        ticketNumber: message.number,
      },
      vars: {
        customerName: customer?.name ?? parent?.fromName ?? '',
        ticketNumber: message.number,
        agentName: message.authorName ?? '',
        nextReplyAt: message.nextReplyAt ? message.nextReplyAt.toISOString() : '',
      },
      subject,
      body: message.body,
      ref: `ticket:${message.ticketId}/message:${message.messageId}`,
    });
    await claimMessage(tx, {
      messageId,
      direction: 'out',
      outcome: 'queued',
      ticketId: message.ticketId,
      ticketMessageId: message.messageId,
      notificationId,
      fromAddress: settings.fromAddress || null,
      toAddress: recipient,
      subject,
      inReplyTo: parent?.messageId ?? null,
      references,
    });
  },
};
