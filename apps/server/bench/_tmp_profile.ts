import { customerSheet, xlsxBuffer } from '../test/customer-import-fixtures.js';
import { inspectFile, openRows } from '../src/modules/customers/import.parse.js';
const n = Number(process.env.N ?? 10000);
let t0 = performance.now();
const buf = await xlsxBuffer(customerSheet(n, 0.03));
console.log('gen', n, Math.round(performance.now() - t0), 'ms', buf.length, 'bytes'); t0 = performance.now();
const info = await inspectFile({ bytes: buf, format: 'xlsx', encoding: 'utf-8' });
console.log('inspect', Math.round(performance.now() - t0), info.total); t0 = performance.now();
