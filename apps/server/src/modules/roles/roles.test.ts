import { DEFAULT_ROLES, PERMISSIONS, ROLE_KEYS } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createDepartment, createUser } from '../../db/seed/factories.js';

type Role = {
  key: string;
  name: string;
  permissions: string[];
  dataScope: string;
  isSystem: boolean;
  userCount: number;
};

describe('roles', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  async function roles(headers?: Record<string, string>): Promise<Role[]> {
    const r = await admin.get('/api/v1/roles', headers);
    expect(r.statusCode).toBe(200);
    return r.json().items;
  }

  it('lists the built-in roles with their user counts, names in the caller’s language', async () => {
    await createUser(t.database.db, { roleKey: 'clerk' });
    await createUser(t.database.db, { roleKey: 'clerk', isActive: false });
    const items = await roles();
    expect(items.map((r) => r.key).sort()).toEqual([...ROLE_KEYS].sort());
    expect(items.every((r) => r.isSystem)).toBe(true);
    const byKey = Object.fromEntries(items.map((r) => [r.key, r]));
    expect(byKey.admin).toMatchObject({ name: '系统管理员', dataScope: 'all', userCount: 1 });
    expect(byKey.admin?.permissions.sort()).toEqual([...PERMISSIONS].sort());
    expect(byKey.clerk?.userCount).toBe(2);
    expect(byKey.agent).toMatchObject({ userCount: 0, dataScope: 'own' });
    expect((await roles({ 'accept-language': 'en' })).find((r) => r.key === 'admin')?.name).toBe('Administrator');
  });

  it('lists every permission with its group', async () => {
    const r = await admin.get('/api/v1/permissions');
    expect(r.statusCode).toBe(200);
    expect(r.json().items).toHaveLength(PERMISSIONS.length);
    expect(r.json().items).toContainEqual({ key: 'users.read', group: 'users' });
    expect(r.json().items).toContainEqual({ key: 'audit.export', group: 'audit' });
  });

  it('creates a custom role, refuses a taken key', async () => {
    const body = {
      key: 'quality',
      name: '质检员',
      description: '抽检通话',
      permissions: ['users.read', 'users.read'],
      dataScope: 'department',
    };
    const r = await admin.post('/api/v1/roles', body);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({
      key: 'quality',
      name: '质检员',
      description: '抽检通话',
      permissions: ['users.read'],
      dataScope: 'department',
      isSystem: false,
      userCount: 0,
    });
    expect((await roles()).map((x) => x.key)).toContain('quality');
    const again = await admin.post('/api/v1/roles', body);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'roles.key_taken', params: { key: 'quality' } });
    const system = await admin.post('/api/v1/roles', { ...body, key: 'admin' });
    expect(system.statusCode).toBe(409);
  });

  it('refuses unknown permissions, scopes and malformed keys with 400', async () => {
    const base = { key: 'bad_role', name: '坏角色', permissions: [], dataScope: 'own' };
    const perm = await admin.post('/api/v1/roles', { ...base, permissions: ['users.read', 'users.delete_everything'] });
    expect(perm.statusCode).toBe(400);
    expect(perm.json().code).toBe('validation_failed');
    expect(perm.json().errors[0].path).toBe('permissions.1');
    expect((await admin.patch('/api/v1/roles/agent', { permissions: ['root'] })).statusCode).toBe(400);
    expect((await admin.post('/api/v1/roles', { ...base, dataScope: 'galaxy' })).json().errors[0].path).toBe(
      'dataScope',
    );
    expect((await admin.post('/api/v1/roles', { ...base, key: 'Bad Key' })).json().errors[0].path).toBe('key');
    expect((await roles()).map((r) => r.key)).not.toContain('bad_role');
    const agentDefaults = DEFAULT_ROLES.find((r) => r.key === 'agent')?.permissions;
    expect((await roles()).find((r) => r.key === 'agent')?.permissions).toEqual(agentDefaults);
  });

  it('applies changed permissions and data scope on the next request of a signed-in user', async () => {
    const dept = await createDepartment(t.database.db, { name: '质检组' });
    await admin.post('/api/v1/roles', { key: 'auditor', name: '审计员', permissions: [], dataScope: 'own' });
    const auditor = await createUser(t.database.db, {
      username: 'auditor1',
      roleKey: 'auditor',
      departmentId: dept.id,
    });
    const colleague = await createUser(t.database.db, { departmentId: dept.id });
    const session = await t.signIn('auditor1');

    expect((await session.get('/api/v1/users')).statusCode).toBe(403);
    expect((await session.get('/api/v1/auth/me')).json()).toMatchObject({ permissions: [], dataScope: 'own' });

    const grant = await admin.patch('/api/v1/roles/auditor', { permissions: ['users.read', 'audit.read'] });
    expect(grant.statusCode).toBe(200);
    expect(grant.json()).toMatchObject({ permissions: ['users.read', 'audit.read'], userCount: 1 });
    // Same session, no new sign-in: the role is read on every request.
    const own = await session.get('/api/v1/users');
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((u: { id: string }) => u.id)).toEqual([auditor.id]);
    expect((await session.get('/api/v1/audit')).statusCode).toBe(200);

    expect((await admin.patch('/api/v1/roles/auditor', { dataScope: 'department' })).json().dataScope).toBe(
      'department',
    );
    const dept2 = await session.get('/api/v1/users?sort=createdAt');
    expect(dept2.json().items.map((u: { id: string }) => u.id)).toEqual([auditor.id, colleague.id]);
    expect((await session.get('/api/v1/auth/me')).json()).toMatchObject({ dataScope: 'department' });

    expect((await admin.patch('/api/v1/roles/auditor', { permissions: [] })).statusCode).toBe(200);
    const revoked = await session.get('/api/v1/users');
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()).toMatchObject({ code: 'forbidden', params: { permission: 'users.read' } });
  });

  it('updates name and description; 404 for an unknown role', async () => {
    const r = await admin.patch('/api/v1/roles/quality', { name: '质检专员', description: null });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ name: '质检专员', description: null, permissions: ['users.read'] });
    const missing = await admin.patch('/api/v1/roles/nobody', { name: '无' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('roles.not_found');
    expect((await admin.delete('/api/v1/roles/nobody')).statusCode).toBe(404);
  });

  it('refuses to delete a built-in role (409 roles.system_role) or a role in use (409 roles.in_use)', async () => {
    const system = await admin.delete('/api/v1/roles/clerk');
    expect(system.statusCode).toBe(409);
    expect(system.json().code).toBe('roles.system_role');
    const unused = await admin.delete('/api/v1/roles/agent');
    expect(unused.statusCode).toBe(409);
    expect(unused.json().code).toBe('roles.system_role');

    await admin.post('/api/v1/roles', { key: 'temp', name: '临时', permissions: [], dataScope: 'own' });
    await createUser(t.database.db, { roleKey: 'temp' });
    await createUser(t.database.db, { roleKey: 'temp', isActive: false });
    const inUse = await admin.delete('/api/v1/roles/temp');
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: 'roles.in_use', params: { count: 2 } });
    expect(inUse.json().detail).toBe('仍有 2 位用户使用该角色，不能删除。');

    await t.database.executeSql(`UPDATE users SET role_key = 'agent' WHERE role_key = 'temp'`);
    expect((await admin.delete('/api/v1/roles/temp')).statusCode).toBe(204);
    expect((await roles()).map((r) => r.key)).not.toContain('temp');
  });

  it('needs roles.read to list and roles.write to change', async () => {
    await createUser(t.database.db, { username: 'role_sup', roleKey: 'supervisor' });
    const sup = await t.signIn('role_sup');
    expect((await sup.get('/api/v1/roles')).statusCode).toBe(403);
    expect((await sup.get('/api/v1/permissions')).statusCode).toBe(403);
    await createUser(t.database.db, { username: 'role_dm', roleKey: 'department_manager' });
    const dm = await t.signIn('role_dm');
    expect((await dm.get('/api/v1/roles')).statusCode).toBe(200);
    const write = await dm.patch('/api/v1/roles/department_manager', { dataScope: 'all' });
    expect(write.statusCode).toBe(403);
    expect(write.json().params).toEqual({ permission: 'roles.write' });
  });
});
