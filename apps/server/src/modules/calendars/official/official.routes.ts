import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { problems } from '../../../lib/route-helpers.js';
import { actorContext } from '../../../plugins/auth.js';
import { ProblemSchema } from '../../../plugins/error-handler.js';
import {
  ImportQuerySchema,
  OfficialImportResultSchema,
  OfficialYearParamsSchema,
  OfficialYearSchema,
  OfficialYearsSchema,
  PutOfficialYearBodySchema,
} from './official.schemas.js';
import * as service from './official.service.js';

/** The largest arrangement file accepted (a year is a few KiB; a whole multi-year feed well under this). */
export const OFFICIAL_IMPORT_MAX_BYTES = 256 * 1024;
const tooLarge = () => new AppError('calendars.import_file_too_large', 413, { params: { limit: '256 KiB' } });

/**
 * The official holiday arrangements (放假安排, 调休): /api/v1/business-calendars/official/years.
 * Everyone signed in may read them; `calendars.manage` replaces a year or imports a file.
 */
export const officialRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart, {
    limits: { fileSize: OFFICIAL_IMPORT_MAX_BYTES, files: 1, fields: 4, parts: 5, fieldSize: 64 },
  });
  const read = { access: 'authenticated' } as const;
  const manage = { access: 'calendars.manage' } as const;

  app.get(
    '',
    {
      config: read,
      schema: {
        operationId: 'listOfficialYears',
        summary: 'The years of official arrangements on file, and whether next year is still missing',
        response: { 200: OfficialYearsSchema, ...problems },
      },
    },
    async () => service.listOfficialYears(deps),
  );

  app.get(
    '/:year',
    {
      config: read,
      schema: {
        operationId: 'getOfficialYear',
        summary: 'The official days off and make-up working days (调休) of a year',
        params: OfficialYearParamsSchema,
        response: { 200: OfficialYearSchema, ...problems },
      },
    },
    async (request) => service.getOfficialYear(deps, request.locale, request.params.year),
  );

  app.put(
    '/:year',
    {
      config: manage,
      schema: {
        operationId: 'replaceOfficialYear',
        summary: 'Replace the official arrangement of a year (every date in that year; an empty list removes it)',
        params: OfficialYearParamsSchema,
        body: PutOfficialYearBodySchema,
        response: { 200: OfficialYearSchema, ...problems },
      },
    },
    async (request) => service.replaceOfficialYear(deps, actorContext(request), request.params.year, request.body.days),
  );

  app.post(
    '/import',
    {
      config: manage,
      schema: {
        operationId: 'importOfficialArrangement',
        summary:
          'Import an arrangement from an .ics or .json file (multipart field "file", ≤ 256 KiB; field or query dryRun=true only parses)',
        consumes: ['multipart/form-data'],
        querystring: ImportQuerySchema,
        // For the OpenAPI document only: the multipart parser leaves the body empty.
        body: z
          .unknown()
          .describe('multipart/form-data: an optional field "dryRun" (true|false), then a file part "file"'),
        response: { 200: OfficialImportResultSchema, ...problems, 413: ProblemSchema, 415: ProblemSchema },
      },
    },
    async (request) => {
      // Refuse an oversized upload before reading it; the multipart limit catches a lying length.
      if (Number(request.headers['content-length'] ?? 0) > OFFICIAL_IMPORT_MAX_BYTES + 16 * 1024) throw tooLarge();
      if (!request.isMultipart()) throw new AppError('calendars.import_file_missing', 400);
      let dryRun = request.query.dryRun === 'true';
      let file: { fileName: string; bytes: Buffer } | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'dryRun') dryRun = String(part.value) === 'true';
          } else if (part.fieldname === 'file' && !file) {
            file = { fileName: part.filename || 'upload', bytes: await part.toBuffer() };
          } else await part.toBuffer();
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
        throw error;
      }
      if (!file) throw new AppError('calendars.import_file_missing', 400);
      return service.importOfficialArrangement(deps, actorContext(request), { ...file, dryRun });
    },
  );
};
