import { DEFAULT_ROLES, PERMISSIONS } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createDepartment, createUser } from '../../db/seed/factories.js';

/**
 * Issue 10, defect 3: `users.write` (scope department) moved itself into another department and
 * then reset the general manager's password; it could also reset or deactivate a colleague with
 * more permissions than its own.
 *
 *   总经理办公室 (office): gm (general_manager)
 *   客服中心 (center):     hr (hr_dept: agent + users.read/write, department), senior (department_manager),
 *                          boss (hr_dept, hr's direct superior), clerk1 (agent)
 */
const AGENT_PERMISSIONS = DEFAULT_ROLES.find((r) => r.key === 'agent')?.permissions ?? [];

describe('users.write cannot take over accounts (issue 10, defect 3)', () => {
  let t: TestApp;
  let admin: Session;
  const id: Record<string, string> = {};
  let office: string;
  let center: string;

  const row = async (userId: string) =>
    (
      await t.database.executeSql(
        'SELECT department_id, superior_id, role_key, is_active, password_hash, display_name FROM users WHERE id = $1',
        [userId],
      )
    ).rows[0];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    id.admin = admin.userId;
    const { db } = t.database;
    office = (await createDepartment(db, { name: '总经理办公室' })).id;
    center = (await createDepartment(db, { name: '客服中心' })).id;
    const hrRole = await admin.post('/api/v1/roles', {
      key: 'hr_dept',
      name: '部门人事',
      // Everything an agent holds, plus managing users: may manage agents, not more.
      permissions: ['users.read', 'users.write', ...AGENT_PERMISSIONS],
      dataScope: 'department',
    });
    expect(hrRole.statusCode, hrRole.body).toBe(201);
    const superHr = await admin.post('/api/v1/roles', {
      key: 'super_hr',
      name: '全权人事',
      permissions: [...PERMISSIONS],
      dataScope: 'all',
    });
    expect(superHr.statusCode, superHr.body).toBe(201);
    id.gm = (await createUser(db, { username: 'gm', roleKey: 'general_manager', departmentId: office })).id;
    id.boss = (await createUser(db, { username: 'boss', roleKey: 'hr_dept', departmentId: center })).id;
    id.hr = (
      await createUser(db, { username: 'hr', roleKey: 'hr_dept', departmentId: center, superiorId: id.boss })
    ).id;
    id.senior = (
      await createUser(db, {
        username: 'senior',
        displayName: '资深经理',
        roleKey: 'department_manager',
        departmentId: center,
      })
    ).id;
    id.clerk1 = (await createUser(db, { username: 'clerk1', roleKey: 'agent', departmentId: center })).id;
    id.superHr = (await createUser(db, { username: 'superhr', roleKey: 'super_hr', departmentId: office })).id;
  });
  afterAll(async () => t?.close());

  it('refuses the reported sequence: move self into the office, then reset the general manager', async () => {
    const hr = await t.signIn('hr');
    const before = await row(id.hr as string);
    const move = await hr.patch(`/api/v1/users/${id.hr}`, { departmentId: office });
    expect(move.statusCode, move.body).toBe(403);
    expect(move.json()).toMatchObject({ code: 'users.cannot_edit_self_org', errors: [{ path: 'departmentId' }] });
    expect(await row(id.hr as string)).toEqual(before);

    const gmBefore = await row(id.gm as string);
    const reset = await hr.post(`/api/v1/users/${id.gm}/password`, { newPassword: 'Hijack2026x' });
    expect(reset.statusCode).toBe(404);
    expect(await row(id.gm as string)).toEqual(gmBefore);
  });

  it('nobody changes their own department, superior or role; unchanged values in a full form are fine', async () => {
    const hr = await t.signIn('hr');
    const before = await row(id.hr as string);
    for (const body of [
      { departmentId: null },
      { superiorId: null },
      { superiorId: id.clerk1 },
      { roleKey: 'agent' },
    ] as Record<string, unknown>[]) {
      const r = await hr.patch(`/api/v1/users/${id.hr}`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(403);
      expect(r.json().code).toBe('users.cannot_edit_self_org');
    }
    expect(await row(id.hr as string)).toEqual(before);
    // Not even the administrator, who could otherwise demote or move themself by mistake.
    const self = await admin.patch(`/api/v1/users/${admin.userId}`, { roleKey: 'agent' });
    expect(self.statusCode).toBe(403);
    expect(self.json().code).toBe('users.cannot_edit_self_org');
    // The web's edit form sends every field: the same values plus a new display name pass.
    const ok = await hr.patch(`/api/v1/users/${id.hr}`, {
      displayName: '人事小王',
      roleKey: 'hr_dept',
      departmentId: center,
      superiorId: id.boss,
      isActive: true,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ displayName: '人事小王', departmentId: center, superiorId: id.boss });
  });

  it('refuses to reset, deactivate or edit a colleague who holds more than the actor', async () => {
    const hr = await t.signIn('hr');
    const before = await row(id.senior as string);
    const reset = await hr.post(`/api/v1/users/${id.senior}/password`, { newPassword: 'Hijack2026x' });
    expect(reset.statusCode).toBe(403);
    expect(reset.json()).toMatchObject({ code: 'users.target_outranks_actor', params: { name: '资深经理' } });
    const deactivate = await hr.patch(`/api/v1/users/${id.senior}`, { isActive: false });
    expect(deactivate.statusCode).toBe(403);
    expect(deactivate.json().code).toBe('users.target_outranks_actor');
    const edit = await hr.patch(`/api/v1/users/${id.senior}`, { email: 'attacker@example.com' });
    expect(edit.statusCode).toBe(403);
    expect(await row(id.senior as string)).toEqual(before);
    // The senior can still sign in with the old password.
    await t.signIn('senior');
  });

  it('refuses a subordinate managing their superior, even with the same role', async () => {
    const hr = await t.signIn('hr');
    const before = await row(id.boss as string);
    const reset = await hr.post(`/api/v1/users/${id.boss}/password`, { newPassword: 'Hijack2026x' });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().code).toBe('users.target_outranks_actor');
    expect((await hr.patch(`/api/v1/users/${id.boss}`, { isActive: false })).statusCode).toBe(403);
    expect(await row(id.boss as string)).toEqual(before);
  });

  it('only administrators reset administrators, even a role holding every permission', async () => {
    const superHr = await t.signIn('superhr');
    const before = await row(id.admin as string);
    const reset = await superHr.post(`/api/v1/users/${id.admin}/password`, { newPassword: 'Hijack2026x' });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().code).toBe('users.target_outranks_actor');
    expect((await superHr.patch(`/api/v1/users/${id.admin}`, { isActive: false })).statusCode).toBe(403);
    expect((await superHr.patch(`/api/v1/users/${id.superHr}`, { roleKey: 'admin' })).statusCode).toBe(403);
    expect(await row(id.admin as string)).toEqual(before);
  });

  it('assigns only departments, superiors and roles within the actor’s own scope', async () => {
    const hr = await t.signIn('hr');
    const before = await row(id.clerk1 as string);
    const dept = await hr.patch(`/api/v1/users/${id.clerk1}`, { departmentId: office });
    expect(dept.statusCode).toBe(403);
    expect(dept.json()).toMatchObject({ code: 'users.department_out_of_scope', errors: [{ path: 'departmentId' }] });
    expect((await hr.patch(`/api/v1/users/${id.clerk1}`, { departmentId: null })).statusCode).toBe(403);
    const superior = await hr.patch(`/api/v1/users/${id.clerk1}`, { superiorId: id.gm });
    expect(superior.statusCode).toBe(400);
    expect(superior.json()).toMatchObject({ code: 'users.not_found', errors: [{ path: 'superiorId' }] });
    const role = await hr.patch(`/api/v1/users/${id.clerk1}`, { roleKey: 'department_manager' });
    expect(role.statusCode).toBe(403);
    expect(role.json().code).toBe('users.role_escalation');
    expect(await row(id.clerk1 as string)).toEqual(before);
    const created = await hr.post('/api/v1/users', {
      username: 'outsider',
      displayName: '外部',
      password: 'Passw0rd1',
      roleKey: 'agent',
      departmentId: office,
    });
    expect(created.statusCode).toBe(403);
    expect(created.json().code).toBe('users.department_out_of_scope');
  });

  it('still manages users who hold no more than the actor, within scope', async () => {
    const hr = await t.signIn('hr');
    const reset = await hr.post(`/api/v1/users/${id.clerk1}/password`, { newPassword: 'Reset2026x' });
    expect(reset.statusCode, reset.body).toBe(204);
    const edit = await hr.patch(`/api/v1/users/${id.clerk1}`, { superiorId: id.hr, displayName: '文员一' });
    expect(edit.statusCode, edit.body).toBe(200);
    const created = await hr.post('/api/v1/users', {
      username: 'newclerk',
      displayName: '新文员',
      password: 'Passw0rd1',
      roleKey: 'agent',
      departmentId: center,
    });
    expect(created.statusCode, created.body).toBe(201);
    const list = (await hr.get('/api/v1/users?pageSize=200')).json().items as { id: string; manageable: boolean }[];
    const manageable = Object.fromEntries(list.map((u) => [u.id, u.manageable]));
    expect(manageable[id.clerk1 as string]).toBe(true);
    expect(manageable[id.senior as string]).toBe(false);
    expect(manageable[id.boss as string]).toBe(false);
    // Own account: editable (name, contact), but not manageable (no reset, deactivation, org fields).
    expect(manageable[id.hr as string]).toBe(false);
  });

  it('compares reach, not only the scope level: a team reaching outside the actor’s department outranks', async () => {
    const { db } = t.database;
    const teamRole = await admin.post('/api/v1/roles', {
      key: 'team_agent',
      name: '组长',
      permissions: AGENT_PERMISSIONS,
      dataScope: 'team',
    });
    expect(teamRole.statusCode, teamRole.body).toBe(201);
    const lead = await createUser(db, { username: 'lead', roleKey: 'team_agent', departmentId: center });
    await createUser(db, { roleKey: 'agent', departmentId: office, superiorId: lead.id });
    const agentLead = await createUser(db, { username: 'agentlead', roleKey: 'agent', departmentId: center });
    await createUser(db, { roleKey: 'agent', departmentId: office, superiorId: agentLead.id });
    const hr = await t.signIn('hr');
    const reset = await hr.post(`/api/v1/users/${lead.id}/password`, { newPassword: 'Hijack2026x' });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().code).toBe('users.target_outranks_actor');
    // Granting "team" (a narrower level) to someone whose reports sit outside hr's department.
    const before = await row(agentLead.id);
    const grant = await hr.patch(`/api/v1/users/${agentLead.id}`, { roleKey: 'team_agent' });
    expect(grant.statusCode).toBe(403);
    expect(grant.json().code).toBe('users.grant_exceeds_actor');
    expect(await row(agentLead.id)).toEqual(before);
  });

  it('refuses resetting one’s own password here: that needs the current password (/auth/password)', async () => {
    const hr = await t.signIn('hr');
    const before = await row(id.hr as string);
    const r = await hr.post(`/api/v1/users/${id.hr}/password`, { newPassword: 'Whatever2026x' });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('users.cannot_reset_own_password');
    expect(await row(id.hr as string)).toEqual(before);
  });
});
