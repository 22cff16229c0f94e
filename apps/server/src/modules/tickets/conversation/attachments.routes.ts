import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { attachmentHeader } from '../../../lib/export.js';
import { NoContent, problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { ProblemSchema } from '../../../plugins/error-handler.js';
import { TicketIdParamsSchema } from '../core/tickets.schemas.js';
import { AttachmentParamsSchema, AttachmentSchema, UploadAttachmentQuerySchema } from './attachments.schemas.js';
import * as service from './attachments.service.js';

/** A form field value sent before the file part, if it is a plain string. */
function fieldValue(fields: Record<string, unknown>, name: string): string | undefined {
  const field = fields[name] as { type?: string; value?: unknown } | undefined;
  return field?.type === 'field' && typeof field.value === 'string' && field.value ? field.value : undefined;
}

/**
 * Ticket attachments: /api/v1/tickets/:id/attachments. Files live in the file store every instance
 * reaches (config `files`: PostgreSQL, a directory or S3; ADR 0008); downloads are always attachments with
 * `nosniff` and a sandboxing CSP, so an uploaded page or SVG cannot run in the application's origin.
 */
export const ticketAttachmentsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['tickets'];
  const { maxBytes } = deps.config.attachments;
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 } });

  app.post(
    '/:id/attachments',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        operationId: 'uploadTicketAttachment',
        summary: `Upload a file (multipart field "file"; optional messageId); executables and scripts are refused, size limit ${Math.round(maxBytes / 1024 / 1024)} MB by default`,
        consumes: ['multipart/form-data'],
        params: TicketIdParamsSchema,
        querystring: UploadAttachmentQuerySchema,
        // For the OpenAPI document only: the multipart parser leaves the body empty, the file is streamed.
        body: z
          .unknown()
          .describe('multipart/form-data: an optional field "messageId", then one file part named "file"'),
        response: { 201: AttachmentSchema, ...problems, 413: ProblemSchema, 415: ProblemSchema },
      },
    },
    async (request, reply) => {
      // Refuse an oversized upload before reading it; the multipart limit catches a lying length.
      if (Number(request.headers['content-length'] ?? 0) > maxBytes + 64 * 1024) throw service.tooLarge(maxBytes);
      if (!request.isMultipart()) throw new AppError('tickets.attachment_missing', 400);
      const part = await request.file();
      if (!part) throw new AppError('tickets.attachment_missing', 400);
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw new AppError('tickets.attachment_missing', 400);
      }
      const attachment = await service.uploadAttachment(deps, actorContext(request), request.params.id, {
        fileName: part.filename,
        mimeType: part.mimetype,
        stream: part.file,
        messageId: request.query.messageId ?? fieldValue(part.fields as Record<string, unknown>, 'messageId'),
      });
      return reply.status(201).send(attachment);
    },
  );

  app.get(
    '/:id/attachments',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        operationId: 'listTicketAttachments',
        summary: 'The files attached to a ticket (those of merged duplicates included)',
        params: TicketIdParamsSchema,
        response: { 200: z.object({ items: z.array(AttachmentSchema) }), ...problems },
      },
    },
    async (request) => service.listAttachments(deps, actorContext(request).actor, request.params.id),
  );

  app.get(
    '/:id/attachments/:attachmentId',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        operationId: 'downloadTicketAttachment',
        summary:
          'Download a file (always Content-Disposition: attachment; images keep their type, anything else is application/octet-stream); audited',
        params: AttachmentParamsSchema,
        response: { 200: z.any().describe('the file'), ...problems },
      },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      const file = await service.downloadAttachment(deps, actorContext(request), id, attachmentId);
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', attachmentHeader(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('x-download-options', 'noopen')
        .header('cross-origin-resource-policy', 'same-origin')
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );

  app.delete(
    '/:id/attachments/:attachmentId',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        operationId: 'deleteTicketAttachment',
        summary: 'Delete a file (its uploader, or a supervisor)',
        params: AttachmentParamsSchema,
        response: { 204: NoContent, ...problems },
      },
    },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      await service.deleteAttachment(deps, actorContext(request), id, attachmentId);
      return reply.status(204).send(null);
    },
  );
};
