import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { customerSheet, xlsxBuffer } from '../test/customer-import-fixtures.js';
const n = Number(process.env.N ?? 10000);
const buf = await xlsxBuffer(customerSheet(n, 0.03));
for (const styles of ['ignore', 'cache'] as const) {
  const t0 = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { worksheets: 'emit', sharedStrings: 'cache', styles, hyperlinks: 'ignore', entries: 'ignore' });
  let rows = 0;
  for await (const sheet of reader) { for await (const row of sheet) { rows++; void row.values; } }
  console.log(styles, rows, Math.round(performance.now() - t0));
}
// just unzip
const unzipper = (await import('unzipper')).default;
let t0 = performance.now();
const d = await unzipper.Open.buffer(buf);
for (const f of d.files) { const c = await f.buffer(); console.log(f.path, c.length); }
console.log('unzip', Math.round(performance.now() - t0));
