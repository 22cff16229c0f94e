import type { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { AppError } from '../../../lib/app-error.js';
import { CsvParser, type RawRow } from '../../../lib/files/csv.js';
import { FileEncodingError } from '../../../lib/files/limits.js';
import { CALL_OUTCOMES, type CallDirection, type CallOutcome } from '../calls.tables.js';
import { BATCH_CALLS, type CallRow, type ImportLineError, type ImportSink, type ReadOutcome } from './import.read.js';

/** The fields a CSV column can be mapped to; the first four are required. */
export const CSV_FIELDS = [
  'externalId',
  'queue',
  'enteredAt',
  'outcome',
  'direction',
  'callerNumber',
  'agent',
  'connectedAt',
  'endedAt',
  'waitSeconds',
  'talkSeconds',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export const REQUIRED_CSV_FIELDS: readonly CsvField[] = ['externalId', 'queue', 'enteredAt', 'outcome'];
export type CsvMapping = Partial<Record<CsvField, string>>;

const MAX_KEPT_ERRORS = 1000;
const CSV_LIMITS = { maxCellChars: 4096, maxColumns: 256 };

/** Outcome words accepted besides the codes themselves (as Chinese PBX exports write them). */
const OUTCOME_WORDS: Record<string, CallOutcome> = {
  接通: 'answered',
  已接: 'answered',
  已接听: 'answered',
  放弃: 'abandoned',
  呼损: 'abandoned',
  超时: 'timeout',
  按键退出: 'exit_key',
  无坐席: 'exit_empty',
  未知: 'unresolved',
};
const DIRECTION_WORDS: Record<string, CallDirection> = {
  inbound: 'inbound',
  in: 'inbound',
  呼入: 'inbound',
  outbound: 'outbound',
  out: 'outbound',
  呼出: 'outbound',
};

/** The problems of a mapping: required fields missing, unknown fields, a header used twice is fine. */
export function mappingProblems(mapping: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED_CSV_FIELDS)
    if (typeof mapping[field] !== 'string' || !mapping[field]) problems.push(field);
  for (const [field, header] of Object.entries(mapping))
    if (!(CSV_FIELDS as readonly string[]).includes(field) || typeof header !== 'string' || header.length > 200)
      problems.push(field);
  return problems;
}

/** UTC offset (ms) of `zone` at `instant`. */
const formats = new Map<string, Intl.DateTimeFormat>();
function offsetAt(zone: string, instant: number): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      ...{ year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' },
    });
    formats.set(zone, format);
  }
  const p: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return wall - Math.floor(instant / 1000) * 1000;
}

const DATE_TIME =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A time cell: unix seconds, or `YYYY-MM-DD HH:mm[:ss]` (also `/` and `T`) with an optional `Z` or
 * offset; without one, wall time in `zone` (the deployment's time zone). Empty: null; else undefined.
 */
export function parseTime(text: string, zone: string): Date | null | undefined {
  if (text === '') return null;
  if (/^\d{9,12}$/.test(text)) return new Date(Number(text) * 1000);
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, tz] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const check = new Date(wall);
  if (check.getUTCDate() !== Number(d) || check.getUTCHours() !== Number(h)) return undefined;
  if (tz === 'Z') return check;
  if (tz) {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.replace(/[+:-]/g, '');
    return new Date(wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000);
  }
  // Two rounds settle the offset around a daylight-saving change.
  let instant = wall - offsetAt(zone, wall);
  instant = wall - offsetAt(zone, instant);
  return new Date(instant);
}

type Columns = Partial<Record<CsvField, number>>;

/** Column indexes of the mapped headers; a mapped header not in the file is a 400. */
function columnsOf(header: string[], mapping: CsvMapping): Columns {
  const names = header.map((h) => h.trim());
  const columns: Columns = {};
  const missing: string[] = [];
  for (const [field, name] of Object.entries(mapping) as [CsvField, string][]) {
    const index = names.indexOf(name.trim());
    if (index === -1) missing.push(name);
    else columns[field] = index;
  }
  if (missing.length > 0)
    throw new AppError('calls.import_header_missing', 400, {
      params: { headers: missing.map((m) => `“${m}”`).join(', ') },
    });
  return columns;
}

/** One CSV record → a call, or the line error that refuses it. */
function toCall(row: RawRow, columns: Columns, zone: string): CallRow | Omit<ImportLineError, 'line'> {
  const cell = (field: CsvField) => {
    const index = columns[field];
    return index === undefined ? '' : (row.cells[index] ?? '').trim();
  };
  const text = row.cells.join(',').slice(0, 200);
  const fail = (code: string) => ({ code, text });
  const externalId = cell('externalId');
  const queue = cell('queue');
  if (!externalId || !queue || externalId.length > 200 || queue.length > 200) return fail('missing_field');
  const enteredAt = parseTime(cell('enteredAt'), zone);
  const connectedAt = parseTime(cell('connectedAt'), zone);
  const endedAt = parseTime(cell('endedAt'), zone);
  if (!enteredAt || connectedAt === undefined || endedAt === undefined) return fail('bad_time');
  const outcomeText = cell('outcome');
  const outcome = (CALL_OUTCOMES as readonly string[]).includes(outcomeText.toLowerCase())
    ? (outcomeText.toLowerCase() as CallOutcome)
    : OUTCOME_WORDS[outcomeText];
  if (!outcome) return fail('bad_outcome');
  const directionText = cell('direction');
  const direction = directionText === '' ? 'inbound' : DIRECTION_WORDS[directionText.toLowerCase()];
  if (!direction) return fail('bad_direction');
  const seconds = (field: CsvField) => {
    const value = cell(field);
    if (value === '') return null;
    return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
  };
  const waitSeconds = seconds('waitSeconds');
  const talkSeconds = seconds('talkSeconds');
  if (waitSeconds === undefined || talkSeconds === undefined) return fail('bad_number');
  const caller = cell('callerNumber')
    .replace(/[^\d+]/g, '')
    .slice(0, 32);
  return {
    externalId,
    queue,
    direction,
    callerNumber: caller === '' || caller === '+' ? null : caller,
    agent: cell('agent').slice(0, 200) || null,
    enteredAt,
    connectedAt,
    endedAt,
    outcome,
    waitSeconds,
    talkSeconds,
    ringNoAnswerCount: 0,
    ringNoAnswerMs: 0,
    transferred: false,
    enterPosition: null,
  };
}

/** A streaming decoder chosen by the first bytes: UTF-8 (BOM or valid), else GB18030 (GBK). */
function decoderFor(first: Buffer): { skip: number; write(bytes: Buffer): string; end(): string } {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return utf8(3);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
    return utf8(0);
  } catch {
    const decoder = iconv.getDecoder('gb18030');
    const GENUINE = Buffer.from([0x84, 0x31, 0xa4, 0x37]);
    const checked = (bytes: Buffer | null, text: string) => {
      if (text.includes('\ufffd') && !bytes?.includes(GENUINE)) throw new BadEncoding();
      return text;
    };
    return {
      skip: 0,
      write: (bytes) => checked(bytes, decoder.write(bytes)),
      end: () => checked(null, decoder.end() ?? ''),
    };
  }
}

class BadEncoding extends Error {}

function utf8(skip: number) {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const guard = (decode: () => string) => {
    try {
      return decode();
    } catch {
      throw new BadEncoding();
    }
  };
  return {
    skip,
    write: (bytes: Buffer) => guard(() => decoder.decode(bytes, { stream: true })),
    end: () => guard(() => decoder.decode()),
  };
}

/**
 * Reads a CSV call list (UTF-8 with or without BOM, or GBK/GB18030; comma, tab or semicolon) with
 * a column mapping, streamed: the first record is the header, every other one a call or a line
 * error (`missing_field`, `bad_time`, `bad_outcome`, `bad_direction`, `bad_number`; first 1,000
 * kept). Bounded by the CSV reader's cell and column limits.
 */
export async function readCsv(
  stream: Readable,
  mapping: CsvMapping,
  zone: string,
  sink: ImportSink,
): Promise<ReadOutcome> {
  const parser = new CsvParser(CSV_LIMITS);
  let decoder: ReturnType<typeof decoderFor> | null = null;
  let columns: Columns | null = null;
  let batch: CallRow[] = [];
  const errors: ImportLineError[] = [];
  let errorCount = 0;
  let lines = 0;
  let bytesRead = 0;
  const rows: RawRow[] = [];
  const take = () => {
    for (const row of rows) {
      lines = row.row;
      if (!columns) {
        columns = columnsOf(row.cells, mapping);
        continue;
      }
      if (row.cells.every((c) => c.trim() === '')) continue;
      const call = toCall(row, columns, zone);
      if ('externalId' in call) batch.push(call);
      else {
        errorCount += 1;
        if (errors.length < MAX_KEPT_ERRORS) errors.push({ line: row.row, ...call });
      }
    }
    rows.length = 0;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      if (!decoder) decoder = decoderFor(chunk);
      const bytes = bytesRead === chunk.length && decoder.skip ? chunk.subarray(decoder.skip) : chunk;
      parser.push(decoder.write(bytes), rows);
      take();
      if (batch.length >= BATCH_CALLS) {
        const full = batch;
        batch = [];
        await sink.store(full);
        await sink.progress({ bytesRead, lines, errorCount });
      }
    }
    if (decoder) parser.push(decoder.end(), rows);
    parser.end(rows);
    take();
  } catch (error) {
    if (error instanceof BadEncoding || error instanceof FileEncodingError)
      throw new AppError('calls.import_bad_encoding', 400, { params: { line: lines + 1 } });
    throw error;
  }
  if (batch.length > 0) await sink.store(batch);
  return { lines, errorCount, errors };
}
