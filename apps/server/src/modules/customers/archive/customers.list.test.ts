import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';
import { customFieldDefinitions } from '../customers.tables.js';

type Item = { id: string; name: string; code: string; updatedAt: string };
type Page = { items: Item[]; total: number; totalExact: boolean; page: number; pageSize: number };

describe('customers: list search, filters, shared scope, capped totals', () => {
  let t: TestApp;
  let admin: Session;
  let agentA: Session;
  let agentB: Session;
  let agentC: Session;
  let supervisor: Session;
  const ids: Record<string, string> = {};

  const list = async (s: Session, query: string) => {
    const r = await s.get(`/api/v1/customers?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Page;
  };
  const names = async (s: Session, query: string) => (await list(s, query)).items.map((i) => i.name).sort();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const option = (value: string) => ({ value, label: value });
    await db.insert(customFieldDefinitions).values([
      { key: 'industry', label: '所属行业', type: 'select', options: ['medical', 'media'].map(option) },
      { key: 'tags', label: '标签', type: 'multi_select', options: ['vip', 'north', 'south'].map(option) },
      { key: 'headcount', label: '人数', type: 'number' },
      { key: 'motto', label: '口号', type: 'text' },
    ]);
    const hotline = await createDepartment(db, { name: '热线组' });
    const sup = await createUser(db, { username: 'sup', roleKey: 'supervisor', departmentId: hotline.id });
    await createUser(db, { username: 'agenta', roleKey: 'agent', departmentId: hotline.id, superiorId: sup.id });
    await createUser(db, { username: 'agentb', roleKey: 'agent', departmentId: hotline.id, superiorId: sup.id });
    await createUser(db, { username: 'agentc', roleKey: 'agent', departmentId: hotline.id });
    admin = await t.signIn('admin');
    agentA = await t.signIn('agenta');
    agentB = await t.signIn('agentb');
    agentC = await t.signIn('agentc');
    supervisor = await t.signIn('sup');
    const mk = async (s: Session, key: string, body: Record<string, unknown>) => {
      const r = await s.post('/api/v1/customers', { kind: 'company', ignoreDuplicates: true, ...body });
      expect(r.statusCode, r.body).toBe(201);
      ids[key] = r.json().id;
    };
    await mk(agentA, 'huaxin', {
      name: '上海华信医疗器械有限公司',
      phone: '021-62345678',
      email: 'Service@HuaXin-med.example.cn',
      customFields: { industry: 'medical' },
    });
    await mk(agentA, 'mingyuan', {
      name: '杭州明远广告传媒有限公司',
      phone: '0571-87654321',
      contacts: [{ name: '陈经理', mobile: '+86 13700005678', isPrimary: true }],
      customFields: { industry: 'media' },
    });
    // A key customer of agent A with agent B as backup: in B's scope without being B's.
    await mk(agentA, 'shared', {
      name: '北京佳禾物业管理有限公司',
      grade: 'A',
      staff: [{ userId: agentB.userId, role: 'backup' }],
    });
    // A second "owner" named at creation is stored as a backup (only the owner is 'owner').
    await mk(agentA, 'second', { name: '南京恒通电子科技有限公司', staff: [{ userId: agentB.userId, role: 'owner' }] });
    await mk(agentC, 'other', { name: '广州华信婚纱摄影有限公司', phone: '020-38881234' });
    await mk(agentC, 'person', { kind: 'person', name: '张伟', phone: '13912345678' });
  });
  afterAll(async () => t?.close());

  it('searches names by two-character terms, longer parts, case-insensitive e-mail, code and phone digits', async () => {
    expect(await names(admin, `q=${encodeURIComponent('华信')}`)).toEqual([
      '上海华信医疗器械有限公司',
      '广州华信婚纱摄影有限公司',
    ]);
    expect(await names(admin, `q=${encodeURIComponent('信医')}`)).toEqual(['上海华信医疗器械有限公司']);
    expect(await names(admin, `q=${encodeURIComponent('张伟')}`)).toEqual(['张伟']);
    expect(await names(admin, `q=${encodeURIComponent('上海华信')}`)).toEqual(['上海华信医疗器械有限公司']);
    expect(await names(admin, 'q=huaxin-MED')).toEqual(['上海华信医疗器械有限公司']);
    expect(await names(admin, 'q=62345678')).toEqual(['上海华信医疗器械有限公司']);
    expect(await names(admin, 'q=1234')).toEqual(['广州华信婚纱摄影有限公司', '张伟']);
    const code = (await list(admin, `q=${encodeURIComponent('明远')}`)).items[0]?.code as string;
    expect(await names(admin, `q=${code.toLowerCase()}`)).toEqual(['杭州明远广告传媒有限公司']);
    // LIKE wildcards are literal, two characters or more.
    expect(await names(admin, `q=${encodeURIComponent('华%')}`)).toEqual([]);
    expect(await names(admin, `q=${encodeURIComponent('华_')}`)).toEqual([]);
    expect(await names(admin, `q=${encodeURIComponent('%')}`)).toEqual([]);
    // The scope still applies to a search.
    expect(await names(agentA, `q=${encodeURIComponent('华信')}`)).toEqual(['上海华信医疗器械有限公司']);
  });

  it('finds an incoming call’s number exactly: the customer’s own or a contact’s, within the scope', async () => {
    expect(await names(admin, `phone=${encodeURIComponent('021-62345678')}`)).toEqual(['上海华信医疗器械有限公司']);
    expect(await names(admin, 'phone=13700005678')).toEqual(['杭州明远广告传媒有限公司']);
    expect(await names(admin, `phone=${encodeURIComponent('+8613700005678')}`)).toEqual(['杭州明远广告传媒有限公司']);
    expect(await names(admin, 'phone=62345678')).toEqual([]); // a part is not the number
    expect(await names(agentC, 'phone=13700005678')).toEqual([]); // not in agent C's scope
    expect(await names(agentC, 'phone=13912345678')).toEqual(['张伟']);
    expect((await agentA.get('/api/v1/customers?phone=abc')).statusCode).toBe(400);
  });

  it('filters by a custom field value, scalar or within a multi-select list', async () => {
    expect(await names(admin, 'cf=industry:medical')).toEqual(['上海华信医疗器械有限公司']);
    const current = (await admin.get(`/api/v1/customers/${ids.shared}`)).json();
    const r = await admin.patch(`/api/v1/customers/${ids.shared}`, {
      version: current.version,
      customFields: { tags: ['vip', 'north'] },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(await names(admin, 'cf=tags:vip')).toEqual(['北京佳禾物业管理有限公司']);
    expect(await names(admin, 'cf=tags:north&cf=tags:vip')).toEqual(['北京佳禾物业管理有限公司']);
    expect(await names(admin, 'cf=tags:south')).toEqual([]);
  });

  it('filters a number field by its number, and a text field by any text (quotes, colons) literally', async () => {
    const current = (await admin.get(`/api/v1/customers/${ids.mingyuan}`)).json();
    const r = await admin.patch(`/api/v1/customers/${ids.mingyuan}`, {
      version: current.version,
      customFields: { ...current.customFields, headcount: '120', motto: 'say "hi": $.x ? (@ == 1) \\ 你好' },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().customFields.headcount).toBe(120);
    expect(await names(admin, 'cf=headcount:120')).toEqual(['杭州明远广告传媒有限公司']);
    expect(await names(admin, 'cf=headcount:120.0')).toEqual(['杭州明远广告传媒有限公司']);
    expect(await names(admin, 'cf=headcount:12')).toEqual([]);
    const motto = encodeURIComponent('say "hi": $.x ? (@ == 1) \\ 你好');
    expect(await names(admin, `cf=motto:${motto}`)).toEqual(['杭州明远广告传媒有限公司']);
    expect(await names(admin, `cf=motto:${encodeURIComponent('say "hi"')}`)).toEqual([]);
    expect(await names(admin, 'cf=industry:media&cf=headcount:120')).toEqual(['杭州明远广告传媒有限公司']);
  });

  it('lists what a user owns or is staff on, with exact totals and the same rows page by page', async () => {
    const own = await list(agentB, 'pageSize=100');
    expect(own.items.map((i) => i.id).sort()).toEqual([ids.shared, ids.second].sort());
    expect(own).toMatchObject({ total: 2, totalExact: true });
    const second = await t.database.db.execute<{ role: string }>(
      sql`SELECT role FROM customer_staff WHERE customer_id = ${ids.second} AND user_id = ${agentB.userId}`,
    );
    expect(second.rows[0]?.role).toBe('backup');
    expect((await agentB.get(`/api/v1/customers/${ids.shared}`)).statusCode).toBe(200);

    const all = (await list(supervisor, 'pageSize=100')).items.map((i) => i.id);
    expect(all).toHaveLength(4);
    expect(all).not.toContain(ids.other);
    const paged: string[] = [];
    for (let page = 1; page <= 3; page += 1) {
      const p = await list(supervisor, `pageSize=2&page=${page}`);
      expect(p).toMatchObject({ total: 4, totalExact: true });
      paged.push(...p.items.map((i) => i.id));
    }
    expect(paged).toEqual(all);
    expect(await names(agentC, 'pageSize=100')).toEqual(['广州华信婚纱摄影有限公司', '张伟']);
  });

  it('counts up to 10,000 and says when there are more; pages stay in order on either side of it', async () => {
    // 10,050 more customers of agent C whose names contain 华信 (and 2,100 of them also 批次).
    await t.database.db.execute(sql`
      INSERT INTO customers (kind, name, region, owner_id, updated_at)
      SELECT 'company', CASE WHEN g <= 2100 THEN '批次' ELSE '' END || '华信分部' || g, '上海', ${agentC.userId}::uuid,
             now() - make_interval(secs => g)
      FROM generate_series(1, 10050) AS g`);
    await t.database.db.execute(sql`
      INSERT INTO customer_staff (customer_id, user_id, role)
      SELECT id, owner_id, 'owner' FROM customers WHERE name LIKE '%华信分部%'`);
    await t.database.db.execute(sql`ANALYZE customers`);

    for (const [s, query] of [
      [admin, ''],
      [admin, `q=${encodeURIComponent('华信')}`],
      [admin, 'region=上海'],
      [agentC, ''],
    ] as const) {
      const p = await list(s, `${query}&pageSize=50`);
      expect(p, query).toMatchObject({ total: 10_000, totalExact: false });
      expect(p.items).toHaveLength(50);
      const times = p.items.map((i) => Date.parse(i.updatedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
    // More than 2,000 matches (read along the list order) and fewer (read from the index), alike.
    const many = await list(admin, `q=${encodeURIComponent('批次')}&pageSize=3&page=2`);
    expect(many).toMatchObject({ total: 2100, totalExact: true });
    expect(many.items.map((i) => i.name)).toEqual(['批次华信分部4', '批次华信分部5', '批次华信分部6']);
    const few = await list(admin, `q=${encodeURIComponent('批次华信分部10')}&pageSize=3&page=2`);
    expect(few).toMatchObject({ total: 111, totalExact: true });
    expect(few.items.map((i) => i.name)).toEqual(['批次华信分部102', '批次华信分部103', '批次华信分部104']);
  });
});
