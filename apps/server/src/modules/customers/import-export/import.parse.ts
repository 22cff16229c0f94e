import { AppError } from '../../../lib/app-error.js';
import { DEFAULT_FILE_LIMITS, FileEncodingError, FileFormatError, type FileLimits } from '../../../lib/files/limits.js';
import { readTable, type TableRow } from '../../../lib/files/table.js';
import { sniffEncoding, type TextEncodingName } from '../../../lib/files/text.js';

export type ImportFormat = 'csv' | 'xlsx';
export type SourceFile = { bytes: Buffer; format: ImportFormat; encoding: string };
/** One row of the file: `row` is its number as a spreadsheet shows it (the header is usually 1). */
export type FileRow = TableRow;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // legacy .xls (BIFF)
const ENCODINGS = new Set<string>(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030']);

/** Characters of a header or a sample cell sent back to the browser; the rest becomes "…". */
export const PREVIEW_CHARS = 200;
const preview = (text: string) => (text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text);

const unreadable = (format: ImportFormat) =>
  new AppError('customers.import_unreadable', 400, { params: { format: format === 'xlsx' ? 'Excel (.xlsx)' : 'CSV' } });

/**
 * Recognises the format from the bytes (the name only breaks ties) and the encoding of CSV text
 * (UTF-8 with or without BOM, UTF-16 with BOM, otherwise GB18030); nothing is decoded yet.
 */
export function identifyFile(bytes: Buffer, fileName: string): SourceFile {
  if (bytes.length === 0) throw new AppError('customers.import_empty_file', 400);
  const head = bytes.subarray(0, 4);
  if (head.equals(ZIP)) return { bytes, format: 'xlsx', encoding: 'utf-8' };
  if (head.equals(OLE2) || /\.xls$/i.test(fileName)) throw new AppError('customers.import_unsupported_format', 415);
  if (/\.(xlsx|xlsm)$/i.test(fileName)) throw unreadable('xlsx');
  if (!/\.(csv|txt|tsv)$/i.test(fileName) && !/^[^.]*$/.test(fileName)) {
    throw new AppError('customers.import_unsupported_format', 415);
  }
  return { bytes, format: 'csv', encoding: sniffEncoding(bytes) };
}

/** The file's limits for the customer import: the defaults, with the configured row count. */
export function importLimits(maxRows: number): FileLimits {
  return { ...DEFAULT_FILE_LIMITS, maxRows };
}

/** Reader faults as the import's localized errors; a limit's AppError passes as it is. */
function importError(file: SourceFile, error: unknown): unknown {
  if (error instanceof FileFormatError) return unreadable(file.format);
  if (error instanceof FileEncodingError) {
    return file.format === 'csv'
      ? new AppError('customers.import_bad_encoding', 400)
      : new AppError('files.invalid_utf8', 400, { params: { entry: error.entry ?? '', row: error.row ?? 1 } });
  }
  return error;
}

/** The file's non-blank rows in batches, each cell trimmed, bounded by `limits` (lib/files/table.ts). */
async function* fileRows(file: SourceFile, limits: FileLimits): AsyncGenerator<FileRow[]> {
  const encoding = ENCODINGS.has(file.encoding) ? (file.encoding as TextEncodingName) : undefined;
  try {
    for await (const batch of readTable({ bytes: file.bytes, format: file.format, encoding }, limits)) {
      if (batch.length > 0) yield batch.map((r) => ({ row: r.row, cells: r.cells.map((c) => c.trim()) }));
    }
  } catch (error) {
    throw importError(file, error);
  }
}

/**
 * The file as a header and a stream of batches of non-blank data rows, each cell trimmed. Throws
 * a localized 4xx when there is no header.
 */
export async function openRows(
  file: SourceFile,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): Promise<{ header: FileRow; rows: AsyncGenerator<FileRow[]> }> {
  const source = fileRows(file, limits);
  const first = await source.next();
  if (first.done) throw new AppError('customers.import_no_header', 400);
  const [header, ...rest] = first.value as [FileRow, ...FileRow[]];
  async function* rows(): AsyncGenerator<FileRow[]> {
    if (rest.length > 0) yield rest;
    yield* source;
  }
  return { header, rows: rows() };
}

/**
 * Reads the whole file once: header, the first rows as a sample, and the number of data rows.
 * Headers and sample cells are cut to PREVIEW_CHARS: what goes back to the browser stays small
 * whatever the file holds.
 */
export async function inspectFile(file: SourceFile, limits: FileLimits = DEFAULT_FILE_LIMITS, sampleSize = 5) {
  const { header, rows } = await openRows(file, limits);
  const sample: string[][] = [];
  let total = 0;
  for await (const batch of rows) {
    for (const r of batch.slice(0, sampleSize - sample.length)) sample.push(r.cells.map(preview));
    total += batch.length;
  }
  if (total === 0) throw new AppError('customers.import_no_rows', 400);
  return { headers: header.cells.map(preview), sample, total };
}
