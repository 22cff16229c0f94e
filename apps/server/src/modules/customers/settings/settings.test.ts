import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createUser } from '../../../db/seed/factories.js';

const BASE = '/api/v1/customer-settings';

describe('customers: settings (categories, custom fields, milestone types)', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  const count = async (query: ReturnType<typeof sql>) =>
    Number((await t.database.db.execute<{ n: number }>(query)).rows[0]?.n);

  beforeAll(async () => {
    t = await createTestApp();
    await createUser(t.database.db, { username: 'sagent', roleKey: 'agent' });
    admin = await t.signIn('admin');
    agent = await t.signIn('sagent');
  });
  afterAll(async () => t?.close());

  it('lists categories with names in the request’s language; writes need customers.settings', async () => {
    const zh = (await agent.get(`${BASE}/categories`)).json().items;
    expect(zh.find((c: { key: string }) => c.key === 'lawyer')).toEqual({
      key: 'lawyer',
      name: '律师',
      nameZh: '律师',
      nameEn: 'Lawyer',
      isSpecial: true,
      sortOrder: 10,
      isActive: true,
    });
    const en = (await agent.get(`${BASE}/categories`, { 'accept-language': 'en' })).json().items;
    expect(en.find((c: { key: string }) => c.key === 'lawyer').name).toBe('Lawyer');
    expect((await agent.post(`${BASE}/categories`, { key: 'vip', name: '贵宾' })).statusCode).toBe(403);

    const created = await admin.post(`${BASE}/categories`, { key: 'vip', name: '贵宾', sortOrder: 20 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ key: 'vip', name: '贵宾', nameEn: null, isActive: true });
    expect((await admin.post(`${BASE}/categories`, { key: 'vip', name: '重复' })).json().code).toBe(
      'customers.setting_key_taken',
    );
    expect((await admin.post(`${BASE}/categories`, { key: 'Bad Key', name: '坏' })).statusCode).toBe(400);
    const patched = await admin.patch(`${BASE}/categories/vip`, { nameEn: 'VIP' }, { 'accept-language': 'en' });
    expect(patched.json()).toMatchObject({ name: 'VIP', nameZh: '贵宾', nameEn: 'VIP' });
    expect((await admin.patch(`${BASE}/categories/nope`, { name: 'x' })).statusCode).toBe(404);

    // Unused: deleted. In use: deactivated, and new customers can no longer pick it.
    expect((await admin.delete(`${BASE}/categories/vip`)).json()).toEqual({ key: 'vip', result: 'deleted' });
    expect(
      (await agent.post('/api/v1/customers', { kind: 'company', name: '律所甲', categoryKey: 'lawyer' })).statusCode,
    ).toBe(201);
    expect((await admin.delete(`${BASE}/categories/lawyer`)).json()).toEqual({ key: 'lawyer', result: 'deactivated' });
    const active = (await agent.get(`${BASE}/categories?activeOnly=true`))
      .json()
      .items.map((c: { key: string }) => c.key);
    expect(active).not.toContain('lawyer');
    expect(
      (await agent.post('/api/v1/customers', { kind: 'company', name: '律所乙', categoryKey: 'lawyer' })).json().code,
    ).toBe('customers.category_not_found');
    expect((await admin.patch(`${BASE}/categories/lawyer`, { isActive: true })).json().isActive).toBe(true);
    expect(await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'customer_category'`)).toBe(5);
  });

  it('manages milestone types the same way', async () => {
    const created = await admin.post(`${BASE}/milestone-types`, {
      key: 'anniversary',
      name: '周年纪念',
      nameEn: 'Anniversary',
      appliesTo: 'customer',
    });
    expect(created.statusCode, created.body).toBe(201);
    const en = (await agent.get(`${BASE}/milestone-types`, { 'accept-language': 'en' })).json().items;
    expect(en.find((m: { key: string }) => m.key === 'anniversary')).toMatchObject({
      name: 'Anniversary',
      appliesTo: 'customer',
    });
    const customer = (await agent.post('/api/v1/customers', { kind: 'person', name: '周年客户' })).json();
    expect(
      (await agent.post(`/api/v1/customers/${customer.id}/milestones`, { typeKey: 'anniversary', date: '2027-05-20' }))
        .statusCode,
    ).toBe(201);
    expect((await admin.delete(`${BASE}/milestone-types/anniversary`)).json().result).toBe('deactivated');
    expect(
      (await agent.post(`/api/v1/customers/${customer.id}/milestones`, { typeKey: 'anniversary', date: '2028-05-20' }))
        .statusCode,
    ).toBe(400);
    await admin.post(`${BASE}/milestone-types`, { key: 'unused_kind', name: '未使用', appliesTo: 'order' });
    expect((await admin.delete(`${BASE}/milestone-types/unused_kind`)).json().result).toBe('deleted');
    expect((await admin.delete(`${BASE}/milestone-types/unused_kind`)).statusCode).toBe(404);
  });

  it('validates custom field definitions and the values customers get', async () => {
    expect(
      (
        await admin.post(`${BASE}/custom-fields`, { key: 'tier', label: '会员等级', type: 'select', options: [] })
      ).json().code,
    ).toBe('customers.custom_field_options_invalid');
    const dup = await admin.post(`${BASE}/custom-fields`, {
      key: 'tier',
      label: '会员等级',
      type: 'select',
      options: [
        { value: 'gold', label: '金卡' },
        { value: 'gold', label: '金' },
      ],
    });
    expect(dup.statusCode).toBe(400);
    const tier = await admin.post(`${BASE}/custom-fields`, {
      key: 'tier',
      label: '会员等级',
      labelEn: 'Membership tier',
      type: 'select',
      isRequired: true,
      options: [
        { value: 'gold', label: '金卡', labelEn: 'Gold' },
        { value: 'silver', label: '银卡' },
      ],
    });
    expect(tier.statusCode, tier.body).toBe(201);
    const listed = (await agent.get(`${BASE}/custom-fields`, { 'accept-language': 'en' })).json().items;
    expect(listed.find((f: { key: string }) => f.key === 'tier')).toMatchObject({
      label: 'Membership tier',
      labelZh: '会员等级',
      usage: 0,
      options: [
        { value: 'gold', label: 'Gold', labelZh: '金卡', labelEn: 'Gold' },
        { value: 'silver', label: '银卡', labelZh: '银卡', labelEn: null },
      ],
    });

    const missing = await agent.post('/api/v1/customers', { kind: 'person', name: '会员甲' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({
      code: 'customers.custom_field_required',
      errors: [{ path: 'customFields.tier' }],
    });
    const wrong = await agent.post('/api/v1/customers', {
      kind: 'person',
      name: '会员甲',
      customFields: { tier: 'platinum' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('customers.custom_field_invalid');
    const ok = await agent.post('/api/v1/customers', {
      kind: 'person',
      name: '会员甲',
      customFields: { tier: 'gold' },
    });
    expect(ok.statusCode, ok.body).toBe(201);

    // In use: the type cannot change; label, options and "required" can.
    const retype = await admin.patch(`${BASE}/custom-fields/tier`, { type: 'text' });
    expect(retype.statusCode).toBe(409);
    expect(retype.json()).toMatchObject({
      code: 'customers.custom_field_in_use',
      params: { field: '会员等级', count: 1 },
    });
    const relabel = await admin.patch(`${BASE}/custom-fields/tier`, { label: '会员级别', isRequired: false });
    expect(relabel.json()).toMatchObject({ label: '会员级别', isRequired: false, type: 'select', usage: 1 });
    expect((await admin.delete(`${BASE}/custom-fields/tier`)).json()).toEqual({ key: 'tier', result: 'deactivated' });
    expect(
      (await agent.get(`${BASE}/custom-fields?activeOnly=true`)).json().items.map((f: { key: string }) => f.key),
    ).not.toContain('tier');

    // Unused: the type may change (options dropped for a non-select type), and delete deletes.
    await admin.post(`${BASE}/custom-fields`, {
      key: 'note_code',
      label: '备注编号',
      type: 'select',
      options: [{ value: 'a', label: 'A' }],
    });
    const text = await admin.patch(`${BASE}/custom-fields/note_code`, { type: 'number' });
    expect(text.json()).toMatchObject({ type: 'number', options: [] });
    expect((await admin.patch(`${BASE}/custom-fields/note_code`, { type: 'multi_select' })).json().code).toBe(
      'customers.custom_field_options_invalid',
    );
    expect((await admin.delete(`${BASE}/custom-fields/note_code`)).json().result).toBe('deleted');
    expect((await admin.patch(`${BASE}/custom-fields/note_code`, { label: 'x' })).json().code).toBe(
      'customers.custom_field_not_found',
    );
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'custom_field' AND entity_id = 'tier'`,
      ),
    ).toBe(3);
  });
});
