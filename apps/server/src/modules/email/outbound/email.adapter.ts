import type { ChannelAdapter, DeliveryResult, OutboundMessage } from '../../../lib/channel-adapter.js';
import type { Deps } from '../../../lib/deps.js';
import { messageIdDomain, missingSmtp } from '../settings.config.js';
import { readSettings } from '../settings.repository.js';
import { type Mail, sendMail } from './smtp.transport.js';
import { idsOf, normaliseMessageId, taggedSubject } from './threading.headers.js';

const LOG_BYTES = 8 * 1024;
const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/**
 * The mail a notification becomes. `headers` (from the notification) may carry `messageId`,
 * `inReplyTo`, `references` (threading) and `ticketNumber` (the subject then carries
 * `[#<number>]`). Messages no person wrote (every topic but `ticket.reply`) are marked
 * `Auto-Submitted: auto-generated` so that other systems do not answer them automatically.
 */
export function mailOf(message: OutboundMessage, domain: string): Mail {
  const h = message.headers ?? {};
  const ticketNumber = str(h.ticketNumber);
  const messageId = str(h.messageId)
    ? normaliseMessageId(str(h.messageId) as string)
    : `<kefu.n.${message.id}@${domain}>`;
  const inReplyTo = str(h.inReplyTo);
  const references = idsOf(Array.isArray(h.references) ? (h.references as string[]) : str(h.references));
  return {
    to: message.recipient,
    subject: ticketNumber ? taggedSubject(message.subject, ticketNumber) : message.subject,
    text: message.body,
    messageId,
    inReplyTo: inReplyTo ? normaliseMessageId(inReplyTo) : undefined,
    references: references.length > 0 ? references : undefined,
    headers: message.topic === 'ticket.reply' ? undefined : { 'Auto-Submitted': 'auto-generated' },
  };
}

function requestLog(mail: Mail) {
  const lines = [
    `To: ${mail.to}`,
    `Subject: ${mail.subject}`,
    `Message-ID: ${mail.messageId ?? ''}`,
    ...(mail.inReplyTo ? [`In-Reply-To: ${mail.inReplyTo}`] : []),
    ...(mail.references ? [`References: ${mail.references.join(' ')}`] : []),
    '',
    mail.text,
  ];
  return lines.join('\n').slice(0, LOG_BYTES);
}

/** Sends one mail with the saved settings (test button and adapter alike). */
export async function deliverMail(deps: Deps, mail: (domain: string) => Mail): Promise<DeliveryResult> {
  const settings = await readSettings(deps.database.db);
  const missing = missingSmtp(settings);
  const built = mail(messageIdDomain(settings));
  if (missing.length > 0) {
    return {
      ok: false,
      status: null,
      request: requestLog(built),
      error: `E-mail is not set up: ${missing.join(', ')}`,
      retryable: true,
    };
  }
  const outcome = await sendMail(settings, built);
  if (outcome.ok) {
    return {
      ok: true,
      status: outcome.status,
      request: requestLog(built),
      response: outcome.response.slice(0, LOG_BYTES),
      retryable: false,
      providerId: outcome.messageId,
    };
  }
  return {
    ok: false,
    status: outcome.status,
    request: requestLog(built),
    response: outcome.response?.slice(0, LOG_BYTES),
    error: outcome.error,
    retryable: outcome.retryable,
  };
}

/** The `email` delivery channel (lib/channel-adapter.ts): SMTP through nodemailer. */
export const emailAdapter: ChannelAdapter = {
  channel: 'email',
  send: (deps, message) => deliverMail(deps, (domain) => mailOf(message, domain)),
};
