import { DEFAULT_ROLES, PERMISSIONS } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createDepartment, createUser } from '../../db/seed/factories.js';

/**
 * Issue 10, defect 4: a role holding `roles.write` added `users.write` and scope `all` to its own
 * role (200), then took over `admin`; it could also widen the built-in `agent` role for everybody.
 */
describe('roles.write cannot become administrator (issue 10, defect 4)', () => {
  let t: TestApp;
  let admin: Session;
  let rm: Session;
  let rmId: string;
  const AGENT = DEFAULT_ROLES.find((r) => r.key === 'agent');

  const roleRow = async (key: string) =>
    (await t.database.executeSql('SELECT * FROM roles WHERE key = $1', [key])).rows[0];
  const adminRow = async () =>
    (await t.database.executeSql(`SELECT password_hash, role_key, is_active FROM users WHERE username = 'admin'`))
      .rows[0];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    const dept = await createDepartment(t.database.db, { name: '权限组' });
    const made = await admin.post('/api/v1/roles', {
      key: 'role_manager',
      name: '角色管理员',
      permissions: ['roles.read', 'roles.write', 'users.read'],
      dataScope: 'department',
    });
    expect(made.statusCode, made.body).toBe(201);
    const strong = await admin.post('/api/v1/roles', {
      key: 'strong',
      name: '强角色',
      permissions: ['roles.read', 'roles.write', 'users.read', 'users.write'],
      dataScope: 'department',
    });
    expect(strong.statusCode, strong.body).toBe(201);
    rmId = (await createUser(t.database.db, { username: 'rm', roleKey: 'role_manager', departmentId: dept.id })).id;
    rm = await t.signIn('rm');
  });
  afterAll(async () => t?.close());

  it('refuses the reported sequence: widen own role, then take over admin', async () => {
    const before = await roleRow('role_manager');
    const widen = await rm.patch('/api/v1/roles/role_manager', {
      permissions: ['roles.read', 'roles.write', 'users.read', 'users.write'],
      dataScope: 'all',
    });
    expect(widen.statusCode, widen.body).toBe(403);
    expect(widen.json().code).toBe('roles.cannot_edit_own_role');
    expect(await roleRow('role_manager')).toEqual(before);

    const adminBefore = await adminRow();
    const takeover = await rm.post(`/api/v1/users/${admin.userId}/password`, { newPassword: 'Hijack2026x' });
    expect(takeover.statusCode).toBe(403);
    expect(takeover.json()).toMatchObject({ code: 'forbidden', params: { permission: 'users.write' } });
    expect(await adminRow()).toEqual(adminBefore);
  });

  it('nobody edits or deletes the role they hold, not even a harmless rename', async () => {
    const before = await roleRow('role_manager');
    expect((await rm.patch('/api/v1/roles/role_manager', { name: '改名' })).json().code).toBe(
      'roles.cannot_edit_own_role',
    );
    const del = await rm.delete('/api/v1/roles/role_manager');
    expect(del.statusCode).toBe(403);
    expect(del.json().code).toBe('roles.cannot_edit_own_role');
    expect(await roleRow('role_manager')).toEqual(before);
  });

  it('refuses to widen a built-in role: only administrators change them', async () => {
    const before = await roleRow('agent');
    const widen = await rm.patch('/api/v1/roles/agent', {
      permissions: [...(AGENT?.permissions ?? []), 'roles.read'],
    });
    expect(widen.statusCode).toBe(403);
    expect(widen.json().code).toBe('roles.system_role_admin_only');
    expect((await rm.patch('/api/v1/roles/agent', { name: '坐席' })).statusCode).toBe(403);
    expect(await roleRow('agent')).toEqual(before);
    // The administrator still can.
    const ok = await admin.patch('/api/v1/roles/agent', { description: '接听与处理工单' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('creates and changes roles only within the actor’s own permissions and scope', async () => {
    const exceeding = await rm.post('/api/v1/roles', {
      key: 'helper',
      name: '帮手',
      permissions: ['users.read', 'users.write'],
      dataScope: 'department',
    });
    expect(exceeding.statusCode).toBe(403);
    expect(exceeding.json()).toMatchObject({ code: 'roles.grant_exceeds_actor', params: { items: 'users.write' } });
    const wider = await rm.post('/api/v1/roles', { key: 'helper', name: '帮手', permissions: [], dataScope: 'all' });
    expect(wider.statusCode).toBe(403);
    expect(wider.json().params.items).toBe('all');
    expect(await roleRow('helper')).toBeUndefined();

    const within = await rm.post('/api/v1/roles', {
      key: 'helper',
      name: '帮手',
      permissions: ['users.read'],
      dataScope: 'team',
    });
    expect(within.statusCode, within.body).toBe(201);
    const before = await roleRow('helper');
    const grant = await rm.patch('/api/v1/roles/helper', { permissions: ['users.read', 'users.write'] });
    expect(grant.statusCode).toBe(403);
    expect(grant.json().code).toBe('roles.grant_exceeds_actor');
    expect((await rm.patch('/api/v1/roles/helper', { dataScope: 'all' })).statusCode).toBe(403);
    expect(await roleRow('helper')).toEqual(before);
    const fine = await rm.patch('/api/v1/roles/helper', { dataScope: 'department', description: '协助' });
    expect(fine.statusCode, fine.body).toBe(200);
    expect((await rm.delete('/api/v1/roles/helper')).statusCode).toBe(204);
  });

  it('does not touch a role that holds more than the actor (no rename, narrowing or deletion)', async () => {
    const before = await roleRow('strong');
    const narrow = await rm.patch('/api/v1/roles/strong', { permissions: ['roles.read'] });
    expect(narrow.statusCode).toBe(403);
    expect(narrow.json()).toMatchObject({ code: 'roles.target_exceeds_actor', params: { role: '强角色' } });
    expect((await rm.delete('/api/v1/roles/strong')).statusCode).toBe(403);
    expect(await roleRow('strong')).toEqual(before);
  });

  it('lets the administrator create any role and change any other role', async () => {
    const all = await admin.post('/api/v1/roles', {
      key: 'deputy',
      name: '副管理员',
      permissions: [...PERMISSIONS],
      dataScope: 'all',
    });
    expect(all.statusCode, all.body).toBe(201);
    expect((await admin.patch('/api/v1/roles/role_manager', { name: '角色专员' })).statusCode).toBe(200);
    // …but not the administrator role they hold themself.
    expect((await admin.patch('/api/v1/roles/admin', { name: '超级管理员' })).json().code).toBe(
      'roles.cannot_edit_own_role',
    );
    expect(rmId).toBeTruthy();
  });
});
