import { z } from 'zod';
import { BASE_IMPORT_FIELDS } from './import.fields.js';
import { IMPORT_STATUSES } from './imports.tables.js';

const FIELD_KEY = new RegExp(`^(?:${BASE_IMPORT_FIELDS.join('|')}|customFields\\.[a-z][a-z0-9_]{0,31})$`);

/** Field → 0-based column index, e.g. `{ "name": 0, "phone": 2, "customFields.industry": 5 }`. */
export const ImportMappingSchema = z
  .record(z.string().regex(FIELD_KEY, 'field'), z.number().int().min(0).max(16_383))
  .meta({ id: 'CustomerImportMapping' });

export const RunImportBodySchema = z.strictObject({
  /** Omitted: the suggested mapping. */
  mapping: ImportMappingSchema.optional(),
  /** `all_or_nothing`: one bad row and nothing is written. `skip_bad_rows`: good rows are written, bad ones reported. */
  mode: z.enum(['all_or_nothing', 'skip_bad_rows']).default('skip_bad_rows'),
  /** Rows with the phone or e-mail of an earlier row or an existing customer: left out, or imported and only flagged. */
  duplicates: z.enum(['skip', 'import']).default('skip'),
  /** Check every row and report, write nothing. */
  dryRun: z.boolean().default(false),
});

const RowProblemSchema = z.object({
  row: z.number().int().describe('Row number in the file; the header is row 1'),
  field: z.string().nullable(),
  column: z.string().nullable().describe('Column letter and header, e.g. "C 电话"'),
  reason: z.string(),
  message: z.string(),
});

const DuplicateSchema = z.object({
  row: z.number().int(),
  field: z.enum(['phone', 'email']),
  column: z.string().nullable(),
  inFileRow: z.number().int().optional(),
  codes: z.array(z.string()).optional().describe('existing customers with this value that the importer may see'),
  elsewhere: z
    .object({ count: z.number().int(), contacts: z.array(z.string()) })
    .optional()
    .describe('customers outside the importer’s scope with this value: how many and whom to ask, never which'),
  message: z.string(),
});

export const CustomerImportSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string(),
    fileSize: z.number().int(),
    status: z.enum(IMPORT_STATUSES),
    headers: z.array(z.string()),
    sampleRows: z.array(z.array(z.string())),
    suggestedMapping: z.record(z.string(), z.number().int()),
    fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean(), custom: z.boolean() })),
    mapping: z.record(z.string(), z.number().int()).nullable(),
    options: z.object({ mode: z.string(), duplicates: z.string(), dryRun: z.boolean() }).nullable(),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    progress: z.number().int().min(0).max(100),
    validRows: z.number().int(),
    importedRows: z.number().int(),
    errorRows: z.number().int(),
    duplicateRows: z.number().int(),
    skippedRows: z.number().int(),
    errors: z.array(RowProblemSchema),
    duplicates: z.array(DuplicateSchema),
    failure: z.object({ code: z.string(), message: z.string() }).nullable(),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'CustomerImport' });

export const ImportIdParamsSchema = z.object({ id: z.uuid() });
