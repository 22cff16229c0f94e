import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvBuffer, customerSheet, uploadFile, xlsxBuffer } from '../../../../test/customer-import-fixtures.js';
import { EventLog } from '../../../../test/events.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';

const NAMES = [
  '上海华信医疗器械有限公司',
  '杭州明远广告传媒有限公司',
  '广州喜临门婚纱摄影有限公司',
  '北京佳禾物业管理有限公司',
];

describe('customer import: encodings, malformed files, size limit, background job', () => {
  let t: TestApp;
  let admin: Session;

  const count = async (table: string) =>
    Number(
      (await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`)).rows[0]?.n,
    );

  beforeAll(async () => {
    t = await createTestApp({ config: { jobs: { enabled: true, pollingIntervalSeconds: 0.5 } } });
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  it('imports the same Chinese names from GBK, UTF-8 with BOM and UTF-8 without BOM', async () => {
    const rows = [['客户名称', '地区', '备注'], ...NAMES.map((n) => [n, '华东', '含逗号，以及"引号"的备注'])];
    for (const [encoding, expected] of [
      ['gbk', 'gb18030'],
      ['utf-8-bom', 'utf-8-bom'],
      ['utf-8', 'utf-8'],
    ] as const) {
      const bytes = csvBuffer(rows, encoding);
      if (encoding === 'gbk') expect(bytes.includes(Buffer.from('上海', 'utf8'))).toBe(false);
      const up = await uploadFile(t.app, admin, `客户-${encoding}.csv`, bytes);
      expect(up.statusCode, up.body).toBe(201);
      expect(up.json()).toMatchObject({
        encoding: expected,
        fileName: `客户-${encoding}.csv`,
        headers: ['客户名称', '地区', '备注'],
      });
      const done = await admin.post(`/api/v1/customer-imports/${up.json().id}/run`, { mode: 'all_or_nothing' });
      expect(done.json()).toMatchObject({ status: 'completed', importedRows: 4 });
      const imported = await t.database.db.execute<{ name: string; notes: string }>(sql`
        SELECT c.name, c.notes FROM customers c JOIN customer_timeline tl ON tl.customer_id = c.id
        WHERE tl.ref_id = ${up.json().id} ORDER BY c.name`);
      expect(imported.rows.map((r) => r.name)).toEqual([...NAMES].sort());
      expect(imported.rows[0]?.notes).toBe('含逗号，以及"引号"的备注');
    }
  });

  it('refuses malformed files with a localized 4xx and writes nothing', async () => {
    const imports = await count('customer_imports');
    const customers = await count('customers');
    const cases: [string, Buffer, number, string, string][] = [
      ['random.xlsx', crypto.randomBytes(4096), 400, 'customers.import_unreadable', '无法读取该文件'],
      [
        'zip.xlsx',
        Buffer.concat([Buffer.from('PK\x03\x04'), crypto.randomBytes(2048)]),
        400,
        'customers.import_unreadable',
        '无法读取该文件',
      ],
      ['empty.csv', Buffer.alloc(0), 400, 'customers.import_empty_file', '文件是空的'],
      ['header-only.xlsx', await xlsxBuffer([['客户名称', '电话']]), 400, 'customers.import_no_rows', '只有表头'],
      ['header-only.csv', csvBuffer([['客户名称', '电话']]), 400, 'customers.import_no_rows', '只有表头'],
      ['garbage.csv', crypto.randomBytes(4096), 400, 'customers.import_bad_encoding', '文字编码'],
      ['blank.csv', Buffer.from('\r\n \r\n,,\r\n'), 400, 'customers.import_no_header', '表头'],
      [
        'old.xls',
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), crypto.randomBytes(512)]),
        415,
        'customers.import_unsupported_format',
        '.xlsx',
      ],
    ];
    for (const [name, bytes, status, code, zh] of cases) {
      const r = await uploadFile(t.app, admin, name, bytes);
      expect(r.statusCode, `${name}: ${r.body}`).toBe(status);
      expect(r.json().code, name).toBe(code);
      expect(r.json().detail, name).toContain(zh);
    }
    const en = await uploadFile(t.app, admin, 'random.xlsx', crypto.randomBytes(4096), { 'accept-language': 'en' });
    expect(en.json().detail).toBe('The file cannot be read: it is not a valid Excel (.xlsx) file, or it is damaged.');
    const none = await admin.post('/api/v1/customer-imports', { file: 'x' });
    expect(none.json().code).toBe('customers.import_file_missing');
    expect(await count('customer_imports')).toBe(imports);
    expect(await count('customers')).toBe(customers);
  });

  it('answers 413 with a localized message for a file over 100 MB, and nothing changes', async () => {
    const imports = await count('customer_imports');
    const big = Buffer.alloc(100 * 1024 * 1024 + 1, 0x41);
    const r = await uploadFile(t.app, admin, 'big.csv', big);
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({
      code: 'customers.import_file_too_large',
      detail: '文件过大，上限为 100 MB。请拆分后分批导入。',
    });
    expect(await count('customer_imports')).toBe(imports);
  });

  it('runs a large import as a job; progress is stored, pushed as events and reaches 100 %', async () => {
    const log = new EventLog(t.database.db);
    await log.reset();
    const up = await uploadFile(t.app, admin, 'large.xlsx', await xlsxBuffer(customerSheet(2500, 0.01)));
    expect(up.statusCode, up.body).toBe(201);
    const { id } = up.json();
    const queued = await admin.post(`/api/v1/customer-imports/${id}/run`, { mode: 'skip_bad_rows' });
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json().status).toBe('queued');
    expect((await admin.post(`/api/v1/customer-imports/${id}/run`, {})).statusCode).toBe(409);

    let view = queued.json();
    for (let i = 0; i < 120 && !['completed', 'failed'].includes(view.status); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      view = (await admin.get(`/api/v1/customer-imports/${id}`)).json();
    }
    expect(view).toMatchObject({
      status: 'completed',
      progress: 100,
      processedRows: 2500,
      totalRows: 2500,
      errorRows: 25,
      importedRows: 2475,
    });
    const mine = (await log.list('customer.import_progress'))
      .filter((e) => e.payload.importId === id)
      .map((e) => [e.payload.status, e.payload.processedRows]);
    expect(mine).toEqual([
      ['running', 1000],
      ['running', 2000],
      ['running', 2500],
      ['completed', 2500],
    ]);
    const audit = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'customer.imported' AND entity_id = ${id}`,
    );
    expect(Number(audit.rows[0]?.n)).toBe(1);
  });
});
