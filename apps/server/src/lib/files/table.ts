import { CsvParser, type RawRow } from './csv.js';
import { DEFAULT_FILE_LIMITS, type FileLimits, limitError } from './limits.js';
import { slicer } from './slices.js';
import { decodeChunks, type TextEncodingName } from './text.js';
import { xlsxRows } from './xlsx.js';

export type TableFormat = 'csv' | 'xlsx';
export type TableSource = { bytes: Buffer; format: TableFormat; encoding?: TextEncodingName };
export type { RawRow as TableRow };

async function* csvRows(bytes: Buffer, encoding: TextEncodingName, limits: FileLimits): AsyncGenerator<RawRow[]> {
  const parser = new CsvParser(limits);
  for (const text of decodeChunks(bytes, encoding)) {
    const done: RawRow[] = [];
    parser.push(text, done);
    yield done;
  }
  const done: RawRow[] = [];
  parser.end(done);
  yield done;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * The non-blank rows of a table file, in batches (one per step of reading; a batch may be empty) (CSV in any of the encodings of `sniffEncoding`, or the
 * first sheet of an .xlsx), streamed and bounded: cells, columns and rows are checked as they are
 * read (the first non-blank row is the header and is not counted), zip entries as they are
 * inflated. The work is done in slices of ~10 ms with a turn of the event loop between them, so a
 * file of any size never holds up other requests. Throws a 413 AppError (`files.*`) past a limit,
 * FileEncodingError for text that does not decode, FileFormatError for a damaged file.
 */
export async function* readTable(
  source: TableSource,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): AsyncGenerator<RawRow[]> {
  const rows =
    source.format === 'xlsx'
      ? xlsxRows(source.bytes, limits)
      : csvRows(source.bytes, source.encoding ?? 'utf-8', limits);
  const pause = slicer();
  let seen = 0;
  try {
    for await (const batch of rows) {
      const kept = batch.filter((row) => !isBlank(row.cells));
      seen += kept.length;
      if (seen > limits.maxRows + 1) {
        const over = kept[kept.length - (seen - limits.maxRows - 1)] as RawRow;
        throw limitError.rows(limits.maxRows, over.row);
      }
      yield kept;
      await pause();
    }
  } finally {
    await rows.return(undefined);
  }
}
