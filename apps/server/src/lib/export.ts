import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportColumn<T> = { header: string; value: (row: T) => unknown; width?: number };

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function csvField(value: unknown): string {
  const text = cellText(value);
  // Quote when needed; prefix formula starters so Excel never evaluates exported text (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

async function* csvLines<T>(columns: ExportColumn<T>[], batches: AsyncIterable<T[]>) {
  yield `\uFEFF${columns.map((c) => csvField(c.header)).join(',')}\r\n`;
  for await (const rows of batches) {
    yield rows.map((row) => `${columns.map((c) => csvField(c.value(row))).join(',')}\r\n`).join('');
  }
}

/**
 * Streams rows to CSV (UTF-8 with BOM, so Excel opens Chinese text correctly) or to .xlsx
 * (exceljs' streaming writer), batch by batch, so that memory stays bounded whatever the size.
 */
export function exportStream<T>(options: {
  format: ExportFormat;
  sheetName: string;
  columns: ExportColumn<T>[];
  batches: AsyncIterable<T[]>;
}): { stream: Readable; contentType: string } {
  const { format, columns, batches } = options;
  if (format === 'csv') return { stream: Readable.from(csvLines(columns, batches)), contentType: CONTENT_TYPES.csv };

  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(options.sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const rows of batches) {
      for (const row of rows) {
        sheet
          .addRow(
            columns.map((c) => {
              const v = c.value(row);
              return v instanceof Date || typeof v === 'number' ? v : cellText(v);
            }),
          )
          .commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return { stream: out, contentType: CONTENT_TYPES.xlsx };
}

/** RFC 6266 Content-Disposition with a UTF-8 file name (Chinese names survive every browser). */
export function attachmentHeader(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
