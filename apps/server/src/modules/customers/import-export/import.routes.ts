import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { ProblemSchema } from '../../../plugins/error-handler.js';
import { CustomerImportSchema, ImportIdParamsSchema, RunImportBodySchema } from './import.schemas.js';
import * as service from './import.service.js';

/** The largest file an import accepts. */
export const IMPORT_MAX_BYTES = 100 * 1024 * 1024;
const tooLarge = () => new AppError('customers.import_file_too_large', 413, { params: { limit: '100 MB' } });

/**
 * Customer import (CSV, Excel): /api/v1/customer-imports. Upload a file (multipart, field `file`)
 * and get its headers, a sample and a suggested column mapping; run it (or dry-run it) with a
 * mapping; poll it for progress and the per-row report. An import is visible to its user only.
 */
export const customerImportsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['customers'];
  await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 11 } });

  app.post(
    '',
    {
      config: { access: 'customers.import' },
      schema: {
        tags,
        operationId: 'uploadCustomerImport',
        summary:
          'Upload a CSV (UTF-8 or GBK) or Excel file (multipart field "file", ≤ 100 MB); answers the suggested column mapping',
        consumes: ['multipart/form-data'],
        // For the OpenAPI document only: the multipart parser leaves the body empty, the file is streamed.
        body: z.unknown().describe('multipart/form-data with one file part named "file"'),
        response: { 201: CustomerImportSchema, ...problems, 413: ProblemSchema, 415: ProblemSchema },
      },
    },
    async (request, reply) => {
      // Refuse an oversized upload before reading it; the multipart limit catches a lying length.
      if (Number(request.headers['content-length'] ?? 0) > IMPORT_MAX_BYTES + 64 * 1024) throw tooLarge();
      if (!request.isMultipart()) throw new AppError('customers.import_file_missing', 400);
      const part = await request.file();
      if (part?.fieldname !== 'file') throw new AppError('customers.import_file_missing', 400);
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw error;
      }
      const view = await service.uploadImport(deps, actorContext(request), {
        fileName: part.filename || 'upload',
        bytes,
      });
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: 'customers.import' },
      schema: {
        tags,
        operationId: 'getCustomerImport',
        summary: 'An import of the caller: status, progress (0–100), counts, per-row problems and duplicates',
        params: ImportIdParamsSchema,
        response: { 200: CustomerImportSchema, ...problems },
      },
    },
    async (request) => service.getImport(deps, actorContext(request), request.params.id),
  );

  app.post(
    '/:id/run',
    {
      config: { access: 'customers.import' },
      schema: {
        tags,
        operationId: 'runCustomerImport',
        summary: 'Run or dry-run the import with a column mapping; 200 when done, 202 when it runs as a job (poll GET)',
        params: ImportIdParamsSchema,
        body: RunImportBodySchema,
        response: { 200: CustomerImportSchema, 202: CustomerImportSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await service.runImport(deps, actorContext(request), request.params.id, request.body);
      return reply.status(result.queued ? 202 : 200).send(result.view);
    },
  );
};
