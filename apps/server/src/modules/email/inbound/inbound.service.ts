import { createHash } from 'node:crypto';
import type { ParsedMail } from 'mailparser';
import type { Deps } from '../../../lib/deps.js';
import { findCustomerByContact } from '../../customers/index.js';
import {
  appendInboundMessage,
  attachInboundFile,
  existingTicketIds,
  findTicketIdByNumber,
  isRefusedFile,
  openInboundTicket,
} from '../../tickets/index.js';
import * as messages from '../messages.repository.js';
import { idsOf, normaliseMessageId, numberInSubject, ticketOfKefuId } from '../outbound/threading.headers.js';
import { ignoreReason, withoutQuote } from './inbound.classify.js';

/** What `processMail` made of a mail. */
export type InboundOutcome = 'created' | 'threaded' | 'ignored' | 'duplicate';

/** A ticket message holds at most this much text (the API's limit); longer mails are cut. */
const BODY_MAX = 20_000;
/** Attachments taken from one mail at most. */
const MAX_ATTACHMENTS = 20;
/** After this many failed tries a mail is given up (`skipped`) so that the mailbox moves on. */
export const MAX_ATTEMPTS = 5;

export type MailMeta = { uid: number | null; size: number | null; ownAddress: string | null };

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The Message-ID of a mail, or one made from its bytes when it has none (the same mail gets the same id). */
export function messageIdOf(parsed: Pick<ParsedMail, 'messageId'>, source: Buffer): string {
  const id = parsed.messageId?.trim();
  if (id && id.length <= 900) return normaliseMessageId(id);
  return `<sha256.${createHash('sha256').update(source).digest('hex')}@kefu.missing-id>`;
}

function headerMap(parsed: ParsedMail): Map<string, string> {
  const map = new Map<string, string>();
  for (const { key, line } of parsed.headerLines ?? []) {
    if (map.has(key)) continue;
    const colon = line.indexOf(':');
    map.set(
      key,
      line
        .slice(colon + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    );
  }
  return map;
}

function contentTypeOf(parsed: ParsedMail): string {
  const value = parsed.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (!value?.value) return 'text/plain';
  const params = Object.entries(value.params ?? {}).map(([k, v]) => `; ${k}=${v}`);
  return `${value.value}${params.join('')}`;
}

function senderOf(parsed: ParsedMail) {
  const first = parsed.from?.value?.[0];
  const address = first?.address?.trim().toLowerCase() || null;
  const name = first?.name?.trim() || null;
  return { address, name, display: name && address ? `${name} <${address}>` : (address ?? name ?? '') };
}

/**
 * The ticket a mail answers: a mail Kefu knows named in In-Reply-To / References (or a Kefu
 * Message-ID there, which names its ticket); else the ticket number in the subject — only when
 * the sender already wrote on that ticket or is its customer (a number alone is guessable, an
 * unknown sender's mail with it opens a new ticket instead).
 */
async function threadOf(
  tx: Parameters<typeof messages.claimMessage>[0],
  parsed: ParsedMail,
  sender: string | null,
  customerId: string | null,
) {
  const ids = [...idsOf(parsed.inReplyTo), ...idsOf(parsed.references).reverse()];
  const mapped = await messages.ticketOfMessages(tx, ids);
  if (mapped) return { ticketId: mapped, by: 'headers' as const };
  const named = [...new Set(ids.map(ticketOfKefuId).filter((id): id is string => Boolean(id)))];
  const [kefu] = await existingTicketIds(tx, named);
  if (kefu) return { ticketId: kefu, by: 'headers' as const };
  const number = numberInSubject(parsed.subject);
  if (!number || !sender) return null;
  const ticket = await findTicketIdByNumber(tx, number);
  if (!ticket) return null;
  const known =
    (customerId && ticket.customerId === customerId) || (await messages.senderKnownOn(tx, ticket.id, sender));
  return known ? { ticketId: ticket.id, by: 'subject' as const } : null;
}

/**
 * Turns one mail into a ticket, a message on its ticket, or an ignored record — exactly once: the
 * Message-ID is claimed in the same transaction as the ticket (a mail already recorded answers
 * `duplicate`; one that failed before is tried again). Attachments are stored under the upload
 * rules; refused ones are listed with why.
 */
export async function processMail(
  deps: Deps,
  parsed: ParsedMail,
  source: Buffer,
  meta: MailMeta,
): Promise<{ outcome: InboundOutcome; ticketId: string | null; reason: string | null }> {
  const messageId = messageIdOf(parsed, source);
  const sender = senderOf(parsed);
  const subject = (parsed.subject ?? '').trim();
  return deps.database.db.transaction(async (tx) => {
    await messages.removeFailed(tx, messageId);
    const base = {
      messageId,
      direction: 'in' as const,
      fromAddress: sender.address,
      fromName: sender.name ? cut(sender.name, 200) : null,
      toAddress: parsed.to
        ? cut(
            [parsed.to]
              .flat()
              .map((a) => a.text)
              .join(', '),
            500,
          )
        : null,
      subject: cut(subject, 500),
      inReplyTo: idsOf(parsed.inReplyTo)[0] ?? null,
      references: idsOf(parsed.references).slice(-50),
      imapUid: meta.uid,
      size: meta.size,
    };
    const reason = ignoreReason({
      headers: headerMap(parsed),
      contentType: contentTypeOf(parsed),
      fromAddress: sender.address,
      subject,
      messageId,
      ownAddress: meta.ownAddress,
    });
    if (reason) {
      const row = await messages.claimMessage(tx, { ...base, outcome: 'ignored', reason });
      return { outcome: row ? 'ignored' : 'duplicate', ticketId: null, reason };
    }
    const claimed = await messages.claimMessage(tx, { ...base, outcome: 'created' });
    if (!claimed) return { outcome: 'duplicate', ticketId: null, reason: null };

    const match = sender.address ? await findCustomerByContact(tx, { email: sender.address }) : null;
    const customerId = match?.customerId ?? null;
    const text = (parsed.text ?? '').replace(/\r\n/g, '\n').trim();
    const thread = await threadOf(tx, parsed, sender.address, customerId);
    let ticketId: string;
    let ticketMessageId: string | null = null;
    let outcome: InboundOutcome;
    if (thread) {
      const appended = await appendInboundMessage(tx, deps, thread.ticketId, {
        body: cut(withoutQuote(text) || subject, BODY_MAX),
        from: sender.display,
        channel: 'email',
      });
      ticketId = appended.ticketId;
      ticketMessageId = appended.messageId;
      outcome = 'threaded';
    } else {
      const opened = await openInboundTicket(tx, deps, {
        channel: 'email',
        customerId,
        contactId: match?.contactId ?? null,
        subject: subject || text.split('\n')[0] || '',
        description: cut(text || subject, BODY_MAX),
        source: `email:${sender.address ?? ''}`,
        contactName: customerId ? null : sender.display,
      });
      ticketId = opened.id;
      outcome = 'created';
    }
    const attachments: { fileName: string; size?: number; refused?: string }[] = [];
    for (const file of parsed.attachments.slice(0, MAX_ATTACHMENTS)) {
      const result = await attachInboundFile(tx, deps, ticketId, ticketMessageId, {
        fileName: file.filename,
        contentType: file.contentType,
        bytes: file.content,
      });
      attachments.push(
        isRefusedFile(result)
          ? { fileName: result.fileName, refused: result.type ? `${result.refused}:${result.type}` : result.refused }
          : { fileName: result.fileName, size: result.size },
      );
    }
    for (const file of parsed.attachments.slice(MAX_ATTACHMENTS))
      attachments.push({ fileName: file.filename ?? 'attachment', refused: 'too_many' });
    await messages.settle(tx, messageId, {
      outcome: outcome === 'threaded' ? 'threaded' : 'created',
      ticketId,
      ticketMessageId,
      attachments,
      reason: thread?.by === 'subject' ? 'subject_number' : null,
    });
    return { outcome, ticketId, reason: null };
  });
}

/** Records a mail that was not processed (too large, unreadable, given up): once, with why. */
export async function recordUnprocessed(
  deps: Deps,
  values: { messageId: string; outcome: 'skipped' | 'failed'; reason: string; subject?: string | null } & MailMeta & {
      fromAddress?: string | null;
    },
) {
  return deps.database.db.transaction(async (tx) => {
    if (values.outcome === 'failed') {
      const retried = await messages.recordRetry(tx, values.messageId, values.reason);
      if (retried) return retried;
    } else {
      await messages.removeFailed(tx, values.messageId);
    }
    return messages.claimMessage(tx, {
      messageId: values.messageId,
      direction: 'in',
      outcome: values.outcome,
      reason: cut(values.reason, 1000),
      subject: values.subject ? cut(values.subject, 500) : null,
      fromAddress: values.fromAddress ?? null,
      imapUid: values.uid,
      size: values.size,
    });
  });
}
