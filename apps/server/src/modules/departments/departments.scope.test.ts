import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createDepartment, createUser } from '../../db/seed/factories.js';

/**
 * Issue 10 (found while fixing defects 3–4): a `departments.write` holder with scope department
 * could re-parent another department under their own and so widen their own data scope, or move
 * their own department away from its manager. Below scope `all` one changes only departments
 * strictly below one's own.
 *
 *   center (客服中心): lead (dept_admin, scope department)
 *     └ hotline (热线组): member
 *   sales (销售部): seller
 */
describe('departments.write stays within its own tree', () => {
  let t: TestApp;
  let lead: Session;
  const dept = { center: '', hotline: '', sales: '' };
  const user = { lead: '', member: '', seller: '' };

  const parentOf = async (id: string) =>
    (await t.database.executeSql('SELECT parent_id, manager_id, name FROM departments WHERE id = $1', [id])).rows[0];

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.signIn('admin');
    const { db } = t.database;
    dept.center = (await createDepartment(db, { name: '客服中心' })).id;
    dept.hotline = (await createDepartment(db, { name: '热线组', parentId: dept.center })).id;
    dept.sales = (await createDepartment(db, { name: '销售部' })).id;
    const role = await admin.post('/api/v1/roles', {
      key: 'dept_admin',
      name: '部门管理员',
      permissions: ['departments.read', 'departments.write', 'users.read'],
      dataScope: 'department',
    });
    expect(role.statusCode, role.body).toBe(201);
    user.lead = (await createUser(db, { username: 'lead', roleKey: 'dept_admin', departmentId: dept.center })).id;
    user.member = (await createUser(db, { username: 'member', roleKey: 'agent', departmentId: dept.hotline })).id;
    user.seller = (await createUser(db, { username: 'seller', roleKey: 'agent', departmentId: dept.sales })).id;
    lead = await t.signIn('lead');
  });
  afterAll(async () => t?.close());

  it('refuses pulling another department under its own tree, and changes nothing', async () => {
    const r = await lead.patch(`/api/v1/departments/${dept.sales}`, { parentId: dept.center });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('departments.outside_own_tree');
    expect(await parentOf(dept.sales)).toMatchObject({ parent_id: null });
  });

  it('refuses moving, renaming or re-managing its own department', async () => {
    for (const body of [{ parentId: dept.sales }, { name: '改名' }, { managerId: user.lead }]) {
      const r = await lead.patch(`/api/v1/departments/${dept.center}`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(403);
    }
    expect(await parentOf(dept.center)).toMatchObject({ parent_id: null, manager_id: null, name: '客服中心' });
  });

  it('refuses a department outside its tree, a new top-level one, and an outside manager', async () => {
    expect((await lead.post('/api/v1/departments', { name: '新部门' })).statusCode).toBe(403);
    expect((await lead.post('/api/v1/departments', { name: '新部门', parentId: dept.sales })).statusCode).toBe(403);
    expect((await lead.delete(`/api/v1/departments/${dept.sales}`)).statusCode).toBe(403);
    expect((await lead.patch(`/api/v1/departments/${dept.hotline}`, { parentId: null })).statusCode).toBe(403);
    expect((await lead.patch(`/api/v1/departments/${dept.hotline}`, { managerId: user.seller })).statusCode).toBe(403);
    expect(await parentOf(dept.hotline)).toMatchObject({ parent_id: dept.center, manager_id: null });
  });

  it('still manages the departments below its own', async () => {
    const created = await lead.post('/api/v1/departments', { name: '投诉组', parentId: dept.center });
    expect(created.statusCode, created.body).toBe(201);
    const renamed = await lead.patch(`/api/v1/departments/${dept.hotline}`, {
      name: '热线一组',
      managerId: user.member,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await lead.patch(`/api/v1/departments/${created.json().id}`, { parentId: dept.hotline })).statusCode).toBe(
      200,
    );
    expect((await lead.delete(`/api/v1/departments/${created.json().id}`)).statusCode).toBe(204);
  });
});
