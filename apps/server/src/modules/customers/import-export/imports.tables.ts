import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../users/users.tables.js';

/** PostgreSQL `bytea`: node-postgres hands back a Buffer, PGlite a Uint8Array; both become a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) =>
    Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

export const IMPORT_STATUSES = [
  'uploaded',
  'queued',
  'running',
  'validated',
  'completed',
  'rejected',
  'failed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One problem of one row: `row` as the user sees it in the file (the header is row 1). */
export type ImportRowIssue = { row: number; field: string | null; reason: string; params?: Record<string, unknown> };
/**
 * A flagged row: the same phone or e-mail as an earlier row (`inFileRow`), as existing customers the
 * importer may see (`codes`), and/or as customers outside the importer's scope (`elsewhere`: how many
 * and whom to ask, never which).
 */
export type ImportDuplicate = {
  row: number;
  field: 'phone' | 'email';
  inFileRow?: number;
  codes?: string[];
  elsewhere?: { count: number; contacts: string[] };
};

/**
 * A customer import (CSV or Excel): the uploaded file's shape, the mapping and options of its last
 * run, progress while it runs, and its result with per-row problems. Belongs to the user who
 * uploaded it; nobody else sees it.
 */
export const customerImports = pgTable(
  'customer_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    /** How the bytes were decoded: utf-8, utf-8-bom or gb18030 (CSV); xlsx is always UTF-8. */
    encoding: text('encoding').notNull(),
    fileSize: integer('file_size').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    sampleRows: jsonb('sample_rows').$type<string[][]>().notNull().default([]),
    suggestedMapping: jsonb('suggested_mapping').$type<Record<string, number>>().notNull().default({}),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('uploaded'),
    /** The last run's mapping (field → column index) and options (mode, duplicates, dryRun). */
    mapping: jsonb('mapping').$type<Record<string, number>>(),
    options: jsonb('options').$type<{ mode: string; duplicates: string; dryRun: boolean }>(),
    /** Data rows in the file (blank rows not counted). */
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    /** Rows that pass (or passed) every check and are not skipped as duplicates. */
    validRows: integer('valid_rows').notNull().default(0),
    /** Rows actually written: 0 for a dry run and for a rejected all-or-nothing run. */
    importedRows: integer('imported_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    duplicateRows: integer('duplicate_rows').notNull().default(0),
    skippedRows: integer('skipped_rows').notNull().default(0),
    /** Row problems and flagged duplicates (capped; the counts above are always complete). */
    errors: jsonb('errors').$type<ImportRowIssue[]>().notNull().default([]),
    duplicates: jsonb('duplicates').$type<ImportDuplicate[]>().notNull().default([]),
    /** Why a run failed as a whole (unreadable file, internal error): an error code and its params. */
    failure: jsonb('failure').$type<{ code: string; params?: Record<string, unknown>; detail?: string }>(),
    jobId: text('job_id'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_imports_user_idx').on(t.userId, t.createdAt.desc())],
);

/** The uploaded bytes, apart so that reading an import's status never loads them; dropped once imported. */
export const customerImportFiles = pgTable('customer_import_files', {
  importId: uuid('import_id')
    .primaryKey()
    .references(() => customerImports.id, { onDelete: 'cascade' }),
  content: bytea('content').notNull(),
});
