import { DEFAULT_ROLES } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createUser } from '../../db/seed/factories.js';

describe('users: no privilege escalation, no lock-out', () => {
  let t: TestApp;
  let admin: Session;

  const AGENT_PERMISSIONS = DEFAULT_ROLES.find((r) => r.key === 'agent')?.permissions ?? [];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    const hr = await admin.post('/api/v1/roles', {
      key: 'hr',
      name: '人事',
      // Everything an agent may do, plus managing users: may grant the agent role, not more.
      permissions: ['users.read', 'users.write', ...AGENT_PERMISSIONS],
      dataScope: 'all',
    });
    expect(hr.statusCode, hr.body).toBe(201);
    await createUser(t.database.db, { username: 'hr1', roleKey: 'hr' });
  });
  afterAll(async () => t?.close());

  it('refuses to grant a role with permissions or scope the caller lacks', async () => {
    const hr = await t.signIn('hr1');
    const self = await hr.patch(`/api/v1/users/${hr.userId}`, { roleKey: 'admin' });
    expect(self.statusCode).toBe(403);
    // Issue 10: one's own role is never changed by oneself, whatever the role.
    expect(self.json().code).toBe('users.cannot_edit_self_org');
    const agent = await createUser(t.database.db, { roleKey: 'agent' });
    const other = await hr.patch(`/api/v1/users/${agent.id}`, { roleKey: 'admin' });
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('users.role_escalation');
    const create = await hr.post('/api/v1/users', {
      username: 'boss',
      displayName: '老板',
      password: 'Passw0rd1',
      roleKey: 'admin',
    });
    expect(create.statusCode).toBe(403);
    const ok = await hr.post('/api/v1/users', {
      username: 'newagent',
      displayName: '新人',
      password: 'Passw0rd1',
      roleKey: 'agent',
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('keeps at least one active administrator', async () => {
    const admin2 = await admin.post('/api/v1/users', {
      username: 'admin2',
      displayName: '管理员二',
      password: 'Passw0rd1',
      roleKey: 'admin',
    });
    expect(admin2.statusCode).toBe(201);
    const second = await t.signIn('admin2', 'Passw0rd1');
    expect((await second.patch(`/api/v1/users/${admin.userId}`, { roleKey: 'agent' })).statusCode).toBe(200);
    // admin2 is now the last active administrator. Issue 10: a non-administrator may not touch them
    // at all (403 before the 409), and admin2 can neither demote nor disable themself.
    const hr = await t.signIn('hr1');
    const byHr = await hr.patch(`/api/v1/users/${admin2.json().id}`, { roleKey: 'agent' });
    expect(byHr.statusCode).toBe(403);
    expect(byHr.json().code).toBe('users.target_outranks_actor');
    const demoteSelf = await second.patch(`/api/v1/users/${admin2.json().id}`, { roleKey: 'agent' });
    expect(demoteSelf.json().code).toBe('users.cannot_edit_self_org');
    expect((await second.patch(`/api/v1/users/${admin2.json().id}`, { isActive: false })).json().code).toBe(
      'users.cannot_disable_self',
    );
    // The guard itself stays, for every other path (e.g. a handover that disables its leaver).
    const orphan = await t.database.executeSql(
      `SELECT count(*)::int AS n FROM users WHERE role_key = 'admin' AND is_active`,
    );
    expect(orphan.rows[0]?.n).toBe(1);
  });

  it('keeps every permission on the administrator role: no one edits the role they hold', async () => {
    // Issue 10: administrators hold the admin role, so they cannot edit it either (403 before the
    // 409 roles.admin_locked that used to answer); others are refused as it is a built-in role.
    const admin2 = await t.signIn('admin2', 'Passw0rd1');
    const narrowed = await admin2.patch('/api/v1/roles/admin', { permissions: ['users.read'] });
    expect(narrowed.statusCode).toBe(403);
    expect(narrowed.json().code).toBe('roles.cannot_edit_own_role');
    expect((await admin2.patch('/api/v1/roles/admin', { dataScope: 'own' })).statusCode).toBe(403);
    expect((await admin2.patch('/api/v1/roles/admin', { name: '超级管理员' })).statusCode).toBe(403);
    const hr = await t.signIn('hr1');
    expect((await hr.patch('/api/v1/roles/admin', { name: '超级管理员' })).statusCode).toBe(403);
    const row = await t.database.executeSql(`SELECT name, data_scope, permissions FROM roles WHERE key = 'admin'`);
    expect(row.rows[0]).toMatchObject({ name: '系统管理员', data_scope: 'all' });
  });
});
