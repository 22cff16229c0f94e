import { z } from 'zod';

export const AttachmentParamsSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const UploadAttachmentQuerySchema = z.object({
  /** The message the file belongs to (on this ticket); also accepted as a form field before the file. */
  messageId: z.uuid().optional(),
});

export const AttachmentSchema = z
  .object({
    id: z.uuid(),
    ticketId: z.uuid(),
    messageId: z.uuid().nullable(),
    fileName: z.string(),
    /** As stored: a checked image type, the declared type of other files, or application/octet-stream. */
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
    createdAt: z.string(),
    /** GET it to download (always as an attachment, never rendered inline). */
    downloadUrl: z.string(),
    /** The caller uploaded it or supervises tickets. */
    canDelete: z.boolean(),
  })
  .meta({ id: 'TicketAttachment' });
export type Attachment = z.infer<typeof AttachmentSchema>;
