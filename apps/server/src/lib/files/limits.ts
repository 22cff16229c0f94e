import { columnLetter } from '@kefu/shared';
import { AppError } from '../app-error.js';

/**
 * Bounds for reading a file a user uploaded (spreadsheets now; queue logs and e-mail later). Every
 * reader in `lib/files` checks them while it reads, so a hostile file is refused after at most
 * one chunk past a limit, never after it has been inflated or decoded in full.
 */
export type FileLimits = {
  /** Inflated bytes of the one big zip entry read as a stream (the worksheet). */
  maxEntryBytes: number;
  /** Inflated bytes of each small part read whole (workbook, relationships, styles). */
  maxPartBytes: number;
  /** Inflated bytes of the shared-strings part (held in memory) and the number of strings in it. */
  maxSharedStringsBytes: number;
  maxSharedStrings: number;
  /** Inflated ÷ compressed size of an entry, checked once it is past `ratioFloorBytes`. */
  maxCompressionRatio: number;
  ratioFloorBytes: number;
  /** Entries in one zip file. */
  maxEntries: number;
  /** Characters (UTF-16 code units, as Excel counts them) of one cell. */
  maxCellChars: number;
  /** Columns holding data; empty cells beyond are ignored. */
  maxColumns: number;
  /** Data rows: non-blank rows after the header. */
  maxRows: number;
};

const MiB = 1024 * 1024;

export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxEntryBytes: 256 * MiB,
  maxPartBytes: 16 * MiB,
  maxSharedStringsBytes: 128 * MiB,
  maxSharedStrings: 4_000_000,
  maxCompressionRatio: 200,
  ratioFloorBytes: 4 * MiB,
  maxEntries: 10_000,
  maxCellChars: 32_767,
  maxColumns: 256,
  maxRows: 200_000,
};

/** `268435456` → `256 MB` (binary megabytes, as the upload limit is written). */
export function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Spreadsheet column letters: 0 → A, 27 → AB. */
export const columnName = columnLetter;

/** A file over one of the limits: 413 with the limit and where it was crossed. */
export const limitError = {
  entry: (entry: string, limit: number) =>
    new AppError('files.entry_too_large', 413, { params: { entry, limit: formatBytes(limit) } }),
  ratio: (entry: string, limit: number) => new AppError('files.compression_ratio', 413, { params: { entry, limit } }),
  sharedStrings: (limit: number) => new AppError('files.shared_strings_too_large', 413, { params: { limit } }),
  sharedString: (limit: number, index: number) =>
    new AppError('files.shared_string_too_long', 413, { params: { limit, index } }),
  entries: (limit: number) => new AppError('files.too_many_entries', 413, { params: { limit } }),
  rows: (limit: number, row: number) => new AppError('files.too_many_rows', 413, { params: { limit, row } }),
  columns: (limit: number, row: number, column: number) =>
    new AppError('files.too_many_columns', 413, { params: { limit, row, column: columnName(column) } }),
  cell: (limit: number, row: number, column: number) =>
    new AppError('files.cell_too_long', 413, { params: { limit, row, column: columnName(column) } }),
};

/** The bytes are not the format they claim (damaged zip, malformed XML); `reason` is for logs only. */
export class FileFormatError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'FileFormatError';
  }
}

/**
 * Text that does not decode in the file's encoding. Refused, never replaced by U+FFFD: a decoding
 * fault must not become stored text. `entry` names the zip part, `row` the last row started.
 */
export class FileEncodingError extends Error {
  readonly entry: string | undefined;
  row: number | undefined;
  /** The text of the failing piece before the fault, so that a reader can tell the row. */
  readonly before: string;
  constructor(where: { entry?: string; row?: number; before?: string } = {}) {
    super('text does not decode');
    this.name = 'FileEncodingError';
    this.entry = where.entry;
    this.row = where.row;
    this.before = where.before ?? '';
  }
}
