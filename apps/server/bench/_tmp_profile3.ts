import pino from 'pino';
import { eq } from 'drizzle-orm';
import { customerSheet, xlsxBuffer } from '../test/customer-import-fixtures.js';
import { openEngine, type EngineName } from './engines.js';
import { prepareDatabase } from '../src/db/bootstrap.js';
import { users } from '../src/db/schema/index.js';
import { processImport } from '../src/modules/customers/import.process.js';
import { suggestMapping } from '../src/modules/customers/import.fields.js';
import { SHEET_HEADER } from '../test/customer-import-fixtures.js';

const n = Number(process.env.N ?? 10000);
const engine = await openEngine((process.env.E ?? 'pglite-memory') as EngineName);
await prepareDatabase(engine.database, engine.config, pino({ level: 'silent' }));
const [admin] = await engine.database.db.select().from(users).where(eq(users.username, 'admin'));
const buf = await xlsxBuffer(customerSheet(n, 0.03));
const mapping = suggestMapping(SHEET_HEADER, []);
let last = performance.now();
const t0 = performance.now();
const out = await engine.database.db.transaction((tx) => processImport(tx, {
  file: { bytes: buf, format: 'xlsx', encoding: 'utf-8' }, importId: crypto.randomUUID(), mapping,
  options: { mode: 'skip_bad_rows', duplicates: 'skip', dryRun: process.env.DRY === '1' }, importerId: admin!.id,
  async onProgress(p) { const now = performance.now(); console.log(p, Math.round(now - last)); last = now; },
}));
console.log(engine.name, 'total', Math.round(performance.now() - t0), out.importedRows, out.errorRows);
await engine.close();
process.exit(0);
