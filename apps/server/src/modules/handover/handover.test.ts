import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventLog } from '../../../test/events.js';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createDepartment, createUser } from '../../db/seed/factories.js';
import { customerStaff, customers } from '../customers/customers.tables.js';
import { handoverContributors } from './handover.contributors.js';

type Row = Record<string, unknown>;

describe('handover: customers and open work to a successor in one transaction', () => {
  let t: TestApp;
  let admin: Session;
  let supervisor: Session;
  let agent: Session;
  let leaverSession: Session;
  let u: Record<'leaver' | 'successor' | 'peer' | 'outsider' | 'retired', string>;
  let owned: string[]; // the 501 live customers the leaver owns
  let c: Record<'key' | 'sales' | 'backup' | 'other' | 'merged' | 'mine', string>;
  let events: EventLog;

  const rows = async <T = Row>(q: ReturnType<typeof sql>) => (await t.database.db.execute(q)).rows as T[];
  const n = async (q: ReturnType<typeof sql>) => Number((await rows<{ n: number }>(q))[0]?.n);
  const ownedBy = (userId: string) =>
    n(sql`SELECT count(*)::int AS n FROM customers WHERE owner_id = ${userId} AND merged_into_id IS NULL`);
  const nothingWritten = async () => {
    expect(await ownedBy(u.leaver)).toBe(501);
    expect(await ownedBy(u.successor)).toBe(1);
    expect(await n(sql`SELECT count(*)::int AS n FROM customer_staff WHERE user_id = ${u.leaver}`)).toBe(505);
    expect(await n(sql`SELECT count(*)::int AS n FROM customers WHERE version <> 1`)).toBe(0);
    expect(await n(sql`SELECT count(*)::int AS n FROM customer_timeline WHERE kind = 'handover'`)).toBe(0);
    expect(await n(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'handover'`)).toBe(0);
    expect(await n(sql`SELECT count(*)::int AS n FROM handovers`)).toBe(0);
    expect(await n(sql`SELECT count(*)::int AS n FROM notifications`)).toBe(0);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const centre = await createDepartment(db, { name: '客户服务中心' });
    const elsewhere = await createDepartment(db, { name: '华南分部' });
    const sup = await createUser(db, { username: 'sup', roleKey: 'supervisor', departmentId: centre.id });
    const mk = (username: string, extra: Parameters<typeof createUser>[1] = {}) =>
      createUser(db, { username, displayName: username, departmentId: centre.id, superiorId: sup.id, ...extra }).then(
        (r) => r.id,
      );
    u = {
      leaver: await mk('leaver', { displayName: '王芳' }),
      successor: await mk('successor', { displayName: '李强', phone: '13800138000' }),
      peer: await mk('peer'),
      retired: await mk('retired', { isActive: false }),
      outsider: (await createUser(db, { username: 'outsider', departmentId: elsewhere.id })).id,
    };
    await createUser(db, { username: 'plainagent', departmentId: centre.id, superiorId: sup.id });

    // 500 customers owned by the leaver, inserted in bulk.
    const bulk = await db
      .insert(customers)
      .values(
        Array.from({ length: 500 }, (_, i) => ({
          kind: 'company' as const,
          name: `批量客户${i}`,
          ownerId: u.leaver,
        })),
      )
      .returning({ id: customers.id });
    const one = async (
      values: Partial<typeof customers.$inferInsert>,
      staff: [string, 'owner' | 'backup' | 'sales' | 'engineer' | 'other'][],
    ) => {
      const [row] = await db
        .insert(customers)
        .values({ kind: 'company', name: '客户', ...values })
        .returning({ id: customers.id });
      const id = row?.id as string;
      if (staff.length)
        await db.insert(customerStaff).values(staff.map(([userId, role]) => ({ customerId: id, userId, role })));
      return id;
    };
    c = {
      key: await one({ name: '上海华信医疗器械', grade: 'A', ownerId: u.leaver }, [
        [u.leaver, 'owner'],
        [u.successor, 'backup'],
      ]),
      sales: await one({ name: '杭州明远广告', ownerId: u.peer }, [
        [u.peer, 'owner'],
        [u.leaver, 'sales'],
      ]),
      backup: await one({ name: '苏州康宁医院', ownerId: u.peer }, [
        [u.peer, 'owner'],
        [u.leaver, 'backup'],
        [u.successor, 'engineer'],
      ]),
      other: await one({ name: '北京佳禾物业', ownerId: u.peer }, [
        [u.peer, 'owner'],
        [u.leaver, 'other'],
        [u.successor, 'sales'],
      ]),
      merged: await one({ name: '已合并客户', ownerId: u.leaver, mergedIntoId: bulk[0]?.id }, [[u.leaver, 'owner']]),
      mine: await one({ name: '李强的老客户', ownerId: u.successor }, [[u.successor, 'owner']]),
    };
    await db
      .insert(customerStaff)
      .values(bulk.map(({ id }) => ({ customerId: id, userId: u.leaver, role: 'owner' as const })));
    owned = [...bulk.map((b) => b.id), c.key];

    admin = await t.signIn('admin');
    supervisor = await t.signIn('sup');
    agent = await t.signIn('plainagent');
    leaverSession = await t.signIn('leaver');
    events = new EventLog(t.database.db);
  });
  afterAll(async () => t?.close());

  const body = (extra: Row = {}) => ({
    fromUserId: u.leaver,
    toUserId: u.successor,
    reason: '离职交接',
    notifyCustomers: false,
    ...extra,
  });
  const parties = (extra: Row = {}) => ({ fromUserId: u.leaver, toUserId: u.successor, ...extra });

  it('refuses an agent (403) and keeps supervisors to their team (404)', async () => {
    for (const r of [
      await agent.post('/api/v1/handovers/preview', parties()),
      await agent.post('/api/v1/handovers', body()),
      await agent.get('/api/v1/handovers'),
    ]) {
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ code: 'forbidden', params: { permission: 'customers.handover' } });
    }
    for (const who of [{ fromUserId: u.outsider }, { toUserId: u.outsider }]) {
      const preview = await supervisor.post('/api/v1/handovers/preview', parties(who));
      expect(preview.statusCode).toBe(404);
      expect(preview.json().code).toBe('users.not_found');
      expect((await supervisor.post('/api/v1/handovers', body(who))).statusCode).toBe(404);
    }
    // Only someone who may disable accounts may disable the leaving user along the way.
    const deactivate = await supervisor.post('/api/v1/handovers', body({ deactivateFrom: true }));
    expect(deactivate.statusCode).toBe(403);
    expect(deactivate.json().params.permission).toBe('users.write');
    await nothingWritten();
  });

  it('refuses a handover to oneself, to a disabled successor, or with an unknown template placeholder', async () => {
    const same = await admin.post('/api/v1/handovers/preview', parties({ toUserId: u.leaver }));
    expect([same.statusCode, same.json().code]).toEqual([400, 'handover.same_user']);
    const retired = await admin.post('/api/v1/handovers', body({ toUserId: u.retired }));
    expect([retired.statusCode, retired.json().code]).toEqual([400, 'handover.successor_inactive']);
    const typo = await admin.post(
      '/api/v1/handovers',
      body({ notifyCustomers: true, messageTemplate: '{客户名称}您好，新对接人：{新对接入}' }),
    );
    expect([typo.statusCode, typo.json().code]).toEqual([400, 'handover.template_unknown_variable']);
    expect(typo.json().detail).toContain('{新对接入}');
    await nothingWritten();
  });

  it('previews exactly what will move', async () => {
    const r = await supervisor.post('/api/v1/handovers/preview', parties());
    expect(r.statusCode, r.body).toBe(200);
    const p = r.json();
    expect(p.from).toMatchObject({ id: u.leaver, displayName: '王芳', isActive: true });
    const [own, staff] = p.contributions;
    expect(own).toMatchObject({ kind: 'customers', label: '专属客户', count: 501, warnings: [] });
    expect(own.items).toHaveLength(50);
    expect(Object.keys(own.items[0]).sort()).toEqual(['code', 'grade', 'id', 'name']);
    expect(own.items.every((i: { id: string }) => owned.includes(i.id))).toBe(true);
    expect(staff).toMatchObject({ kind: 'customerStaff', count: 3 });
    const byId = Object.fromEntries(staff.items.map((i: Row) => [i.id, [i.role, i.successorRole]]));
    expect(byId).toEqual({
      [c.sales]: ['sales', null],
      [c.backup]: ['backup', 'engineer'],
      [c.other]: ['other', 'sales'],
    });
    // Both were staff on the key customer: afterwards it has one contact where it needs two.
    expect(staff.warnings).toEqual([
      { code: 'key_customer_short_of_staff', count: 1, items: [expect.objectContaining({ id: c.key, grade: 'A' })] },
    ]);
  });

  it('leaves nothing half-moved when a contributor fails after the customers moved', async () => {
    let leftWithLeaver = -1;
    handoverContributors.push({
      kind: 'exploding',
      label: { 'zh-CN': '故障', en: 'failure' },
      preview: async () => ({ count: 0, items: [] }),
      async move(tx, from) {
        const left = await tx.execute(sql`SELECT count(*)::int AS n FROM customers WHERE owner_id = ${from}`);
        leftWithLeaver = Number(left.rows[0]?.n);
        throw new Error('injected failure');
      },
    });
    try {
      const r = await admin.post('/api/v1/handovers', body({ notifyCustomers: true, deactivateFrom: true }));
      expect(r.statusCode).toBe(500);
    } finally {
      handoverContributors.pop();
    }
    expect(leftWithLeaver).toBe(1); // inside the transaction, all but the merged-away record had moved…
    await nothingWritten(); // …and after it, none has
    expect((await leaverSession.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('leaves nothing half-moved when the database refuses the 250th customer update', async () => {
    const ddl = [
      'CREATE SEQUENCE handover_test_seq',
      `CREATE FUNCTION handover_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF nextval('handover_test_seq') = 250 THEN RAISE EXCEPTION 'injected at row 250'; END IF; RETURN NEW; END $$`,
      'CREATE TRIGGER handover_test_fail BEFORE UPDATE OF owner_id ON customers FOR EACH ROW EXECUTE FUNCTION handover_test_fail()',
    ];
    for (const statement of ddl) await t.database.executeSql(statement, []);
    try {
      expect((await admin.post('/api/v1/handovers', body())).statusCode).toBe(500);
    } finally {
      await t.database.executeSql('DROP TRIGGER handover_test_fail ON customers', []);
      await t.database.executeSql('DROP FUNCTION handover_test_fail()', []);
      await t.database.executeSql('DROP SEQUENCE handover_test_seq', []);
    }
    await nothingWritten();
  });

  it('hands over a user with 500 customers in one transaction: owners, staff, timeline, versions, audit', async () => {
    const r = await admin.post('/api/v1/handovers', body({ deactivateFrom: true }));
    expect(r.statusCode, r.body).toBe(201);
    const h = r.json();
    expect(h).toMatchObject({
      fromName: '王芳',
      toName: '李强',
      counts: { customers: 501, customerStaff: 3 },
      affectedCustomers: 504,
      deactivatedFrom: true,
      notify: false,
      notifyJobId: null,
    });

    expect(await ownedBy(u.leaver)).toBe(0);
    expect(await ownedBy(u.successor)).toBe(502);
    const merged = await rows(sql`SELECT owner_id FROM customers WHERE id = ${c.merged}`);
    expect(merged[0]?.owner_id).toBe(u.leaver); // merged-away records are history and stay as they were
    const staff = await rows<{ customer_id: string; user_id: string; role: string }>(
      sql`SELECT customer_id, user_id, role FROM customer_staff WHERE customer_id IN (${c.key}, ${c.sales}, ${c.backup}, ${c.other})`,
    );
    const roleOf = (customerId: string) =>
      staff.find((s) => s.customer_id === customerId && s.user_id === u.successor)?.role;
    expect(staff.some((s) => s.user_id === u.leaver)).toBe(false);
    // Where both were staff, the successor keeps the stronger role.
    expect([roleOf(c.key), roleOf(c.sales), roleOf(c.backup), roleOf(c.other)]).toEqual([
      'owner',
      'sales',
      'backup',
      'sales',
    ]);
    expect(
      await n(sql`SELECT count(*)::int AS n FROM customer_staff WHERE user_id = ${u.successor} AND role = 'owner'`),
    ).toBe(502);

    // One timeline entry and one version bump per affected customer; untouched ones unchanged.
    const entries = await rows<{ customer_id: string; ref_id: string }>(
      sql`SELECT customer_id, ref_id FROM customer_timeline WHERE kind = 'handover'`,
    );
    expect(entries).toHaveLength(504);
    expect(new Set(entries.map((e) => e.customer_id)).size).toBe(504);
    expect(entries.every((e) => e.ref_id === h.id)).toBe(true);
    expect(await n(sql`SELECT count(*)::int AS n FROM customers WHERE version = 2`)).toBe(504);
    expect(await n(sql`SELECT version AS n FROM customers WHERE id = ${c.mine}`)).toBe(1);
    const timeline = (await admin.get(`/api/v1/customers/${c.sales}/timeline`)).json().items;
    expect(timeline[0]).toMatchObject({
      kind: 'handover',
      body: '离职交接',
      before: { userId: u.leaver },
      after: { userId: u.successor, kinds: ['customerStaff'] },
    });

    const audit = await rows<{ action: string; details: { customerIds: string[] } | null }>(
      sql`SELECT action, details FROM audit_log WHERE entity_id IN (${h.id}, ${u.leaver}) AND action IN ('handover.completed', 'user.updated') ORDER BY id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['handover.completed', 'user.updated']);
    expect(audit[0]?.details?.customerIds).toHaveLength(504);
    expect((await events.list('handover.completed')).map((e) => e.payload)).toEqual([
      { handoverId: h.id, fromUserId: u.leaver, toUserId: u.successor, customerCount: 504 },
    ]);
    expect(await n(sql`SELECT count(*)::int AS n FROM notifications WHERE recipient = ${u.successor}`)).toBe(1);

    // The leaving user is disabled and signed out.
    expect((await leaverSession.get('/api/v1/auth/me')).statusCode).toBe(401);

    // The history, scoped: the supervisor sees it, a manager elsewhere does not.
    const history = (await supervisor.get(`/api/v1/handovers?userId=${u.leaver}`)).json();
    expect(history).toMatchObject({
      total: 1,
      items: [{ id: h.id, counts: { customers: 501, customerStaff: 3 }, createdByName: '系统管理员' }],
    });
    const far = await createDepartment(t.database.db);
    await createUser(t.database.db, { username: 'farmgr', roleKey: 'department_manager', departmentId: far.id });
    expect((await (await t.signIn('farmgr')).get('/api/v1/handovers')).json().total).toBe(0);
  });
});
