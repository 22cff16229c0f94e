import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventLog } from '../../../../test/events.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';

describe('customers: records, scope and audit', () => {
  let t: TestApp;
  let admin: Session;
  let agentA: Session;
  let agentB: Session;
  let supervisor: Session;
  let manager: Session;
  let ids: { a: string; b: string; other: string };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const centre = await createDepartment(db, { name: '客户服务中心' });
    const hotline = await createDepartment(db, { name: '热线组', parentId: centre.id });
    const elsewhere = await createDepartment(db, { name: '华南分部' });
    const mgr = await createUser(db, { username: 'mgr', roleKey: 'department_manager', departmentId: centre.id });
    const sup = await createUser(db, {
      username: 'sup',
      roleKey: 'supervisor',
      departmentId: hotline.id,
      superiorId: mgr.id,
    });
    await createUser(db, { username: 'agenta', roleKey: 'agent', departmentId: hotline.id, superiorId: sup.id });
    await createUser(db, { username: 'agentb', roleKey: 'agent', departmentId: hotline.id, superiorId: sup.id });
    await createUser(db, { username: 'agentc', roleKey: 'agent', departmentId: elsewhere.id });
    admin = await t.signIn('admin');
    agentA = await t.signIn('agenta');
    agentB = await t.signIn('agentb');
    supervisor = await t.signIn('sup');
    manager = await t.signIn('mgr');
    const other = await t.signIn('agentc');
    const mk = async (s: Session, name: string, phone: string) => {
      const r = await s.post('/api/v1/customers', { kind: 'company', name, phone, categoryKey: 'dealer' });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    ids = {
      a: await mk(agentA, '上海华信医疗器械有限公司', '021-62345678'),
      b: await mk(agentB, '杭州明远广告传媒有限公司', '0571-87654321'),
      other: await mk(other, '广州喜临门婚纱摄影有限公司', '020-38881234'),
    };
  });
  afterAll(async () => t?.close());

  it('creates a company with contacts; the creator becomes the owner', async () => {
    const r = await agentA.post('/api/v1/customers', {
      kind: 'company',
      name: '苏州工业园区康宁医院',
      phone: '+86 139 6210 1001',
      contacts: [
        { name: '沈雪', title: '医学工程科', mobile: '13962101001', isPrimary: true },
        { name: '陆明', mobile: '13962101002' },
      ],
    });
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json();
    expect(c.code).toMatch(/^KH\d{6}$/);
    expect(c.contacts).toHaveLength(2);
    expect(c.ownerId).toBe(agentA.userId);
    expect(c.staff).toEqual([expect.objectContaining({ userId: agentA.userId, role: 'owner' })]);
  });

  it('applies the data scope inside the query: own / team / department / all', async () => {
    const names = async (s: Session) =>
      ((await s.get('/api/v1/customers?pageSize=100')).json().items as { id: string }[]).map((i) => i.id);
    expect(await names(agentA)).toContain(ids.a);
    expect(await names(agentA)).not.toContain(ids.b);
    expect(await names(supervisor)).toEqual(expect.arrayContaining([ids.a, ids.b]));
    expect(await names(supervisor)).not.toContain(ids.other);
    expect(await names(manager)).toEqual(expect.arrayContaining([ids.a, ids.b]));
    expect(await names(manager)).not.toContain(ids.other);
    expect(await names(admin)).toEqual(expect.arrayContaining([ids.a, ids.b, ids.other]));
    expect((await agentA.get(`/api/v1/customers/${ids.b}`)).statusCode).toBe(404);
  });

  it('audits every view of a customer file and every export, one entry each', async () => {
    const before = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'customer.viewed' AND entity_id = ${ids.a}`,
    );
    await agentA.get(`/api/v1/customers/${ids.a}`);
    await supervisor.get(`/api/v1/customers/${ids.a}`);
    const after = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'customer.viewed' AND entity_id = ${ids.a}`,
    );
    expect(Number(after.rows[0]?.n) - Number(before.rows[0]?.n)).toBe(2);
    const csv = await supervisor.get('/api/v1/customers/export?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(csv.body).toContain('杭州明远广告传媒有限公司');
    expect(csv.body).not.toContain('广州喜临门');
    const exports = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'customer.exported'`,
    );
    expect(Number(exports.rows[0]?.n)).toBe(1);
  });

  it('flags possible duplicates (phone, e-mail, similar name) unless confirmed', async () => {
    const dup = await agentA.post('/api/v1/customers', {
      kind: 'company',
      name: '上海华信医疗器械',
      phone: '02162345678',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('customers.possible_duplicate');
    const ok = await agentA.post('/api/v1/customers', {
      kind: 'company',
      name: '上海华信医疗器械',
      phone: '02162345678',
      ignoreDuplicates: true,
    });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses to leave a key customer with fewer than two staff contacts', async () => {
    const one = await agentA.post('/api/v1/customers', {
      kind: 'company',
      name: '北京佳禾物业管理有限公司',
      grade: 'A',
    });
    expect(one.statusCode).toBe(409);
    expect(one.json().code).toBe('customers.key_needs_two_staff');
    const two = await agentA.post('/api/v1/customers', {
      kind: 'company',
      name: '北京佳禾物业管理有限公司',
      grade: 'A',
      staff: [{ userId: agentB.userId, role: 'backup' }],
    });
    expect(two.statusCode, two.body).toBe(201);
    const cut = await agentA.inject('PUT', `/api/v1/customers/${two.json().id}/staff`, { staff: [] });
    expect(cut.statusCode).toBe(409);
  });

  it('updates with optimistic locking and keeps before/after on the timeline', async () => {
    const current = (await agentA.get(`/api/v1/customers/${ids.a}`)).json();
    const first = await agentA.patch(`/api/v1/customers/${ids.a}`, {
      version: current.version,
      region: '上海',
      grade: 'B',
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await agentA.patch(`/api/v1/customers/${ids.a}`, { version: current.version, region: '浙江' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('conflict');
    const timeline = (await agentA.get(`/api/v1/customers/${ids.a}/timeline`)).json();
    const change = timeline.items.find((e: { titleKey: string }) => e.titleKey === 'customer.updated');
    expect(change.after).toMatchObject({ region: '上海', grade: 'B' });
  });

  it('logs contacts and milestones on the timeline, and emits milestones for the callback module', async () => {
    const events = new EventLog(t.database.db);
    await events.reset();
    expect(
      (
        await agentA.post(`/api/v1/customers/${ids.a}/timeline`, {
          kind: 'call',
          direction: 'outbound',
          title: '回访设备使用情况',
        })
      ).statusCode,
    ).toBe(204);
    const m = await agentA.post(`/api/v1/customers/${ids.a}/milestones`, {
      typeKey: 'installation',
      date: '2026-12-01',
    });
    expect(m.statusCode, m.body).toBe(201);
    expect(
      (await agentA.post(`/api/v1/customers/${ids.a}/milestones`, { typeKey: 'nope', date: '2026-12-01' })).statusCode,
    ).toBe(400);
    const kinds = (await agentA.get(`/api/v1/customers/${ids.a}/timeline`))
      .json()
      .items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['call', 'milestone', 'change']));
    expect((await events.list('customer.milestone_set')).map((e) => e.payload)).toEqual([
      { customerId: ids.a, milestoneId: m.json().id, typeKey: 'installation', date: '2026-12-01', orderId: null },
    ]);
    const list = (await agentA.get(`/api/v1/customers/${ids.a}/milestones`)).json();
    expect(list.items[0]).toMatchObject({ typeKey: 'installation', typeName: '安装', date: '2026-12-01' });
  });
});
