import type { RawRow } from './csv.js';
import { FileEncodingError, FileFormatError, type FileLimits, limitError } from './limits.js';
import { localName, parseXml } from './xml.js';
import { ZipArchive } from './zip.js';

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30, CJK ids included). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47,
]);
for (let id = 50; id <= 58; id += 1) DATE_FORMAT_IDS.add(id);

/** A custom format shows a date when, outside quotes and [colour/locale] blocks, it has y m d h s. */
export function isDateFormat(code: string): boolean {
  return /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** An Excel serial day number as YYYY-MM-DD (1900 or 1904 date system). */
export function excelDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** `AB12` → 27; null when the reference has no column letters. */
function columnIndex(ref: string): number | null {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
    if (n > 1e9) return n;
  }
  return i === 0 ? null : n - 1;
}

/** `xl/workbook.xml` + `worksheets/sheet1.xml` → `xl/worksheets/sheet1.xml`; `/…` is absolute. */
function resolvePart(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment && segment !== '.') parts.push(segment);
  }
  return parts.join('/');
}

type Relationship = { id: string; type: string; target: string };

async function relationships(zip: ZipArchive, part: string): Promise<Relationship[]> {
  const slash = part.lastIndexOf('/');
  const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  if (!zip.has(relsPart)) return [];
  const out: Relationship[] = [];
  for await (const _ of parseXml(one(await zip.wholeText(relsPart)), {
    open(name, a) {
      if (name === 'Relationship' && a.Target && a.TargetMode !== 'External') {
        out.push({ id: a.Id ?? '', type: a.Type ?? '', target: resolvePart(part, a.Target) });
      }
    },
  }));
  return out;
}

async function* one(text: string): AsyncGenerator<string> {
  yield text;
}

const byType = (rels: Relationship[], suffix: string) => rels.find((r) => r.type.endsWith(`/${suffix}`))?.target;

/** Which cell styles (cellXfs index) show a date. */
async function dateStyles(zip: ZipArchive, part: string | undefined, limits: FileLimits): Promise<boolean[]> {
  if (!part || !zip.has(part)) return [];
  const formats = new Map<number, string>();
  const styles: boolean[] = [];
  const ids: number[] = [];
  let inCellXfs = false;
  for await (const _ of parseXml(zip.text(part, limits.maxPartBytes), {
    open(name, a) {
      if (name === 'numFmt') formats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) ids.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  }));
  for (const id of ids) styles.push(DATE_FORMAT_IDS.has(id) || isDateFormat(formats.get(id) ?? ''));
  return styles;
}

/**
 * The shared strings, each the text of its runs (phonetic guides left out), bounded by the part's
 * inflated size, the number of strings and, for each, the cell limit.
 */
async function sharedStrings(zip: ZipArchive, part: string | undefined, limits: FileLimits): Promise<string[]> {
  if (!part || !zip.has(part)) return [];
  const strings: string[] = [];
  const tooLong = () => limitError.sharedString(limits.maxCellChars, strings.length + 1);
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  for await (const _ of parseXml(zip.text(part, limits.maxSharedStringsBytes), {
    open(name) {
      if (name === 'si') {
        if (strings.length >= limits.maxSharedStrings) throw limitError.sharedStrings(limits.maxSharedStrings);
        current = '';
      } else if (name === 'rPh') phonetic += 1;
      else if (name === 't' && current !== null && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si') {
        strings.push(current ?? '');
        current = null;
      }
    },
    text(text) {
      if (!inText || current === null) return;
      current += text;
      if (current.length > limits.maxCellChars) throw tooLong();
    },
    pending(chars) {
      if (inText && current !== null && current.length + chars > limits.maxCellChars) throw tooLong();
    },
  }));
  return strings;
}

type SheetState = {
  row: number;
  cells: string[];
  column: number;
  type: string;
  style: number;
  value: string;
  collecting: boolean;
  inline: boolean;
  phonetic: number;
};

/**
 * The rows of the workbook's first sheet (the first tab), streamed: the sheet part is inflated,
 * decoded and parsed a piece at a time, and each piece's rows are yielded (as one batch) before
 * the next is read. Cells are text as a person sees it: numbers in their shortest form, dates (numbers with
 * a date format) as YYYY-MM-DD, booleans as true/false, formulas by their cached result, errors
 * empty. Bounded by `limits` while it reads; a damaged package is a FileFormatError.
 */
export async function* xlsxRows(bytes: Buffer, limits: FileLimits): AsyncGenerator<RawRow[]> {
  const zip = await ZipArchive.open(bytes, limits);
  try {
    const rootRels = await relationships(zip, '');
    const workbook = byType(rootRels, 'officeDocument') ?? 'xl/workbook.xml';
    let firstSheetId: string | undefined;
    let date1904 = false;
    for await (const _ of parseXml(one(await zip.wholeText(workbook)), {
      open(name, a) {
        if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
        if (name === 'sheet' && firstSheetId === undefined) {
          firstSheetId = Object.entries(a).find(([key]) => localName(key) === 'id' && key.includes(':'))?.[1];
        }
      },
    }));
    const rels = await relationships(zip, workbook);
    const sheet = rels.find((r) => r.id === firstSheetId)?.target;
    if (!sheet || !zip.has(sheet)) throw new FileFormatError('the workbook has no worksheet');
    const dates = await dateStyles(zip, byType(rels, 'styles'), limits);
    const strings = await sharedStrings(zip, byType(rels, 'sharedStrings'), limits);
    yield* sheetRows(zip, sheet, { strings, dates, date1904 }, limits);
  } finally {
    zip.close();
  }
}

async function* sheetRows(
  zip: ZipArchive,
  part: string,
  book: { strings: string[]; dates: boolean[]; date1904: boolean },
  limits: FileLimits,
): AsyncGenerator<RawRow[]> {
  const s: SheetState = {
    row: 0,
    cells: [],
    column: -1,
    type: 'n',
    style: 0,
    value: '',
    collecting: false,
    inline: false,
    phonetic: 0,
  };
  let done: RawRow[] = [];
  const cellText = (): string => {
    const v = s.value;
    switch (s.type) {
      case 's': {
        const text = book.strings[Number(v)];
        if (text === undefined) throw new FileFormatError(`shared string ${v} does not exist`);
        return text;
      }
      case 'inlineStr':
      case 'str':
        return v;
      case 'b':
        return v === '1' ? 'true' : v === '0' ? 'false' : v;
      case 'e':
        return '';
      case 'd':
        return /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : v;
      default: {
        if (v.trim() === '') return '';
        const n = Number(v);
        if (!Number.isFinite(n)) return v;
        return book.dates[s.style] ? excelDate(n, book.date1904) : String(n);
      }
    }
  };
  const pieces = zip.text(part, limits.maxEntryBytes);
  try {
    for await (const _ of parseXml(pieces, {
      open(name, a) {
        if (name === 'row') {
          s.row = a.r ? Number(a.r) : s.row + 1;
          if (!Number.isInteger(s.row) || s.row < 1) throw new FileFormatError(`bad row number ${a.r}`);
          s.cells = [];
          s.column = -1;
        } else if (name === 'c') {
          s.column = (a.r ? columnIndex(a.r) : null) ?? s.column + 1;
          s.type = a.t ?? 'n';
          s.style = Number(a.s ?? 0);
          s.value = '';
        } else if (name === 'v') {
          s.collecting = true;
        } else if (name === 'is') {
          s.inline = true;
        } else if (name === 'rPh') {
          s.phonetic += 1;
        } else if (name === 't' && s.inline && s.phonetic === 0) {
          s.collecting = true;
        }
      },
      close(name) {
        if (name === 'v' || name === 't') s.collecting = false;
        else if (name === 'is') s.inline = false;
        else if (name === 'rPh') s.phonetic -= 1;
        else if (name === 'c') {
          const text = cellText();
          if (text === '') return;
          if (s.column >= limits.maxColumns) throw limitError.columns(limits.maxColumns, s.row, s.column);
          if (text.length > limits.maxCellChars) throw limitError.cell(limits.maxCellChars, s.row, s.column);
          s.cells[s.column] = text;
        } else if (name === 'row') {
          const cells = s.cells;
          for (let i = 0; i < cells.length; i += 1) if (cells[i] === undefined) cells[i] = '';
          done.push({ row: s.row, cells });
        }
      },
      text(text) {
        if (!s.collecting) return;
        s.value += text;
        if (s.value.length > limits.maxCellChars) throw limitError.cell(limits.maxCellChars, s.row, s.column);
      },
      pending(chars) {
        if (s.collecting && s.value.length + chars > limits.maxCellChars) {
          throw limitError.cell(limits.maxCellChars, s.row, s.column);
        }
      },
    })) {
      yield done;
      done = [];
    }
  } catch (error) {
    if (error instanceof FileEncodingError) error.row = Math.max(s.row, 1);
    throw error;
  }
  yield done;
}
