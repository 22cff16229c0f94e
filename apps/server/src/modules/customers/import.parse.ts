import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../lib/app-error.js';

export type ImportFormat = 'csv' | 'xlsx';
export type SourceFile = { bytes: Buffer; format: ImportFormat; encoding: string };
/** One row of the file: `row` is its number as a spreadsheet shows it (the header is usually 1). */
export type FileRow = { row: number; cells: string[] };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // legacy .xls (BIFF)
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const unreadable = (format: ImportFormat) =>
  new AppError('customers.import_unreadable', 400, { params: { format: format === 'xlsx' ? 'Excel (.xlsx)' : 'CSV' } });

/**
 * Decodes CSV bytes: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), and
 * otherwise GB18030 (a superset of GBK, what Excel on Chinese Windows writes) when the bytes are
 * not valid UTF-8. Text with control characters is not a CSV in any of these: refused.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  let decoded: { text: string; encoding: string };
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
    } catch {
      throw new AppError('customers.import_bad_encoding', 400);
    }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: iconv.decode(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: iconv.decode(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      decoded = { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
    }
  }
  // NUL, other C0 controls (tab, CR, LF aside) and U+FFFD do not occur in a spreadsheet's text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(decoded.text)) {
    throw new AppError('customers.import_bad_encoding', 400);
  }
  return decoded;
}

/** Recognises the format from the bytes (the name only breaks ties) and decodes CSV text. */
export function identifyFile(bytes: Buffer, fileName: string): SourceFile {
  if (bytes.length === 0) throw new AppError('customers.import_empty_file', 400);
  const head = bytes.subarray(0, 4);
  if (head.equals(ZIP)) return { bytes, format: 'xlsx', encoding: 'utf-8' };
  if (head.equals(OLE2) || /\.xls$/i.test(fileName)) throw new AppError('customers.import_unsupported_format', 415);
  if (/\.(xlsx|xlsm)$/i.test(fileName)) throw unreadable('xlsx');
  if (!/\.(csv|txt|tsv)$/i.test(fileName) && !/^[^.]*$/.test(fileName)) {
    throw new AppError('customers.import_unsupported_format', 415);
  }
  return { bytes, format: 'csv', encoding: decodeText(bytes).encoding };
}

/** The delimiter of the first line: comma, tab or semicolon, whichever occurs most outside quotes. */
function sniffDelimiter(text: string): string {
  let quoted = false;
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  for (const ch of text.slice(0, 64 * 1024)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  let best = ',';
  for (const [delimiter, count] of Object.entries(counts)) if (count > (counts[best] ?? 0)) best = delimiter;
  return best;
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF or LF, line breaks inside quotes). */
export function* csvRecords(text: string): Generator<FileRow> {
  const delimiter = sniffDelimiter(text);
  let row = 1;
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      cells.push(field);
      yield { row, cells };
      row += 1;
      cells = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    yield { row, cells };
  }
}

/** A cell as text: dates as YYYY-MM-DD, rich text joined, formulas by their result, hyperlinks by their text. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return cellText(v.text);
    if ('result' in v) return cellText(v.result);
    return '';
  }
  return String(value);
}

/** The first worksheet's rows, streamed (exceljs WorkbookReader): memory stays flat whatever the size. */
async function* xlsxRows(bytes: Buffer): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // date-formatted numbers become dates
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c += 1) cells.push(cellText(values[c]));
        yield { row: row.number, cells };
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable('xlsx');
  }
  if (sheets === 0) throw unreadable('xlsx');
}

async function* csvRows(bytes: Buffer): AsyncGenerator<FileRow> {
  yield* csvRecords(decodeText(bytes).text);
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * The file as a header and a stream of non-blank data rows, each cell trimmed. Throws a localized
 * 4xx when there is no header or, with `requireRows`, no data row.
 */
export async function openRows(file: SourceFile): Promise<{ header: FileRow; rows: AsyncGenerator<FileRow> }> {
  const source = file.format === 'xlsx' ? xlsxRows(file.bytes) : csvRows(file.bytes);
  let header: FileRow | undefined;
  for (;;) {
    const next = await source.next();
    if (next.done) break;
    if (!isBlank(next.value.cells)) {
      header = { row: next.value.row, cells: next.value.cells.map((c) => c.trim()) };
      break;
    }
  }
  if (!header) throw new AppError('customers.import_no_header', 400);
  async function* rows(): AsyncGenerator<FileRow> {
    for await (const r of source) {
      if (!isBlank(r.cells)) yield { row: r.row, cells: r.cells.map((c) => c.trim()) };
    }
  }
  return { header, rows: rows() };
}

/** Reads the whole file once: header, the first rows as a sample, and the number of data rows. */
export async function inspectFile(file: SourceFile, sampleSize = 5) {
  const { header, rows } = await openRows(file);
  const sample: string[][] = [];
  let total = 0;
  for await (const r of rows) {
    if (sample.length < sampleSize) sample.push(r.cells);
    total += 1;
  }
  if (total === 0) throw new AppError('customers.import_no_rows', 400);
  return { headers: header.cells, sample, total };
}
