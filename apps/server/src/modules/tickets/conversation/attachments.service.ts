import type { Readable } from 'node:stream';
import type { Actor } from '../../../lib/actor.js';
import { AppError, badRequest, notFound } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/audit.service.js';
import { findTicketInScope, insertHistory, touchTicket } from '../core/tickets.repository.js';
import { type Ctx, loadForWrite } from '../core/tickets.rules.js';
import { assertNotMerged } from '../relations/merge.service.js';
import { refusedExtension, safeFileName, servedContentType, sniff, storedContentType } from './attachments.files.js';
import * as repo from './attachments.repository.js';
import * as storage from './attachments.storage.js';

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
 * limit, or an executable or script (by name and by its first bytes). The file is written and
 * hashed first, checked, then moved into place; the record, history and audit entry commit
 * together (the file is removed again if they do not).
 */
export async function uploadAttachment(deps: Deps, ctx: Ctx, ticketId: string, upload: Upload) {
  const { dir, maxBytes } = deps.config.attachments;
  const fileName = safeFileName(upload.fileName);
  try {
    await assertNotMerged(deps.database.db, await assertInScope(deps, ctx.actor, ticketId));
    const ext = refusedExtension(upload.fileName ?? '') ?? refusedExtension(fileName);
    if (ext) throw refused(`.${ext}`);
  } catch (error) {
    await drain(upload.stream);
    throw error;
  }
  const received = await storage.receiveFile(dir, upload.stream);
  const sniffed = sniff(received.head);
  let failure: AppError | null = null;
  if (received.truncated) failure = tooLarge(maxBytes);
  else if (received.size === 0) failure = new AppError('tickets.attachment_missing', 400);
  else if (sniffed.kind === 'refused') failure = refused(sniffed.type);
  if (failure) {
    await storage.discard(received.tmpPath);
    throw failure;
  }

  const storageKey = storage.newStorageKey();
  await storage.keepFile(dir, received.tmpPath, storageKey);
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
      return inserted;
    });
    deps.bus.emit('ticket.updated', { ticketId, fields: ['attachments'] }, ctx.actor.userId);
    return toDto(ctx.actor, { attachment: row, uploaderName: ctx.actor.displayName });
  } catch (error) {
    await storage.removeFile(dir, storageKey);
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
  const file = await storage.openFile(deps.config.attachments.dir, a.storageKey);
  if (!file) throw notFound('tickets.attachment_not_found');
  await recordAudit(deps.database.db, ctx, {
    action: 'ticket_attachment.viewed',
    entityType: 'ticket_attachment',
    entityId: a.id,
    details: { ticketId, fileName: a.fileName, size: a.size },
  });
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
    return a;
  });
  await storage.removeFile(deps.config.attachments.dir, removed.storageKey).catch(() => undefined);
  deps.bus.emit('ticket.updated', { ticketId, fields: ['attachments'] }, ctx.actor.userId);
}
