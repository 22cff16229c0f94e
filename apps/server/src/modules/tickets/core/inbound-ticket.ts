import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DEFAULT_LOCALE, t } from '@kefu/shared';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { RequestContext } from '../../../lib/actor.js';
import { AppError, notFound } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { contactOfCustomer } from '../../customers/index.js';
import { userNameSql } from '../../users/index.js';
import { refusedExtension, safeFileName, sniff, storedContentType } from '../conversation/attachments.files.js';
import { insertAttachment, messageBelongsTo } from '../conversation/attachments.repository.js';
import { fileKey, newStorageKey } from '../conversation/attachments.storage.js';
import { reindexTicket, ticketVector } from '../queue/tickets.search.js';
import { type TICKET_PRIORITIES, ticketMessages, tickets, ticketTypes } from '../tickets.tables.js';
import { clearWaiting } from './set-waiting.js';
import * as repo from './tickets.repository.js';
import { assertDepartment, assertType } from './tickets.rules.js';

/**
 * Tickets and customer messages that arrive from outside — an e-mail, a signed inbound webhook, a
 * web form —, written by the system (no user actor) in the caller's transaction, under the same
 * rules as an agent's: numbering, search vector, history, audit (the channel and source say where
 * it came from), events `ticket.created` / `ticket.replied`, attachment limits and the file store.
 */
export type InboundChannel = 'email' | 'web' | 'api';

export type OpenInboundTicketInput = {
  channel: InboundChannel;
  customerId: string | null;
  /** One of the customer's contacts (the sender matched a contact's address); ignored unless it is the customer's. */
  contactId?: string | null;
  subject: string;
  description: string;
  typeKey?: string;
  priority?: (typeof TICKET_PRIORITIES)[number];
  /** Where it came from, for history and audit: `email:<address>`, `inbound:<source id>`. */
  source?: string;
  /** The sender when no customer matched (a name or an address). */
  contactName?: string | null;
  contactPhone?: string | null;
  departmentId?: string | null;
};

/** The subject column is a line: longer subjects are cut (the whole text stays in the description). */
const SUBJECT_MAX = 200;
const DEFAULT_TYPE = 'consultation';

function systemContext(channel: string, source: string | undefined): RequestContext {
  return {
    actor: null,
    ip: null,
    userAgent: `inbound:${channel}${source ? ` ${source}` : ''}`.slice(0, 300),
    requestId: `inbound-${channel}`,
    locale: 'zh-CN',
  };
}

/** The type a ticket of unknown kind gets: 咨询 (consultation) when active, else the first active non-complaint type. */
async function defaultType(tx: DbOrTx) {
  const preferred = await repo.findTicketType(tx, DEFAULT_TYPE);
  if (preferred?.isActive) return preferred;
  const [first] = await tx
    .select()
    .from(ticketTypes)
    .where(and(eq(ticketTypes.isActive, true), eq(ticketTypes.isComplaint, false)))
    .orderBy(asc(ticketTypes.sortOrder), asc(ticketTypes.key))
    .limit(1);
  if (!first) throw new AppError('tickets.type_not_found', 400, { params: { key: DEFAULT_TYPE } });
  return first;
}

/**
 * Opens a ticket for a message from outside: status `received`, nobody assigned (the queue of the
 * type's default department picks it up), the description as given. The customer, if any, must
 * exist; no data scope applies (no one is calling).
 */
export async function openInboundTicket(tx: DbOrTx, _deps: Deps, input: OpenInboundTicketInput) {
  const type = input.typeKey ? await assertType(tx, input.typeKey) : await defaultType(tx);
  const departmentId = input.departmentId ?? type.defaultDepartmentId ?? null;
  const contactId =
    input.customerId && input.contactId && (await contactOfCustomer(tx, input.contactId, input.customerId))
      ? input.contactId
      : null;
  await assertDepartment(tx, departmentId);
  const subject = (input.subject.replace(/\s+/g, ' ').trim() || t(DEFAULT_LOCALE, 'ticket.inbound.no_subject')).slice(
    0,
    SUBJECT_MAX,
  );
  const description = input.description.trim() || subject;
  const number = await repo.nextTicketNumber(tx);
  const row = await repo.insertTicket(
    tx,
    {
      number,
      typeKey: type.key,
      channel: input.channel,
      priority: input.priority ?? 'normal',
      status: 'received',
      subject,
      description,
      customerId: input.customerId,
      contactId,
      contactName: input.customerId ? null : (input.contactName?.slice(0, 200) ?? null),
      contactPhone: input.customerId ? null : (input.contactPhone?.slice(0, 50) ?? null),
      departmentId,
      createdBy: null,
    },
    ticketVector({ number, subject, description }, []),
  );
  const source = input.source ?? input.channel;
  await repo.insertHistory(tx, [
    {
      ticketId: row.id,
      actorId: null,
      action: 'created',
      after: {
        typeKey: row.typeKey,
        channel: row.channel,
        priority: row.priority,
        status: row.status,
        subject: row.subject,
        assigneeId: null,
        departmentId: row.departmentId,
        isMajor: row.isMajor,
        nextReplyAt: null,
      },
      note: `inbound:${source}`.slice(0, 500),
    },
  ]);
  await recordAudit(tx, systemContext(input.channel, input.source), {
    action: 'ticket.created',
    entityType: 'ticket',
    entityId: row.id,
    after: { number: row.number, typeKey: row.typeKey, customerId: row.customerId, status: row.status, source },
  });
  await recordEvent(tx, 'ticket.created', {
    ticketId: row.id,
    customerId: row.customerId,
    typeKey: row.typeKey,
    isComplaint: type.isComplaint,
  });
  return { id: row.id, number: row.number };
}

/** How many merges an inbound message follows to the ticket that lives on. */
const MERGE_HOPS = 10;

/** Locks the ticket (following merges to the surviving one); undefined when there is none. */
async function lockLiveTicket(tx: DbOrTx, ticketId: string) {
  let id = ticketId;
  for (let hop = 0; hop <= MERGE_HOPS; hop++) {
    const [row] = await tx.select().from(tickets).where(eq(tickets.id, id)).for('update').limit(1);
    if (!row) return undefined;
    if (row.status !== 'merged' || !row.mergedIntoId) return row;
    id = row.mergedIntoId;
  }
  return undefined;
}

/**
 * Appends a customer message (kind `inbound`) to a ticket — to the one it was merged into, if it
 * was. The customer wrote: a wait on the customer ends; a resolved ticket, or one awaiting the
 * customer's feedback, reopens (→ investigating, as the `reopen` action); a closed ticket stays
 * closed (reopening it is a supervisor's decision) and keeps the message.
 */
export async function appendInboundMessage(
  tx: DbOrTx,
  _deps: Deps,
  ticketId: string,
  input: { body: string; from: string; channel?: InboundChannel },
) {
  const ticket = await lockLiveTicket(tx, ticketId);
  if (!ticket) throw notFound('tickets.not_found');
  const ctx = systemContext(input.channel ?? ticket.channel, input.from);
  const message = await repo.insertMessage(tx, {
    ticketId: ticket.id,
    kind: 'inbound',
    channel: input.channel ?? ticket.channel,
    body: input.body.trim() || t(DEFAULT_LOCALE, 'ticket.inbound.empty_body'),
    authorId: null,
  });
  const patch: Partial<repo.TicketInsert> = {};
  if (await clearWaiting(tx, null, ticket, 'auto', 'customer')) patch.waitingOn = null;
  const reopen = ticket.status === 'resolved' || ticket.status === 'feedback';
  if (reopen) Object.assign(patch, { status: 'investigating', resolvedAt: null, closedAt: null });
  if (reopen) {
    // A status change is an edit: the version moves, so a form opened before it is refused.
    await repo.updateTicketVersioned(tx, ticket.id, ticket.version, patch);
    const before = { status: ticket.status, resolvedAt: ticket.resolvedAt?.toISOString() ?? null, closedAt: null };
    const after = { status: 'investigating', resolvedAt: null, closedAt: null };
    await repo.insertHistory(tx, [
      { ticketId: ticket.id, actorId: null, action: 'transition:reopen', before, after, note: 'inbound' },
    ]);
    await recordAudit(tx, ctx, {
      action: 'ticket.status_changed',
      entityType: 'ticket',
      entityId: ticket.id,
      before,
      after,
      details: { from: input.from.slice(0, 300), messageId: message.id },
    });
    await recordEvent(tx, 'ticket.status_changed', { ticketId: ticket.id, from: ticket.status, to: 'investigating' });
  } else {
    await repo.touchTicket(tx, ticket.id, patch);
  }
  await reindexTicket(tx, ticket.id);
  await recordEvent(tx, 'ticket.replied', {
    ticketId: ticket.id,
    messageId: message.id,
    kind: 'inbound',
    forbiddenOverride: false,
  });
  return { messageId: message.id, ticketId: ticket.id, reopened: reopen };
}

export type InboundFile = { fileName: string | undefined; contentType: string | undefined; bytes: Uint8Array };

/** Why a file was not attached (the caller records it; the message itself is kept). */
export type RefusedFile = { refused: 'too_large' | 'empty' | 'type_refused'; fileName: string; type?: string };

/**
 * Attaches a file that came with an inbound message under the upload rules (size limit, no
 * executables or scripts by name or first bytes, a safe name): stored in the file store, then
 * recorded with history, audit and `ticket.updated`. A refused file is answered, not thrown, so
 * that one bad attachment does not lose the message. The file is put in the store before the
 * caller's transaction commits; if that transaction fails, an unreferenced file remains.
 */
export async function attachInboundFile(
  tx: DbOrTx,
  deps: Deps,
  ticketId: string,
  messageId: string | null,
  file: InboundFile,
): Promise<{ attachmentId: string; fileName: string; size: number } | RefusedFile> {
  const fileName = safeFileName(file.fileName);
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  if (bytes.length === 0) return { refused: 'empty', fileName };
  if (bytes.length > deps.config.attachments.maxBytes) return { refused: 'too_large', fileName };
  const ext = refusedExtension(file.fileName ?? '') ?? refusedExtension(fileName);
  if (ext) return { refused: 'type_refused', fileName, type: `.${ext}` };
  const sniffed = sniff(bytes.subarray(0, 4096));
  if (sniffed.kind === 'refused') return { refused: 'type_refused', fileName, type: sniffed.type };
  if (messageId && !(await messageBelongsTo(tx, ticketId, messageId))) throw notFound('tickets.message_not_found');

  const storageKey = newStorageKey();
  await deps.files.put(fileKey(storageKey), Readable.from([bytes]));
  try {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const inserted = await insertAttachment(tx, {
      ticketId,
      messageId,
      fileName,
      contentType: storedContentType(sniffed, file.contentType),
      size: bytes.length,
      sha256,
      storageKey,
      uploadedBy: null,
    });
    const after = { attachmentId: inserted.id, fileName, size: inserted.size, sha256 };
    await repo.touchTicket(tx, ticketId);
    await repo.insertHistory(tx, [{ ticketId, actorId: null, action: 'attachment_added', after }]);
    await recordAudit(tx, systemContext('inbound', undefined), {
      action: 'ticket_attachment.created',
      entityType: 'ticket_attachment',
      entityId: inserted.id,
      after: { ticketId, ...after, contentType: inserted.contentType },
    });
    await recordEvent(tx, 'ticket.updated', { ticketId, fields: ['attachments'] });
    return { attachmentId: inserted.id, fileName, size: inserted.size };
  } catch (error) {
    await deps.files.remove(fileKey(storageKey)).catch(() => undefined);
    throw error;
  }
}

/** Is `result` a refusal? */
export function isRefusedFile(result: Awaited<ReturnType<typeof attachInboundFile>>): result is RefusedFile {
  return 'refused' in result;
}

/**
 * A ticket message with what a channel needs to send it on to the customer: the ticket's number,
 * subject, channel and customer, the author's name. No data scope (the system sends it).
 */
export async function findMessageForDelivery(db: DbOrTx, messageId: string) {
  const [row] = await db
    .select({
      messageId: ticketMessages.id,
      kind: ticketMessages.kind,
      messageChannel: ticketMessages.channel,
      body: ticketMessages.body,
      authorName: userNameSql(ticketMessages.authorId),
      ticketId: tickets.id,
      number: tickets.number,
      subject: tickets.subject,
      channel: tickets.channel,
      customerId: tickets.customerId,
      nextReplyAt: tickets.nextReplyAt,
    })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(eq(ticketMessages.id, messageId))
    .limit(1);
  return row;
}

/** The ticket with this number (`GD0000123`) — its id and customer —, if there is one. */
export async function findTicketIdByNumber(db: DbOrTx, number: string) {
  const [row] = await db
    .select({ id: tickets.id, customerId: tickets.customerId })
    .from(tickets)
    .where(eq(tickets.number, number))
    .limit(1);
  return row ?? null;
}

/** Which of these ids are tickets. */
export async function existingTicketIds(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: tickets.id }).from(tickets).where(inArray(tickets.id, ids));
  return rows.map((r) => r.id);
}
