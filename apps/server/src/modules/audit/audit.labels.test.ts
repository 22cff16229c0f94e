import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';

type Entry = {
  action: string;
  entityType: string;
  entityId: string | null;
  actorName: string | null;
  actorDisplayName: string | null;
  targetLabel: string | null;
};

describe('audit log with names', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  async function entries(query: string, locale = 'zh-CN'): Promise<Entry[]> {
    const r = await admin.get(`/api/v1/audit?${query}`, { 'accept-language': locale });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().items;
  }

  it('names the actor and labels a user, department, role, ticket and customer target', async () => {
    const department = (await admin.post('/api/v1/departments', { name: '售后服务部' })).json();
    const role = await admin.patch('/api/v1/roles/agent', { description: '一线客服' });
    expect(role.statusCode, role.body).toBe(200);
    const user = await admin.post('/api/v1/users', {
      username: 'liming',
      displayName: '黎明',
      roleKey: 'agent',
      password: 'Welcome2026',
    });
    expect(user.statusCode, user.body).toBe(201);
    const ticket = await admin.post('/api/v1/tickets', {
      typeKey: 'consultation',
      channel: 'phone',
      subject: '咨询发票开具',
      description: '客户询问如何开具增值税专用发票。',
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    const customer = await admin.post('/api/v1/customers', {
      kind: 'company',
      name: '华东精密机械有限公司',
      phone: '13800001111',
    });
    expect(customer.statusCode, customer.body).toBe(201);

    const [dept] = await entries(`entityType=department&entityId=${department.id}`);
    expect(dept).toMatchObject({
      actorDisplayName: '系统管理员',
      actorName: '系统管理员 (admin)',
      targetLabel: '售后服务部',
    });
    expect((await entries('entityType=role&entityId=agent'))[0]?.targetLabel).toBe('客服专员');
    expect((await entries('entityType=role&entityId=agent', 'en'))[0]?.targetLabel).toBe('Agent');
    expect((await entries(`entityType=user&entityId=${user.json().id}`))[0]?.targetLabel).toBe('黎明');
    expect((await entries(`entityType=ticket&entityId=${ticket.json().id}`))[0]?.targetLabel).toBe(
      ticket.json().number,
    );
    // A customer by its code only: its name would be a read of the customer (ADR 0006).
    const [cust] = await entries(`entityType=customer&entityId=${customer.json().id}&action=customer.created`);
    expect(cust?.targetLabel).toBe(customer.json().code);
    expect(JSON.stringify(cust?.targetLabel)).not.toContain('华东');
    // A sign-in is about the user who signed in.
    expect((await entries('action=auth.login'))[0]?.targetLabel).toBe('系统管理员');
  });

  it('follows a rename, and a deleted target keeps the name its entry holds', async () => {
    const department = (await admin.post('/api/v1/departments', { name: '临时专班' })).json();
    await admin.patch(`/api/v1/departments/${department.id}`, { name: '临时专班（二期）' });
    const renamed = await entries(`entityType=department&entityId=${department.id}`);
    expect(renamed.map((e) => e.targetLabel)).toEqual(['临时专班（二期）', '临时专班（二期）']);
    expect((await admin.delete(`/api/v1/departments/${department.id}`)).statusCode).toBeLessThan(300);
    const after = await entries(`entityType=department&entityId=${department.id}&action=department.deleted`);
    expect(after[0]?.targetLabel).toBe('临时专班（二期）');
  });

  it('puts the target label in the export', async () => {
    const department = (await admin.post('/api/v1/departments', { name: '质量管理部' })).json();
    const r = await admin.get(`/api/v1/audit/export?format=csv&entityType=department&entityId=${department.id}`);
    const lines = r.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]?.split(',')[6]).toBe('对象');
    expect(lines[1]?.split(',')[6]).toBe('质量管理部');
    // Other types have no label: the id (here none) shows.
    expect((await entries('action=audit.exported'))[0]?.targetLabel).toBeNull();
  });
});
