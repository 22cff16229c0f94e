import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { discard, type SpooledFile, spool } from '../../../lib/file-store/spool.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { ProblemSchema } from '../../../plugins/error-handler.js';
import { type CsvMapping, mappingProblems } from './import.csv.js';
import { CALL_IMPORT_FORMATS, CallImportIdParamsSchema, CallImportSchema } from './import.schemas.js';
import { type CallImportFormat, getImport, startImport } from './import.service.js';

/** The largest call file accepted. */
export const CALL_IMPORT_MAX_BYTES = 512 * 1024 * 1024;
const tooLarge = () => new AppError('calls.import_file_too_large', 413, { params: { limit: '512 MB' } });

/** A form field sent before the file part, if it is a plain string. */
function fieldValue(fields: Record<string, unknown>, name: string): string | undefined {
  const field = fields[name] as { type?: string; value?: unknown } | undefined;
  return field?.type === 'field' && typeof field.value === 'string' && field.value ? field.value : undefined;
}

/** The CSV mapping field: JSON `{ field: header }` with the required fields; else a 400. */
function parseMapping(text: string | undefined): CsvMapping {
  let mapping: unknown;
  try {
    mapping = text ? JSON.parse(text) : null;
  } catch {
    mapping = null;
  }
  if (!mapping || typeof mapping !== 'object' || Array.isArray(mapping) || text === undefined || text.length > 10_000)
    throw new AppError('calls.import_mapping_invalid', 400, { params: { fields: 'mapping' } });
  const wrong = mappingProblems(mapping as Record<string, unknown>);
  if (wrong.length > 0)
    throw new AppError('calls.import_mapping_invalid', 400, { params: { fields: wrong.join(', ') } });
  return mapping as CsvMapping;
}

/**
 * Call import: /api/v1/calls/imports. Upload an Asterisk queue_log or a CSV call list (multipart:
 * `format`, for CSV `mapping`, then `file`), streamed to disk, never held in memory; small files
 * answer 200 with the summary, larger ones 202 and a job (poll GET). An import is visible to its
 * user and to holders of `calls.manage`.
 */
export const callImportsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['calls'];
  await app.register(multipart, { limits: { fileSize: CALL_IMPORT_MAX_BYTES, files: 1, fields: 5, parts: 6 } });

  app.post(
    '',
    {
      config: { access: 'calls.import' },
      schema: {
        tags,
        operationId: 'importCalls',
        summary: 'Import call records: an Asterisk queue_log or a CSV with a column mapping (≤ 512 MB)',
        description:
          'multipart/form-data, in this order: `format` (`asterisk-queue-log` | `csv`); for CSV `mapping`, JSON ' +
          '`{ field: header }` with fields externalId, queue, enteredAt, outcome (required), direction, ' +
          'callerNumber, agent, connectedAt, endedAt, waitSeconds, talkSeconds; then the `file` (UTF-8, a CSV ' +
          'may be UTF-8 with BOM or GBK). Files up to 1 MB are imported at once (200); larger ones by a job ' +
          '(202; poll GET /calls/imports/{id}). Idempotent: importing a file again changes nothing.',
        consumes: ['multipart/form-data'],
        // For the OpenAPI document only: the multipart parser leaves the body empty, the file is streamed.
        body: z.unknown().describe('multipart/form-data: "format", for CSV "mapping", then one file part "file"'),
        response: { 200: CallImportSchema, 202: CallImportSchema, ...problems, 413: ProblemSchema },
      },
    },
    async (request, reply) => {
      // Refuse an oversized upload before reading it; the multipart limit catches a lying length.
      if (Number(request.headers['content-length'] ?? 0) > CALL_IMPORT_MAX_BYTES + 64 * 1024) throw tooLarge();
      if (!request.isMultipart()) throw new AppError('calls.import_file_missing', 400);
      const part = await request.file();
      if (!part) throw new AppError('calls.import_file_missing', 400);
      let format: CallImportFormat;
      let mapping: CsvMapping | null = null;
      try {
        if (part.fieldname !== 'file') throw new AppError('calls.import_file_missing', 400);
        const fields = part.fields as Record<string, unknown>;
        const given = fieldValue(fields, 'format');
        if (!given || !(CALL_IMPORT_FORMATS as readonly string[]).includes(given))
          throw new AppError('calls.import_format_invalid', 400);
        format = given as CallImportFormat;
        if (format === 'csv') mapping = parseMapping(fieldValue(fields, 'mapping'));
      } catch (error) {
        part.file.resume();
        throw error;
      }
      let received: SpooledFile;
      try {
        received = await spool(deps.config.files.spoolDir, part.file, 0);
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw error;
      }
      if (received.truncated || received.size === 0) {
        await discard(received.path);
        throw received.truncated ? tooLarge() : new AppError('calls.import_empty_file', 400);
      }
      const result = await startImport(deps, actorContext(request), {
        format,
        mapping,
        fileName: part.filename || 'upload',
        path: received.path,
        size: received.size,
      });
      return reply.status(result.queued ? 202 : 200).send(result.view);
    },
  );

  app.get(
    '/:id',
    {
      config: { access: 'calls.import' },
      schema: {
        tags,
        operationId: 'getCallImport',
        summary: 'A call import: status, progress (0–1), counts and the first line errors',
        params: CallImportIdParamsSchema,
        response: { 200: CallImportSchema, ...problems },
      },
    },
    async (request) => {
      const ctx = actorContext(request);
      return getImport(deps, ctx.actor, ctx.locale, request.params.id);
    },
  );
};
