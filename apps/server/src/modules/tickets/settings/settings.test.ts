import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';

const BASE = '/api/v1/ticket-settings';
const MISSING = '3f6c1b4e-2a5d-4c8e-9f01-7b2d6e8a9c4d';

describe('ticket settings: types and root causes', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let supervisor: Session;
  let fieldId: string;

  const auditCount = async (entityType: string) =>
    Number(
      (
        await t.database.db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = ${entityType}`,
        )
      ).rows[0]?.n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    const hotline = await createDepartment(t.database.db, { name: '热线组' });
    fieldId = (await createDepartment(t.database.db, { name: '现场服务组' })).id;
    await createUser(t.database.db, { username: 'sagent', roleKey: 'agent', departmentId: hotline.id });
    await createUser(t.database.db, { username: 'ssup', roleKey: 'supervisor', departmentId: hotline.id });
    admin = await t.signIn('admin');
    agent = await t.signIn('sagent');
    supervisor = await t.signIn('ssup');
  });
  afterAll(async () => t?.close());

  it('lists the built-in types in the request’s language for everyone who reads tickets', async () => {
    const zh = (await agent.get(`${BASE}/types`)).json().items;
    expect(zh.map((x: { key: string }) => x.key)).toEqual([
      'consultation',
      'complaint',
      'suggestion',
      'service',
      'refund',
      'other',
    ]);
    expect(zh.find((x: { key: string }) => x.key === 'complaint')).toEqual({
      key: 'complaint',
      name: '投诉',
      nameZh: '投诉',
      nameEn: 'Complaint',
      isComplaint: true,
      skill: 'complaint',
      defaultDepartmentId: null,
      sortOrder: 2,
      isActive: true,
    });
    const en = (await agent.get(`${BASE}/types`, { 'accept-language': 'en' })).json().items;
    expect(en.find((x: { key: string }) => x.key === 'service').name).toBe('Service / repair');
  });

  it('creates, changes and deactivates types with tickets.settings only', async () => {
    const body = { key: 'warranty', name: '保修', skill: 'repair', defaultDepartmentId: fieldId, sortOrder: 5 };
    expect((await agent.post(`${BASE}/types`, body)).statusCode).toBe(403);
    // tickets.assign and tickets.supervise are not enough either.
    expect((await supervisor.post(`${BASE}/types`, body)).statusCode).toBe(403);
    const created = await admin.post(`${BASE}/types`, body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ key: 'warranty', isComplaint: false, skill: 'repair', isActive: true });
    const taken = await admin.post(`${BASE}/types`, { key: 'warranty', name: '重复' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'tickets.type_key_taken', params: { key: 'warranty' } });
    expect((await admin.post(`${BASE}/types`, { key: 'Bad Key', name: '坏' })).statusCode).toBe(400);
    expect((await admin.post(`${BASE}/types`, { key: 'x', name: '坏', skill: 'Not A Skill' })).statusCode).toBe(400);
    const noDept = await admin.post(`${BASE}/types`, { key: 'nodept', name: '无部门', defaultDepartmentId: MISSING });
    expect(noDept.json().code).toBe('departments.not_found');

    const patched = await admin.patch(
      `${BASE}/types/warranty`,
      { nameEn: 'Warranty', isComplaint: true },
      {
        'accept-language': 'en',
      },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Warranty', nameZh: '保修', isComplaint: true });
    expect((await admin.patch(`${BASE}/types/nope`, { name: 'x' })).json().code).toBe('tickets.type_not_found');

    // New tickets of the type go to its default department and follow the complaint protocol.
    const ticket = await agent.post('/api/v1/tickets', {
      typeKey: 'warranty',
      channel: 'phone',
      subject: '保修期内冰箱异响',
      description: '客户反映冰箱异响，仍在保修期内。',
      nextReplyAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    expect(ticket.json()).toMatchObject({ departmentId: fieldId, isComplaint: true });

    // In use: deactivated, and no new ticket can have it; unused: deleted.
    expect((await admin.delete(`${BASE}/types/warranty`)).json()).toEqual({ key: 'warranty', result: 'deactivated' });
    const refused = await agent.post('/api/v1/tickets', {
      typeKey: 'warranty',
      channel: 'phone',
      subject: '再报保修',
      description: '再报保修。',
    });
    expect(refused.json().code).toBe('tickets.type_not_found');
    const active = (await agent.get(`${BASE}/types?activeOnly=true`)).json().items.map((x: { key: string }) => x.key);
    expect(active).not.toContain('warranty');
    await admin.post(`${BASE}/types`, { key: 'temp', name: '临时' });
    expect((await admin.delete(`${BASE}/types/temp`)).json()).toEqual({ key: 'temp', result: 'deleted' });
    expect((await admin.delete(`${BASE}/types/temp`)).statusCode).toBe(404);
    // created ×2, updated, deactivated, deleted.
    expect(await auditCount('ticket_type')).toBe(5);
  });

  it('manages root causes the same way', async () => {
    const list = (await agent.get(`${BASE}/root-causes`)).json().items;
    expect(list.length).toBeGreaterThanOrEqual(9);
    expect((await agent.post(`${BASE}/root-causes`, { key: 'weather', name: '天气' })).statusCode).toBe(403);
    const created = await admin.post(`${BASE}/root-causes`, { key: 'weather', name: '天气原因', nameEn: 'Weather' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({
      key: 'weather',
      name: '天气原因',
      nameZh: '天气原因',
      nameEn: 'Weather',
      sortOrder: 0,
      isActive: true,
    });
    expect((await admin.post(`${BASE}/root-causes`, { key: 'weather', name: 'x' })).json().code).toBe(
      'tickets.root_cause_key_taken',
    );
    expect((await admin.patch(`${BASE}/root-causes/weather`, { sortOrder: 3 })).json().sortOrder).toBe(3);
    expect((await admin.patch(`${BASE}/root-causes/nope`, { sortOrder: 3 })).json().code).toBe(
      'tickets.root_cause_not_found',
    );
    // A closed complaint uses 'billing': deactivated instead of deleted.
    await t.database.db.execute(
      sql`INSERT INTO tickets (type_key, channel, subject, description, status, root_cause_key)
        VALUES ('complaint', 'phone', '账单', '账单', 'closed', 'billing')`,
    );
    expect((await admin.delete(`${BASE}/root-causes/billing`)).json()).toEqual({
      key: 'billing',
      result: 'deactivated',
    });
    expect((await admin.delete(`${BASE}/root-causes/weather`)).json()).toEqual({ key: 'weather', result: 'deleted' });
    const active = (await agent.get(`${BASE}/root-causes?activeOnly=true`))
      .json()
      .items.map((x: { key: string }) => x.key);
    expect(active).not.toContain('billing');
    expect(await auditCount('ticket_root_cause')).toBe(4);
  });
});
