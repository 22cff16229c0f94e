/** Column mapping and the problem report of a customer import. Pure, unit-tested. */
import type { CustomerImport } from '../../../api/types';

export type ImportStatus = CustomerImport['status'];
export type Mapping = Record<string, number>;

export { columnLetter } from '@kefu/shared';

/** field → column becomes column → field (the table edits one field per column). */
export function byColumn(mapping: Mapping): Record<number, string> {
  return Object.fromEntries(Object.entries(mapping).map(([field, column]) => [column, field]));
}

/** column → field back to the API's field → column; blank choices dropped. */
export function toMapping(columns: Record<number, string | undefined>): Mapping {
  const mapping: Mapping = {};
  for (const [column, field] of Object.entries(columns)) {
    if (field && mapping[field] === undefined) mapping[field] = Number(column);
  }
  return mapping;
}

/** Required fields (the name, required custom fields) that no column is mapped to. */
export function missingRequired(fields: CustomerImport['fields'], mapping: Mapping): CustomerImport['fields'] {
  return fields.filter((f) => f.required && mapping[f.key] === undefined);
}

/** Still working: poll (or listen) until the status is one of the final ones. */
export const isBusy = (status: ImportStatus) => status === 'queued' || status === 'running';

const cell = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export type CsvLabels = {
  row: string;
  column: string;
  kind: string;
  message: string;
  error: string;
  duplicate: string;
};

/**
 * The per-row problems (errors and duplicates, by row) as a CSV that Excel opens in Chinese:
 * UTF-8 with a BOM, CRLF line ends.
 */
export function problemsCsv(result: Pick<CustomerImport, 'errors' | 'duplicates'>, labels: CsvLabels): string {
  const rows: (string | number)[][] = [
    ...result.errors.map((e) => [e.row, e.column ?? '', labels.error, e.message]),
    ...result.duplicates.map((d) => [d.row, d.column ?? '', labels.duplicate, d.message]),
  ].sort((a, b) => Number(a[0]) - Number(b[0]));
  const lines = [[labels.row, labels.column, labels.kind, labels.message], ...rows].map((r) => r.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Offers `text` as a file download. */
export function saveText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const href = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
