import type { Readable } from 'node:stream';
import { recordEvent } from '../../../events/outbox.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError, badRequest, notFound } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { discard, spool } from '../../../lib/file-store/spool.js';
import { recordAudit } from '../../audit/index.js';
import { findTicketInScope, insertHistory, touchTicket } from '../core/tickets.repository.js';
import { type Ctx, loadForWrite } from '../core/tickets.rules.js';
import { assertNotMerged } from '../relations/merge.service.js';
import {
  refusedExtension,
  SNIFF_BYTES,
  safeFileName,
  servedContentType,
  sniff,
  storedContentType,
} from './attachments.files.js';
import * as repo from './attachments.repository.js';
import { fileKey, newStorageKey } from './attachments.storage.js';

export type Upload = {
  fileName: string | undefined;
  mimeType: string | undefined;
  stream: Readable & { truncated?: boolean };
  messageId?: string;
};

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
export const tooLarge = (maxBytes: number) =>
  new AppError('tickets.attachment_too_large', 413, { params: { limit: mb(maxBytes) } });
const refused = (type: string) => new AppError('tickets.attachment_type_refused', 415, { params: { type } });

function toDto(actor: Actor, row: { attachment: repo.AttachmentRow; uploaderName: string | null }) {
  const a = row.attachment;
  return {
    id: a.id,
    ticketId: a.ticketId,
    messageId: a.messageId,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    uploadedBy: a.uploadedBy ? { id: a.uploadedBy, displayName: row.uploaderName ?? '' } : null,
    createdAt: a.createdAt.toISOString(),
    downloadUrl: `/api/v1/tickets/${a.ticketId}/attachments/${a.id}`,
    canDelete: a.uploadedBy === actor.userId || actor.permissions.has('tickets.supervise'),
  };
}

async function assertInScope(deps: Deps, actor: Actor, ticketId: string) {
  const found = await findTicketInScope(deps.database.db, actor, ticketId);
  if (!found) throw notFound('tickets.not_found');
  return found.ticket;
}

/** Lets the rest of an unread upload flow by (bounded by the size limit), so the client gets the answer. */
async function drain(stream: Readable) {
  stream.resume();
  await new Promise<void>((resolve) => {
    if (stream.readableEnded || stream.destroyed) return resolve();
    stream
      .once('end', resolve)
      .once('close', resolve)
      .once('error', () => resolve());
  });
}

/**
 * Stores an uploaded file for a ticket in the caller's scope: refused when empty, over the size
 * limit, or an executable or script (by name and by its first bytes). The file is spooled to this
 * instance's disk and hashed first, checked, then put in the file store every instance reads
 * (`deps.files`); the record, history and audit entry commit together (the stored file is removed
 * again if they do not).
 */
export async function uploadAttachment(deps: Deps, ctx: Ctx, ticketId: string, upload: Upload) {
  const { maxBytes } = deps.config.attachments;
  const fileName = safeFileName(upload.fileName);
  try {
    await assertNotMerged(deps.database.db, await assertInScope(deps, ctx.actor, ticketId));
    const ext = refusedExtension(upload.fileName ?? '') ?? refusedExtension(fileName);
    if (ext) throw refused(`.${ext}`);
  } catch (error) {
    await drain(upload.stream);
    throw error;
  }
  const received = await spool(deps.config.files.spoolDir, upload.stream, SNIFF_BYTES);
  const sniffed = sniff(received.head);
  let failure: AppError | null = null;
  if (received.truncated) failure = tooLarge(maxBytes);
  else if (received.size === 0) failure = new AppError('tickets.attachment_missing', 400);
  else if (sniffed.kind === 'refused') failure = refused(sniffed.type);
  if (failure) {
    await discard(received.path);
    throw failure;
  }

  const storageKey = newStorageKey();
  try {
    await deps.files.putFile(fileKey(storageKey), received.path);
  } finally {
    await discard(received.path);
  }
  try {
    const row = await deps.database.db.transaction(async (tx) => {
      const { ticket } = await loadForWrite(tx, ctx.actor, ticketId);
      await assertNotMerged(tx, ticket);
      const messageId = upload.messageId?.toLowerCase() ?? null;
      if (messageId && !(await repo.messageBelongsTo(tx, ticketId, messageId))) {
        throw badRequest('tickets.message_not_found', {}, [{ path: 'messageId', message: messageId }]);
      }
      const inserted = await repo.insertAttachment(tx, {
        ticketId,
        messageId,
        fileName,
        contentType: storedContentType(sniffed, upload.mimeType),
        size: received.size,
        sha256: received.sha256,
        storageKey,
        uploadedBy: ctx.actor.userId,
      });
      const after = { attachmentId: inserted.id, fileName, size: inserted.size, sha256: inserted.sha256 };
      await touchTicket(tx, ticketId);
      await insertHistory(tx, [{ ticketId, actorId: ctx.actor.userId, action: 'attachment_added', after }]);
      await recordAudit(tx, ctx, {
        action: 'ticket_attachment.created',
        entityType: 'ticket_attachment',
        entityId: inserted.id,
        after: { ticketId, ...after, contentType: inserted.contentType },
      });
      await recordEvent(tx, 'ticket.updated', { ticketId, fields: ['attachments'] }, ctx.actor.userId);
      return inserted;
    });
    return toDto(ctx.actor, { attachment: row, uploaderName: ctx.actor.displayName });
  } catch (error) {
    // The record did not commit: its file goes (a failing store must not hide the first error).
    await deps.files.remove(fileKey(storageKey)).catch(() => undefined);
    throw error;
  }
}

export async function listAttachments(deps: Deps, actor: Actor, ticketId: string) {
  await assertInScope(deps, actor, ticketId);
  const rows = await repo.listAttachments(deps.database.db, ticketId);
  return { items: rows.map((r) => toDto(actor, r)) };
}

/**
 * Opens an attachment for download; the read is audited (customer files). The served type is a
 * checked image type or application/octet-stream — never anything a browser would run.
 */
export async function downloadAttachment(deps: Deps, ctx: Ctx, ticketId: string, attachmentId: string) {
  await assertInScope(deps, ctx.actor, ticketId);
  const found = await repo.findAttachment(deps.database.db, ticketId, attachmentId);
  if (!found) throw notFound('tickets.attachment_not_found');
  const a = found.attachment;
  const file = await deps.files.open(fileKey(a.storageKey));
  if (!file) throw notFound('tickets.attachment_not_found');
  try {
    await recordAudit(deps.database.db, ctx, {
      action: 'ticket_attachment.viewed',
      entityType: 'ticket_attachment',
      entityId: a.id,
      details: { ticketId, fileName: a.fileName, size: a.size },
    });
  } catch (error) {
    file.stream.destroy();
    throw error;
  }
  return { stream: file.stream, size: file.size, fileName: a.fileName, contentType: servedContentType(a.contentType) };
}

/** Deletes an attachment: its uploader or a supervisor. The file goes once the deletion committed. */
export async function deleteAttachment(deps: Deps, ctx: Ctx, ticketId: string, attachmentId: string) {
  const removed = await deps.database.db.transaction(async (tx) => {
    await loadForWrite(tx, ctx.actor, ticketId);
    const found = await repo.findAttachment(tx, ticketId, attachmentId);
    if (!found) throw notFound('tickets.attachment_not_found');
    const a = found.attachment;
    if (a.uploadedBy !== ctx.actor.userId && !ctx.actor.permissions.has('tickets.supervise')) {
      throw new AppError('tickets.attachment_delete_forbidden', 403);
    }
    await repo.deleteAttachment(tx, a.id);
    const before = { attachmentId: a.id, fileName: a.fileName, size: a.size, sha256: a.sha256 };
    await touchTicket(tx, ticketId);
    await insertHistory(tx, [{ ticketId, actorId: ctx.actor.userId, action: 'attachment_removed', before }]);
    await recordAudit(tx, ctx, {
      action: 'ticket_attachment.deleted',
      entityType: 'ticket_attachment',
      entityId: a.id,
      before: { ticketId, ...before, uploadedBy: a.uploadedBy },
    });
    await recordEvent(tx, 'ticket.updated', { ticketId, fields: ['attachments'] }, ctx.actor.userId);
    return a;
  });
  await deps.files.remove(fileKey(removed.storageKey)).catch(() => undefined);
}
