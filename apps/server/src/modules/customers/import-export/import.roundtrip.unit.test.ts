import { describe, expect, it } from 'vitest';
import { hardText, xlsxBuffer, xlsxOfStrings } from '../../../../test/customer-import-fixtures.js';
import { DEFAULT_FILE_LIMITS } from '../../../lib/files/limits.js';
import { readTable } from '../../../lib/files/table.js';

async function readAll(bytes: Buffer): Promise<string[][]> {
  const out: string[][] = [];
  for await (const batch of readTable({ bytes, format: 'xlsx' }, DEFAULT_FILE_LIMITS)) {
    for (const r of batch) out.push(r.cells);
  }
  return out;
}

/**
 * Defect 2 of issue 10 at the reader: every cell of a 50,000-row sheet of Chinese text, emoji, rare
 * characters and combining marks reads back exactly (the exceljs streaming reader split UTF-8 at
 * chunk boundaries into U+FFFD). The import → export round trip through the API is in
 * import.roundtrip.test.ts, with fewer rows.
 */
describe('xlsx reader: text round-trips exactly', () => {
  it('reads every cell of a generated 50,000-row sheet byte for byte', async () => {
    const rows = [['客户名称', '地区', '备注']];
    for (let i = 1; i <= 50_000; i += 1) {
      rows.push([hardText(i, 6, `${i}`), hardText(i + 7, 2), hardText(i + 13, 12, '备注')]);
    }
    const started = performance.now();
    const file = xlsxOfStrings(rows);
    const read = await readAll(file);
    console.info(
      `[round trip] reader: 50,000 rows, ${(file.length / 1024 / 1024).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms`,
    );
    expect(read.length).toBe(rows.length);
    for (let i = 0; i < rows.length; i += 1) {
      if (read[i]?.join('\u0001') !== rows[i]?.join('\u0001'))
        expect({ row: i + 1, cells: read[i] }).toEqual({ row: i + 1, cells: rows[i] });
    }
    expect(read.flat().some((c) => c.includes('\uFFFD'))).toBe(true); // the genuine ones are kept
  });

  it('reads a file written by exceljs (shared strings, styles, dates) the same way', async () => {
    const rows: (string | Date | number)[][] = [['客户名称', '生日', '电话']];
    for (let i = 1; i <= 5000; i += 1)
      rows.push([hardText(i, 8, `${i}`), new Date(Date.UTC(1980, 4, 17)), 13800000000 + i]);
    const read = await readAll(await xlsxBuffer(rows));
    expect(read.length).toBe(rows.length);
    for (let i = 1; i < rows.length; i += 1) {
      expect(read[i]).toEqual([rows[i]?.[0], '1980-05-17', String(13800000000 + i)]);
    }
  });
});
