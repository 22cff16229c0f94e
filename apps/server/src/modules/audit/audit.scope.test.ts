import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createDepartment, createUser } from '../../db/seed/factories.js';

type Entry = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/**
 * The audit log applies the reader's data scope inside the query (by the entry's actor and by
 * whom the described record concerned when written) and masks personal fields below scope `all`.
 */
describe('audit log data scope and personal data', () => {
  let t: TestApp;
  let admin: Session;
  let manager: Session;
  let agentA: Session;
  let agentB: Session;
  let customerA: string;
  let customerB: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    const deptA = await createDepartment(t.database.db, { name: '华东客服部' });
    const deptB = await createDepartment(t.database.db, { name: '华南客服部' });
    await createUser(t.database.db, { username: 'aud_mgr_a', roleKey: 'department_manager', departmentId: deptA.id });
    await createUser(t.database.db, { username: 'aud_agent_a', roleKey: 'agent', departmentId: deptA.id });
    await createUser(t.database.db, { username: 'aud_agent_b', roleKey: 'agent', departmentId: deptB.id });
    manager = await t.signIn('aud_mgr_a');
    agentA = await t.signIn('aud_agent_a');
    agentB = await t.signIn('aud_agent_b');
    const create = async (s: Session, name: string, phone: string, email: string) => {
      const r = await s.post('/api/v1/customers', {
        kind: 'person',
        name,
        phone,
        email,
        address: '上海市浦东新区世纪大道100号',
        contacts: [{ name: '联系人', mobile: '13700001111' }],
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: string; version: number };
    };
    const a = await create(agentA, '华东客户', '13812345678', 'east@example.com');
    customerA = a.id;
    customerB = (await create(agentB, '华南客户', '13987654321', 'south@example.com')).id;
    // An entry written by someone outside the manager's scope about a customer inside it.
    const patched = await admin.patch(`/api/v1/customers/${customerA}`, { wechat: 'wx_east_2024', version: a.version });
    expect(patched.statusCode, patched.body).toBe(200);
  });
  afterAll(async () => t?.close());

  async function read(s: Session, query: string) {
    const r = await s.get(`/api/v1/audit?pageSize=100&${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: Entry[]; total: number };
  }

  it("does not show a department manager another department's customer entries", async () => {
    const { items } = await read(manager, 'entityType=customer');
    const ids = items.map((e) => e.entityId);
    expect(ids).toContain(customerA);
    expect(ids).not.toContain(customerB);
    // Including the admin's change of a customer in scope (actor outside the scope).
    expect(items.some((e) => e.action === 'customer.updated' && e.entityId === customerA)).toBe(true);
  });

  it('reveals nothing when a filter names an out-of-scope entity or actor', async () => {
    expect(await read(manager, `entityId=${customerB}`)).toMatchObject({ items: [], total: 0 });
    expect(await read(manager, `actorId=${agentB.userId}`)).toMatchObject({ items: [], total: 0 });
  });

  it('shows a reader with scope own what they did and what concerns their records only', async () => {
    const role = await admin.post('/api/v1/roles', {
      key: 'own_auditor',
      name: '本人审计',
      permissions: ['audit.read', 'customers.read', 'customers.write'],
      dataScope: 'own',
    });
    expect(role.statusCode, role.body).toBe(201);
    await createUser(t.database.db, { username: 'aud_own', roleKey: 'own_auditor' });
    const own = await t.signIn('aud_own');
    const mine = await own.post('/api/v1/customers', { kind: 'person', name: '自己的客户', phone: '13600002222' });
    expect(mine.statusCode, mine.body).toBe(201);
    const ids = (await read(own, 'entityType=customer')).items.map((e) => e.entityId);
    expect(ids).toEqual([mine.json().id]);
    expect((await read(own, `entityId=${customerA}`)).total).toBe(0);
  });

  it('masks personal fields for readers below scope all', async () => {
    const { items } = await read(manager, `entityId=${customerA}&action=customer.created`);
    const after = items[0]?.after ?? {};
    expect(after.name).toBe('华东客户');
    expect(after.phone).toBe('138****5678');
    expect(after.email).toBe('e***@example.com');
    expect(after.address).not.toContain('世纪大道100号');
    const contacts = after.contacts as { name: string; mobile: string }[];
    expect(contacts[0]?.mobile).toBe('137****1111');
    const body = JSON.stringify(items);
    for (const secret of ['13812345678', 'east@example.com', '13700001111', '世纪大道'])
      expect(body).not.toContain(secret);
    const [update] = (await read(manager, `entityId=${customerA}&action=customer.updated`)).items;
    expect(JSON.stringify(update)).not.toContain('wx_east_2024');
  });

  it('shows an administrator every entry unmasked', async () => {
    const { items } = await read(admin, 'entityType=customer&action=customer.created');
    const byId = new Map(items.map((e) => [e.entityId, e]));
    expect(byId.get(customerA)?.after).toMatchObject({ phone: '13812345678', email: 'east@example.com' });
    expect(byId.get(customerB)?.after).toMatchObject({ phone: '13987654321' });
  });

  it('exports only entries in scope, with personal fields masked', async () => {
    const role = await admin.post('/api/v1/roles', {
      key: 'dept_auditor',
      name: '部门审计',
      permissions: ['audit.read', 'audit.export'],
      dataScope: 'department',
    });
    expect(role.statusCode, role.body).toBe(201);
    const deptA = (await t.database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.username, 'aud_mgr_a') }))
      ?.departmentId;
    await createUser(t.database.db, { username: 'aud_exporter', roleKey: 'dept_auditor', departmentId: deptA });
    const exporter = await t.signIn('aud_exporter');
    const csv = (await exporter.get('/api/v1/audit/export?entityType=customer')).body;
    expect(csv).toContain(customerA);
    expect(csv).not.toContain(customerB);
    expect(csv).toContain('138****5678');
    expect(csv).not.toContain('13812345678');
    // Even an administrator's export masks personal data (the file leaves Kefu's access control).
    const all = (await admin.get('/api/v1/audit/export?entityType=customer')).body;
    expect(all).toContain(customerB);
    expect(all).not.toContain('13987654321');
  });
});
