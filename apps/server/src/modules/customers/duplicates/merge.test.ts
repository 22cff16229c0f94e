import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventLog } from '../../../../test/events.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';
import { customerBusinessFigures, customerOrders } from '../customers.tables.js';
import { customerEvaluations } from '../grading/grading.tables.js';

describe('customers: duplicates and merge', () => {
  let t: TestApp;
  let manager: Session;
  let agentA: Session;
  let agentB: Session;
  let admin: Session;
  let ids: { target: string; source: string; elsewhere: string };

  const timelineTitles = async (customerId: string) =>
    (
      await t.database.db.execute<{ title: string }>(
        sql`SELECT title FROM customer_timeline WHERE customer_id = ${customerId} ORDER BY id`,
      )
    ).rows.map((r) => r.title);

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const centre = await createDepartment(db, { name: '客户服务中心' });
    const south = await createDepartment(db, { name: '华南分部' });
    await createUser(db, { username: 'mgr', roleKey: 'department_manager', departmentId: centre.id });
    await createUser(db, { username: 'agenta', displayName: '客服甲', roleKey: 'agent', departmentId: centre.id });
    await createUser(db, { username: 'agentb', displayName: '客服乙', roleKey: 'agent', departmentId: centre.id });
    await createUser(db, { username: 'agentc', roleKey: 'agent', departmentId: south.id });
    manager = await t.signIn('mgr');
    agentA = await t.signIn('agenta');
    agentB = await t.signIn('agentb');
    admin = await t.signIn('admin');
    const agentC = await t.signIn('agentc');

    const target = await agentA.post('/api/v1/customers', {
      kind: 'company',
      name: '上海华信医疗器械有限公司',
      email: 'service@huaxin.example.cn',
      contacts: [{ name: '沈雪', mobile: '13962101001', isPrimary: true }],
    });
    const source = await agentB.post('/api/v1/customers', {
      kind: 'company',
      name: '上海华信医疗器械',
      phone: '021-62345678',
      region: '上海',
      grade: 'B',
      categoryKey: 'dealer',
      email: 'SERVICE@huaxin.example.cn',
      contacts: [{ name: '陆明', mobile: '13962101002', isPrimary: true }],
      ignoreDuplicates: true,
    });
    const elsewhere = await agentC.post('/api/v1/customers', {
      kind: 'company',
      name: '上海华信医疗器械（华南）',
      email: 'service@huaxin.example.cn',
      ignoreDuplicates: true,
    });
    for (const r of [target, source, elsewhere]) expect(r.statusCode, r.body).toBe(201);
    ids = { target: target.json().id, source: source.json().id, elsewhere: elsewhere.json().id };

    await agentA.post(`/api/v1/customers/${ids.target}/timeline`, { kind: 'call', title: '电话回访：设备运行正常' });
    await agentB.post(`/api/v1/customers/${ids.source}/timeline`, { kind: 'visit', title: '上门巡检' });
    await agentB.post(`/api/v1/customers/${ids.source}/milestones`, { typeKey: 'installation', date: '2026-03-01' });
    await db.insert(customerOrders).values({ customerId: ids.source, orderNo: 'HX-2026-001', title: '超声设备采购' });
    await db.insert(customerBusinessFigures).values([
      { customerId: ids.target, year: 2024, revenue: '100000.00' },
      { customerId: ids.source, year: 2024, revenue: '999.00' },
      { customerId: ids.source, year: 2025, revenue: '250000.00' },
    ]);
    await db
      .insert(customerEvaluations)
      .values({ customerId: ids.source, scores: { satisfaction: 80 }, totalScore: '80.00', gradeAfter: 'B' });
  });
  afterAll(async () => t?.close());

  it('lists possible duplicates within the caller’s scope only', async () => {
    const mine = await manager.get(`/api/v1/customers/${ids.target}/duplicates`);
    expect(mine.statusCode, mine.body).toBe(200);
    const items = mine.json().items as { id: string; reasons: string[] }[];
    expect(items.map((i) => i.id)).toEqual([ids.source]);
    expect(items[0]?.reasons).toContain('email');
    const all = (await admin.get(`/api/v1/customers/${ids.target}/duplicates`))
      .json()
      .items.map((i: { id: string }) => i.id);
    expect(all).toEqual(expect.arrayContaining([ids.source, ids.elsewhere]));
    expect((await agentB.get(`/api/v1/customers/${ids.target}/duplicates`)).statusCode).toBe(404);
  });

  it('refuses a merge without permission, with itself, or with a customer out of scope', async () => {
    expect((await agentA.post(`/api/v1/customers/${ids.target}/merge`, { sourceId: ids.source })).statusCode).toBe(403);
    const self = await manager.post(`/api/v1/customers/${ids.target}/merge`, { sourceId: ids.target });
    expect(self.statusCode).toBe(400);
    expect(self.json().code).toBe('customers.merge_same');
    const outside = await manager.post(`/api/v1/customers/${ids.target}/merge`, { sourceId: ids.elsewhere });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('customers.not_found');
  });

  it('merges the source into the target: everything moves, empty fields fill, the source disappears', async () => {
    const events = new EventLog(t.database.db);
    await events.reset();
    const before = { target: await timelineTitles(ids.target), source: await timelineTitles(ids.source) };
    expect(before.source).toEqual(expect.arrayContaining(['customer.created', '上门巡检', '安装']));

    const r = await manager.post(`/api/v1/customers/${ids.target}/merge`, { sourceId: ids.source });
    expect(r.statusCode, r.body).toBe(200);
    const merged = r.json();
    expect(merged).toMatchObject({
      id: ids.target,
      name: '上海华信医疗器械有限公司',
      phone: '021-62345678',
      region: '上海',
      grade: 'B',
      categoryKey: 'dealer',
      email: 'service@huaxin.example.cn',
    });
    expect(merged.contacts.map((c: { name: string; isPrimary: boolean }) => [c.name, c.isPrimary])).toEqual([
      ['沈雪', true],
      ['陆明', false],
    ]);
    expect(merged.staff.map((s: { displayName: string; role: string }) => [s.displayName, s.role])).toEqual([
      ['客服甲', 'owner'],
      ['客服乙', 'backup'],
    ]);

    // Every timeline entry of both, plus the merge entry.
    const after = await timelineTitles(ids.target);
    expect(after).toHaveLength(before.target.length + before.source.length + 1);
    expect(after).toEqual(expect.arrayContaining([...before.target, ...before.source, 'customer.merged']));
    expect(await timelineTitles(ids.source)).toEqual([]);
    const timeline = (await manager.get(`/api/v1/customers/${ids.target}/timeline?pageSize=50`)).json();
    expect(timeline.items[0]).toMatchObject({
      kind: 'merge',
      titleKey: 'customer.merged',
      title: '合并重复客户',
      refId: ids.source,
    });

    const db = t.database.db;
    const figures = await db
      .select()
      .from(customerBusinessFigures)
      .orderBy(customerBusinessFigures.year, customerBusinessFigures.revenue);
    expect(figures.map((f) => [f.customerId === ids.target ? 'target' : 'source', f.year, f.revenue])).toEqual([
      ['source', 2024, '999.00'],
      ['target', 2024, '100000.00'],
      ['target', 2025, '250000.00'],
    ]);
    expect(await db.select().from(customerOrders).where(eq(customerOrders.customerId, ids.target))).toHaveLength(1);
    expect(
      await db.select().from(customerEvaluations).where(eq(customerEvaluations.customerId, ids.target)),
    ).toHaveLength(1);
    const milestones = (await manager.get(`/api/v1/customers/${ids.target}/milestones`)).json().items;
    expect(milestones).toEqual([expect.objectContaining({ typeKey: 'installation', date: '2026-03-01' })]);
    const grades = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM customer_grade_history WHERE customer_id = ${ids.target}`,
    );
    expect(Number(grades.rows[0]?.n)).toBe(2); // the source's initial B, and the target's B from the merge

    // The source is gone from lists and reads; a second merge finds nothing.
    const list = (await manager.get('/api/v1/customers?pageSize=100')).json().items.map((c: { id: string }) => c.id);
    expect(list).toContain(ids.target);
    expect(list).not.toContain(ids.source);
    expect((await manager.get(`/api/v1/customers/${ids.source}`)).statusCode).toBe(404);
    expect((await manager.post(`/api/v1/customers/${ids.target}/merge`, { sourceId: ids.source })).statusCode).toBe(
      404,
    );
    // …but its row stays, pointing at the target.
    const [row] = (
      await db.execute<{ merged_into_id: string }>(sql`SELECT merged_into_id FROM customers WHERE id = ${ids.source}`)
    ).rows;
    expect(row?.merged_into_id).toBe(ids.target);

    const audit = await db.execute<{
      before: { target: { id: string }; source: { id: string } };
      after: { source: { mergedIntoId: string } };
    }>(sql`SELECT before, after FROM audit_log WHERE action = 'customer.merged' AND entity_id = ${ids.target}`);
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.before.source.id).toBe(ids.source);
    expect(audit.rows[0]?.after.source.mergedIntoId).toBe(ids.target);
    expect((await events.list('customer.merged')).map((e) => e.payload)).toEqual([
      { targetId: ids.target, sourceId: ids.source },
    ]);
    expect(
      await db
        .select()
        .from(customerBusinessFigures)
        .where(and(eq(customerBusinessFigures.customerId, ids.source), eq(customerBusinessFigures.year, 2025))),
    ).toHaveLength(0);
  });
});
