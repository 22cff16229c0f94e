import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardText, uploadFile, xlsxOfStrings } from '../../../../test/customer-import-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { readTable } from '../../../lib/files/table.js';
import { customFieldDefinitions } from '../customers.tables.js';

/**
 * Rows through the API: 2,000 by default — enough to cross many inflate chunks, small enough for
 * both databases in CI. `KEFU_ROUNDTRIP_ROWS=50000` runs the full 50,000-row round trip.
 */
const ROWS = Number(process.env.KEFU_ROUNDTRIP_ROWS ?? 2000);

/**
 * Defect 2 of issue 10 end to end: a Chinese/emoji/rare-character .xlsx is imported, the customers
 * are exported, and every imported cell comes back byte for byte (the 50,000-row check of the
 * reader itself is import.roundtrip.unit.test.ts).
 */
describe('customer import → export round trip', () => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp();
    await t.database.db.insert(customFieldDefinitions).values({ key: 'postscript', label: '附言', type: 'text' });
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  it(
    `imports ${ROWS} rows of hard text and exports exactly the same text`,
    async () => {
      const rows = [['客户名称', '地区', '附言']];
      for (let i = 1; i <= ROWS; i += 1) {
        rows.push([hardText(i, 20, `${i}-`), hardText(i + 3, 6), hardText(i + 5, 60, '附言')]);
      }
      const file = xlsxOfStrings(rows);
      const started = performance.now();
      const up = await uploadFile(t.app, admin, '客户.xlsx', file);
      expect(up.statusCode, up.body).toBe(201);
      const run = await admin.post(`/api/v1/customer-imports/${up.json().id}/run`, { mode: 'all_or_nothing' });
      expect(run.json(), run.body).toMatchObject({ status: 'completed', importedRows: ROWS, errorRows: 0 });

      const exported = await t.app.inject({ method: 'GET', url: '/api/v1/customers/export', cookies: admin.cookies });
      expect(exported.statusCode).toBe(200);
      const table: string[][] = [];
      for await (const batch of readTable({ bytes: exported.rawPayload, format: 'xlsx' })) {
        for (const r of batch) table.push(r.cells);
      }
      console.info(
        `[round trip] API: ${ROWS} rows, ${(file.length / 1024).toFixed(0)} KB in, ${(exported.rawPayload.length / 1024).toFixed(0)} KB out, ${Math.round(performance.now() - started)} ms`,
      );
      const header = table[0] ?? [];
      const [name, region, remark] = ['客户名称', '地区', '附言'].map((h) => header.indexOf(h)) as [
        number,
        number,
        number,
      ];
      const byName = new Map(table.slice(1).map((cells) => [cells[name], cells]));
      for (const [n, r, m] of rows.slice(1) as [string, string, string][]) {
        const back = byName.get(n);
        expect(back && [back[name], back[region], back[remark]], n).toEqual([n, r, m]);
      }
    },
    30_000 + ROWS * 20,
  );
});
