import type { DbOrTx, Tx } from '../../../db/client.js';
import type { FileLimits } from '../../../lib/files/limits.js';
import { activeCustomerFields } from '../archive/custom-fields.js';
import { findExistingMatches, importerScope } from './import.duplicates.js';
import type { ImportMapping } from './import.fields.js';
import { type FileRow, openRows, type SourceFile } from './import.parse.js';
import * as repo from './import.repository.js';
import { convertRow, type ImportedCustomer, type RowLookups } from './import.rows.js';
import type { ImportDuplicate, ImportRowIssue, ImportStatus } from './imports.tables.js';

export type ImportMode = 'all_or_nothing' | 'skip_bad_rows';
export type DuplicatePolicy = 'skip' | 'import';
export type RunOptions = { mode: ImportMode; duplicates: DuplicatePolicy; dryRun: boolean };

export type ImportOutcome = {
  status: Extract<ImportStatus, 'validated' | 'completed' | 'rejected'>;
  totalRows: number;
  processedRows: number;
  validRows: number;
  importedRows: number;
  errorRows: number;
  duplicateRows: number;
  skippedRows: number;
  errors: ImportRowIssue[];
  duplicates: ImportDuplicate[];
};

/** Rows per multi-row INSERT, per duplicate look-up and per progress report. */
export const IMPORT_BATCH_SIZE = 1000;
/** Characters held in one batch: a batch of long rows is cut earlier, so memory stays bounded. */
export const IMPORT_BATCH_CHARS = 4 * 1024 * 1024;
/** Row problems and duplicates kept for the report; the counts stay exact beyond it. */
export const MAX_LISTED = 10_000;

class Rejected extends Error {}

async function* batches(source: AsyncIterable<FileRow[]>, size: number): AsyncGenerator<FileRow[]> {
  let batch: FileRow[] = [];
  let chars = 0;
  for await (const rows of source) {
    for (const row of rows) {
      batch.push(row);
      for (const cell of row.cells) chars += cell.length;
      if (batch.length >= size || chars >= IMPORT_BATCH_CHARS) {
        yield batch;
        batch = [];
        chars = 0;
      }
    }
  }
  if (batch.length > 0) yield batch;
}

const cellOf = (cells: string[], index: number | undefined) => (index === undefined ? '' : (cells[index] ?? ''));

/**
 * Reads the file row by row, checks each row, flags duplicates (the same phone or e-mail earlier in
 * the file or on an existing customer) and, unless it is a dry run, writes the good rows in
 * batches. Everything happens in a savepoint of `tx`: an all-or-nothing run with a bad row, or
 * any failure, rolls back every write of the run and leaves `tx` usable for the import's own record.
 */
export async function processImport(
  tx: Tx,
  args: {
    file: SourceFile;
    /** Bounds of the file (rows, columns, cells, inflated size), checked as it is read again. */
    limits: FileLimits;
    importId: string;
    mapping: ImportMapping;
    options: RunOptions;
    importerId: string;
    onProgress(processedRows: number): Promise<void>;
  },
): Promise<ImportOutcome> {
  const { mapping, options } = args;
  const out: ImportOutcome = {
    status: options.dryRun ? 'validated' : 'completed',
    totalRows: 0,
    processedRows: 0,
    validRows: 0,
    importedRows: 0,
    errorRows: 0,
    duplicateRows: 0,
    skippedRows: 0,
    errors: [],
    duplicates: [],
  };
  const seenPhones = new Map<string, number>();
  const seenEmails = new Map<string, number>();
  const flag = (d: ImportDuplicate) => {
    out.duplicateRows += 1;
    if (out.duplicates.length < MAX_LISTED) out.duplicates.push(d);
  };

  try {
    await tx.transaction(async (sp) => {
      const lookups: RowLookups = {
        definitions: await activeCustomerFields(sp),
        categories: await repo.categoryLookup(sp),
        users: new Map(),
        importerId: args.importerId,
      };
      const scope = await importerScope(sp, args.importerId);
      const { rows } = await openRows(args.file, args.limits);
      for await (const batch of batches(rows, IMPORT_BATCH_SIZE)) {
        const names = batch.flatMap((r) => [cellOf(r.cells, mapping.owner), cellOf(r.cells, mapping.backup)]);
        await repo.resolveUsers(sp, names, lookups.users);
        const good: { row: number; customer: ImportedCustomer }[] = [];
        for (const r of batch) {
          const result = convertRow(r.cells, r.row, mapping, lookups);
          if (result.ok) {
            good.push({ row: r.row, customer: result.customer });
          } else {
            out.errorRows += 1;
            for (const issue of result.issues) if (out.errors.length < MAX_LISTED) out.errors.push(issue);
          }
        }
        const toWrite = await dropDuplicates(sp, good, options.duplicates, { seenPhones, seenEmails, flag }, scope);
        out.validRows += toWrite.length;
        const writing = !options.dryRun && (options.mode === 'skip_bad_rows' || out.errorRows === 0);
        if (writing) {
          await repo.insertImportedCustomers(sp, toWrite, args.importId, args.importerId);
          out.importedRows += toWrite.length;
        }
        out.totalRows += batch.length;
        out.processedRows = out.totalRows;
        await args.onProgress(out.processedRows);
      }
      if (!options.dryRun && options.mode === 'all_or_nothing' && out.errorRows > 0) throw new Rejected();
    });
  } catch (error) {
    if (!(error instanceof Rejected)) throw error;
    out.status = 'rejected';
    out.importedRows = 0;
  }
  out.skippedRows = out.totalRows - (out.status === 'rejected' ? 0 : out.validRows);
  return out;
}

/**
 * Flags rows whose phone or e-mail appeared in an earlier row of the file or belongs to an existing
 * customer (one query per batch). With the `skip` policy flagged rows are left out; with `import`
 * they are written and only reported. Returns the rows to write.
 */
async function dropDuplicates(
  db: DbOrTx,
  good: { row: number; customer: ImportedCustomer }[],
  policy: DuplicatePolicy,
  seen: { seenPhones: Map<string, number>; seenEmails: Map<string, number>; flag(d: ImportDuplicate): void },
  scope: Awaited<ReturnType<typeof importerScope>>,
): Promise<ImportedCustomer[]> {
  const phones = good.map((g) => g.customer.phoneNormalized).filter((p): p is string => !!p);
  const emails = good.map((g) => g.customer.email?.toLowerCase()).filter((e): e is string => !!e);
  // Customers outside the importer's scope are reported without code or name (import.duplicates.ts).
  const codes = await findExistingMatches(db, scope, [...new Set(phones)], [...new Set(emails)]);
  const keep: ImportedCustomer[] = [];
  for (const { row, customer } of good) {
    let duplicate = false;
    const checks = [
      ['phone', customer.phoneNormalized, seen.seenPhones],
      ['email', customer.email?.toLowerCase(), seen.seenEmails],
    ] as const;
    for (const [field, value, map] of checks) {
      if (!value) continue;
      const earlier = map.get(value);
      const matches = codes[field].get(value);
      if (earlier !== undefined) seen.flag({ row, field, inFileRow: earlier });
      else if (matches) seen.flag({ row, field, ...matches });
      else map.set(value, row);
      duplicate = earlier !== undefined || !!matches;
      if (duplicate) break;
    }
    if (!duplicate || policy === 'import') keep.push(customer);
  }
  return keep;
}
