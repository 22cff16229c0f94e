import type { FileLimits } from './limits.js';
import { FileEncodingError, limitError } from './limits.js';

/** One record of a file: `row` is its number as a spreadsheet shows it (the first is 1). */
export type RawRow = { row: number; cells: string[] };

/** The delimiter of the first line: comma, tab or semicolon, whichever occurs most outside quotes. */
export function sniffDelimiter(text: string): string {
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

// NUL, other C0 controls (tab, CR, LF aside) do not occur in a spreadsheet's text: the bytes were
// not text in the encoding they were read in.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/**
 * RFC 4180 records (quoted fields, doubled quotes, CRLF or LF, line breaks inside quotes) from
 * text that arrives in chunks; a record may span chunks. Bounded as it reads: a field longer than
 * `maxCellChars` or data beyond `maxColumns` is refused at once (empty trailing cells beyond are
 * dropped), so one hostile field never grows past the limit.
 */
export class CsvParser {
  private delimiter: string | null;
  private row = 1;
  private cells: string[] = [];
  private field = '';
  private extraEmpty = false;
  private quoted = false;
  private quoteSeen = false;
  private afterCR = false;

  constructor(
    private readonly limits: Pick<FileLimits, 'maxCellChars' | 'maxColumns'>,
    delimiter?: string,
  ) {
    this.delimiter = delimiter ?? null;
  }

  private append(text: string) {
    if (!text) return;
    this.field += text;
    if (this.field.length > this.limits.maxCellChars) {
      throw limitError.cell(this.limits.maxCellChars, this.row, this.cells.length);
    }
  }

  private endField() {
    if (this.cells.length < this.limits.maxColumns) this.cells.push(this.field);
    else if (this.field !== '') throw limitError.columns(this.limits.maxColumns, this.row, this.cells.length);
    else this.extraEmpty = true;
    this.field = '';
  }

  private endRecord(out: RawRow[]) {
    this.endField();
    out.push({ row: this.row, cells: this.cells });
    this.row += 1;
    this.cells = [];
    this.extraEmpty = false;
  }

  /** Parses `text`, appending each record completed in it to `out`. */
  push(text: string, out: RawRow[]): void {
    if (CONTROL.test(text)) throw new FileEncodingError({ row: this.row });
    if (this.delimiter === null) this.delimiter = sniffDelimiter(text);
    const delimiter = this.delimiter.charCodeAt(0);
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (text.charCodeAt(i) === 34) {
            this.append('"');
            i += 1;
          } else {
            this.quoted = false;
          }
          continue;
        }
        const quote = text.indexOf('"', i);
        const end = quote === -1 ? n : quote;
        this.append(text.slice(i, end));
        if (quote !== -1) this.quoteSeen = true;
        i = end + (quote === -1 ? 0 : 1);
        continue;
      }
      const c = text.charCodeAt(i);
      if (this.afterCR) {
        this.afterCR = false;
        if (c === 10) {
          i += 1;
          continue;
        }
      }
      if (c === 34 && this.field === '') {
        this.quoted = true;
        i += 1;
      } else if (c === delimiter) {
        this.endField();
        i += 1;
      } else if (c === 13 || c === 10) {
        this.endRecord(out);
        this.afterCR = c === 13;
        i += 1;
      } else {
        let j = i + 1;
        for (; j < n; j += 1) {
          const d = text.charCodeAt(j);
          if (d === delimiter || d === 13 || d === 10) break;
        }
        this.append(text.slice(i, j));
        i = j;
      }
    }
  }

  /** The last record, when the text does not end with a line break. */
  end(out: RawRow[]): void {
    if (this.quoteSeen) this.quoted = false;
    if (this.field !== '' || this.cells.length > 0 || this.extraEmpty) this.endRecord(out);
  }
}
