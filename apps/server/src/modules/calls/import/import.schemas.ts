import { z } from 'zod';
import { CALL_IMPORT_STATUSES } from '../calls.tables.js';

export const CALL_IMPORT_FORMATS = ['asterisk-queue-log', 'csv'] as const;

export const CallImportIdParamsSchema = z.object({ id: z.uuid() });

const LineErrorSchema = z.object({
  line: z.number().int().describe('Line of the file (queue_log) or record of the CSV (the header is 1)'),
  code: z
    .string()
    .describe(
      'queue_log: bad_time, too_few_fields, line_too_long, unknown_event, orphan_event, bad_number; ' +
        'CSV: missing_field, bad_time, bad_outcome, bad_direction, bad_number',
    ),
  text: z.string().describe('The start of the line (at most 200 characters)'),
});

export const CallImportSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(CALL_IMPORT_STATUSES),
    format: z.enum(CALL_IMPORT_FORMATS),
    fileName: z.string(),
    bytes: z.number().int(),
    bytesRead: z.number().int(),
    progress: z.number().min(0).max(1).describe('Bytes read ÷ bytes (0–1); 1 when done'),
    lines: z.number().int().describe('Lines (queue_log) or records (CSV, with the header) read'),
    calls: z.number().int().describe('Calls (stays in a queue) read from the file'),
    inserted: z.number().int().describe('Calls new to Kefu'),
    updated: z.number().int().describe('Known calls this file settled (unresolved → resolved)'),
    errorCount: z.number().int().describe('Line errors, all counted'),
    errors: z.array(LineErrorSchema).describe('The first 1,000 line errors'),
    failure: z.object({ code: z.string(), message: z.string() }).nullable().describe('Why a run failed'),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CallImport' });
