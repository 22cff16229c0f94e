import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvBuffer, uploadFile, xlsxBuffer } from '../../../../test/customer-import-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createUser } from '../../../db/seed/factories.js';
import { customFieldDefinitions } from '../customers.tables.js';

type Problem = { row: number; field: string; reason: string; message: string; column: string | null };

describe('customer import: mapping, checks, modes and duplicates', () => {
  let t: TestApp;
  let assistant: Session;
  let other: Session;
  let agent: Session;

  const count = async (table: string, where = sql`TRUE`) =>
    Number(
      (await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE ${where}`))
        .rows[0]?.n,
    );
  const upload = async (s: Session, name: string, bytes: Buffer) => {
    const r = await uploadFile(t.app, s, name, bytes);
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };
  const run = (s: Session, id: string, body: Record<string, unknown>, lang = 'zh-CN') =>
    s.post(`/api/v1/customer-imports/${id}/run`, body, { 'accept-language': lang });

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await createUser(db, { username: 'asst', displayName: '助理小周', roleKey: 'assistant' });
    await createUser(db, { username: 'asst2', roleKey: 'assistant' });
    await createUser(db, { username: 'agent1', displayName: '客服小林', roleKey: 'agent' });
    await createUser(db, { username: 'backup1', displayName: '客服小陈', roleKey: 'agent' });
    await db.insert(customFieldDefinitions).values([
      {
        key: 'industry',
        label: '行业',
        labelEn: 'Industry',
        type: 'select',
        options: [
          { value: 'medical', label: '医疗', labelEn: 'Medical' },
          { value: 'property', label: '物业' },
        ],
      },
      { key: 'contract_no', label: '合同编号', type: 'text' },
    ]);
    assistant = await t.signIn('asst');
    other = await t.signIn('asst2');
    agent = await t.signIn('agent1');
  });
  afterAll(async () => t?.close());

  it('suggests a column mapping from Chinese (and English) headers, custom field labels included', async () => {
    const header = [
      '客户名称',
      '电话',
      'E-mail',
      '地址',
      '邮编',
      '传真',
      '微信',
      '地区',
      '法人代表',
      '经营范围',
      '注册资本',
      '生日',
      '类别',
      '等级',
      '行业',
      '专属客服经理',
      '无关列',
    ];
    const imp = await upload(
      assistant,
      'customers.xlsx',
      await xlsxBuffer([header, ['上海华信医疗器械有限公司', '021-62345678']]),
    );
    expect(imp).toMatchObject({ status: 'uploaded', format: 'xlsx', totalRows: 1, headers: header });
    expect(imp.sampleRows[0].slice(0, 2)).toEqual(['上海华信医疗器械有限公司', '021-62345678']);
    expect(imp.suggestedMapping).toEqual({
      name: 0,
      phone: 1,
      email: 2,
      address: 3,
      postalCode: 4,
      fax: 5,
      wechat: 6,
      region: 7,
      legalRepresentative: 8,
      businessScope: 9,
      registeredCapital: 10,
      birthday: 11,
      categoryKey: 12,
      grade: 13,
      'customFields.industry': 14,
      owner: 15,
    });
    expect(imp.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'customFields.industry', label: '行业', custom: true })]),
    );
  });

  const header = ['客户名称', '电话', '类别', '行业', '等级', '专属客服经理', '协办客服', '生日', '注册资本'];
  const goodAndBad = () =>
    xlsxBuffer([
      header,
      [
        '杭州明远广告传媒有限公司',
        '0571-87654321',
        '经销商',
        '医疗',
        'B',
        'backup1',
        '',
        new Date(Date.UTC(1985, 4, 6)),
        '500万',
      ],
      ['坏电话有限公司', '12345', 'dealer', '', '', '', '', '', ''], // row 3: bad phone
      ['苏州康宁医院', '13962101001', 'partner', 'property', '', '', '', '1990/3/5', ''],
      ['', '13962101002', '', '', '', '', '', '', ''], // row 5: missing name
      ['未知类别公司', '13962101003', '不存在', '', '', '', '', '', ''], // row 6: unknown category
      ['坏选项公司', '13962101004', '', '餐饮', '', '', '', '', ''], // row 7: bad custom select
      ['北京佳禾物业管理有限公司', '010-64451200', '终端客户', '', 'A', 'asst', 'backup1', '', '1,000,000'],
    ]);

  it('a dry run checks every row and writes nothing', async () => {
    const before = await count('customers');
    const imp = await upload(assistant, 'dry.xlsx', await goodAndBad());
    const r = await run(assistant, imp.id, { mode: 'skip_bad_rows', dryRun: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'validated',
      totalRows: 7,
      validRows: 3,
      errorRows: 4,
      importedRows: 0,
      progress: 100,
    });
    expect(await count('customers')).toBe(before);
    expect(await count('audit_log', sql`action = 'customer.imported'`)).toBe(0);
  });

  it('skip_bad_rows imports the good rows and reports each bad one with its row number and field', async () => {
    const imp = await upload(assistant, 'mixed.xlsx', await goodAndBad());
    const r = await run(assistant, imp.id, { mode: 'skip_bad_rows' });
    expect(r.statusCode, r.body).toBe(200);
    const result = r.json();
    expect(result).toMatchObject({ status: 'completed', totalRows: 7, importedRows: 3, errorRows: 4, skippedRows: 4 });
    const problems = (result.errors as Problem[]).map((e) => [e.row, e.field, e.reason]);
    expect(problems).toEqual([
      [3, 'phone', 'invalid_phone'],
      [5, 'name', 'required'],
      [6, 'categoryKey', 'unknown_category'],
      [7, 'customFields.industry', 'custom_field_invalid'],
    ]);
    expect(result.errors[0]).toMatchObject({ column: 'B 电话', message: '“12345”不是有效的电话号码。' });
    const en = (await assistant.get(`/api/v1/customer-imports/${imp.id}`, { 'accept-language': 'en' })).json();
    expect(en.errors[1].message).toBe('Required value is missing.');

    const rows = await t.database.db.execute<{
      name: string;
      owner: string;
      category_key: string;
      custom: Record<string, unknown>;
      birthday: string;
      capital: string;
      staff: number;
    }>(sql`
      SELECT c.name, u.username AS owner, c.category_key, c.custom_fields AS custom, c.birthday::text, c.registered_capital::text AS capital,
        (SELECT count(*)::int FROM customer_staff s WHERE s.customer_id = c.id) AS staff
      FROM customers c JOIN users u ON u.id = c.owner_id
      JOIN customer_timeline tl ON tl.customer_id = c.id AND tl.title = 'customer.imported' AND tl.ref_id = ${imp.id}
      ORDER BY c.name`);
    expect(rows.rows).toEqual([
      {
        name: '北京佳禾物业管理有限公司',
        owner: 'asst',
        category_key: 'end_customer',
        custom: {},
        birthday: null,
        capital: '1000000.00',
        staff: 2,
      },
      {
        name: '杭州明远广告传媒有限公司',
        owner: 'backup1',
        category_key: 'dealer',
        custom: { industry: 'medical' },
        birthday: '1985-05-06',
        capital: '5000000.00',
        staff: 1,
      },
      {
        name: '苏州康宁医院',
        owner: 'asst',
        category_key: 'partner',
        custom: { industry: 'property' },
        birthday: '1990-03-05',
        capital: null,
        staff: 1,
      },
    ]);
    const audit = await t.database.db.execute<{ details: Record<string, unknown> }>(
      sql`SELECT details FROM audit_log WHERE action = 'customer.imported'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.details).toMatchObject({
      importedRows: 3,
      errorRows: 4,
      totalRows: 7,
      mode: 'skip_bad_rows',
    });
    // Done is done: the stored file is gone and a second run is refused.
    expect(await count('customer_import_files', sql`import_id = ${imp.id}`)).toBe(0);
    expect((await run(assistant, imp.id, { mode: 'skip_bad_rows' })).statusCode).toBe(409);
  });

  it('all_or_nothing with one bad row writes nothing, then the corrected file goes in whole', async () => {
    const before = await count('customers');
    const rows = [
      ['客户名称', '邮箱'],
      ['宁波甬江贸易有限公司', 'a@yongjiang.example.cn'],
      ['宁波港城物流有限公司', 'not-an-email'],
      ['宁波天一书店', 'c@tianyi.example.cn'],
    ];
    const imp = await upload(assistant, 'strict.csv', csvBuffer(rows));
    const r = await run(assistant, imp.id, { mode: 'all_or_nothing' }, 'en');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'rejected', importedRows: 0, validRows: 2, errorRows: 1, skippedRows: 3 });
    expect(r.json().errors).toEqual([
      expect.objectContaining({ row: 3, field: 'email', message: '“not-an-email” is not a valid e-mail address.' }),
    ]);
    expect(await count('customers')).toBe(before);

    (rows[2] as string[])[1] = 'b@gangcheng.example.cn';
    const fixed = await upload(assistant, 'strict.csv', csvBuffer(rows));
    expect((await run(assistant, fixed.id, { mode: 'all_or_nothing' })).json()).toMatchObject({
      status: 'completed',
      importedRows: 3,
    });
    expect(await count('customers')).toBe(before + 3);
  });

  it('flags duplicates within the file and against existing customers; skips them or imports them', async () => {
    const rows = [
      ['名称', '手机', '邮箱'],
      ['温州瓯江眼镜有限公司', '13857700001', 'ojiang@example.cn'],
      ['温州瓯江眼镜（重复）', '+86 138 5770 0001', ''], // row 3: same phone as row 2
      ['杭州明远广告（已有客户）', '0571-87654321', ''], // row 4: same phone as an existing customer
      ['温州鹿城鞋业', '13857700002', 'OJIANG@example.cn'], // row 5: same e-mail as row 2
    ];
    const skipped = await upload(assistant, 'dups.csv', csvBuffer(rows));
    const a = (await run(assistant, skipped.id, { duplicates: 'skip', dryRun: true })).json();
    expect(a).toMatchObject({ validRows: 1, duplicateRows: 3, skippedRows: 3 });
    expect(a.duplicates.map((d: { row: number; field: string }) => [d.row, d.field])).toEqual([
      [3, 'phone'],
      [4, 'phone'],
      [5, 'email'],
    ]);
    expect(a.duplicates[0].message).toBe('与文件第 2 行重复（电话）。');
    // The existing customer belongs to backup1, outside the assistant's scope (no department):
    // reported without its code or name (issue 10, defect 5; the in-scope case is in duplicates.test.ts).
    expect(a.duplicates[1]).toMatchObject({ elsewhere: { count: 1, contacts: [] } });
    expect(a.duplicates[1].codes).toBeUndefined();
    expect(JSON.stringify(a)).not.toContain('杭州明远广告传媒');
    const b = (await run(assistant, skipped.id, { duplicates: 'import' })).json();
    expect(b).toMatchObject({ status: 'completed', importedRows: 4, duplicateRows: 3 });
  });

  it('an import belongs to its user; others get 404, and importing needs customers.import', async () => {
    const imp = await upload(assistant, 'mine.csv', csvBuffer([['客户名称'], ['台州路桥五金城']]));
    expect((await other.get(`/api/v1/customer-imports/${imp.id}`)).statusCode).toBe(404);
    expect((await run(other, imp.id, {})).statusCode).toBe(404);
    expect((await uploadFile(t.app, agent, 'x.csv', csvBuffer([['客户名称'], ['某公司']]))).statusCode).toBe(403);
    const unmapped = await run(assistant, imp.id, { mapping: { phone: 0 } });
    expect(unmapped.statusCode).toBe(400);
    expect(unmapped.json()).toMatchObject({ code: 'customers.import_mapping_invalid' });
  });
});
