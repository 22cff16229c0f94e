import { DEFAULT_ROLES } from '@kefu/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createUser } from '../../db/seed/factories.js';

type Entry = {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ORIGIN = { 'x-forwarded-for': '198.51.100.23', 'user-agent': 'kefu-audit-test/1.0' };

describe('audit log', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp({ config: { trustProxy: true } });
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  async function entries(query: string): Promise<Entry[]> {
    const r = await admin.get(`/api/v1/audit?${query}`);
    expect(r.statusCode).toBe(200);
    return r.json().items;
  }
  async function latest(query: string): Promise<Entry> {
    const [entry] = await entries(`${query}&pageSize=1`);
    if (!entry) throw new Error(`no audit entry for ${query}`);
    return entry;
  }
  function expectOrigin(entry: Entry, actorId: string) {
    expect(entry.actorId).toBe(actorId);
    expect(entry.actorName).toContain('(');
    expect(entry.ip).toBe('198.51.100.23');
    expect(entry.userAgent).toBe('kefu-audit-test/1.0');
    expect(entry.requestId).toMatch(UUID);
  }

  it('records a sign-in with the actor, address and request', async () => {
    const user = await createUser(t.database.db, { username: 'audit_login', displayName: '登录者' });
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: ORIGIN,
      payload: { username: 'audit_login', password: 'Passw0rd!' },
    });
    expect(r.statusCode).toBe(200);
    const entry = await latest(`action=auth.login&entityId=${user.id}`);
    expect(entry).toMatchObject({ entityType: 'user', entityId: user.id, actorName: '登录者 (audit_login)' });
    expectOrigin(entry, user.id);

    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: ORIGIN,
      payload: { username: 'audit_login', password: 'wrong-1' },
    });
    const failed = await latest(`action=auth.login_failed&entityId=${user.id}`);
    expect(failed).toMatchObject({
      actorId: null,
      ip: '198.51.100.23',
      details: { username: 'audit_login', failures: 1 },
    });
  });

  it('records user creation, update and role change with before and after', async () => {
    const created = await admin.post(
      '/api/v1/users',
      { username: 'audited', displayName: '被审计', password: 'Passw0rd!', roleKey: 'agent' },
      ORIGIN,
    );
    const id = created.json().id as string;
    const c = await latest(`action=user.created&entityId=${id}`);
    expect(c).toMatchObject({
      entityType: 'user',
      before: null,
      after: { username: 'audited', displayName: '被审计', roleKey: 'agent' },
    });
    expectOrigin(c, admin.userId);

    await admin.patch(`/api/v1/users/${id}`, { displayName: '被审计者' }, ORIGIN);
    const u = await latest(`action=user.updated&entityId=${id}`);
    expect(u.before).toMatchObject({ displayName: '被审计' });
    expect(u.after).toMatchObject({ displayName: '被审计者' });
    expectOrigin(u, admin.userId);

    await admin.patch(`/api/v1/users/${id}`, { roleKey: 'supervisor' }, ORIGIN);
    const rc = await latest(`action=user.role_changed&entityId=${id}`);
    expect(rc.before).toMatchObject({ roleKey: 'agent' });
    expect(rc.after).toMatchObject({ roleKey: 'supervisor' });
    expectOrigin(rc, admin.userId);
    expect(new Set([c.requestId, u.requestId, rc.requestId]).size).toBe(3);

    await admin.post(`/api/v1/users/${id}/password`, { newPassword: 'Another1pass' }, ORIGIN);
    expectOrigin(await latest(`action=user.password_reset&entityId=${id}`), admin.userId);
  });

  it('records role and department changes with before and after', async () => {
    const defaults = DEFAULT_ROLES.find((r) => r.key === 'clerk');
    await admin.patch(
      '/api/v1/roles/clerk',
      { permissions: ['departments.read', 'users.read'], dataScope: 'department' },
      ORIGIN,
    );
    const role = await latest('action=role.updated&entityType=role&entityId=clerk');
    expect(role.before).toMatchObject({
      key: 'clerk',
      permissions: defaults?.permissions,
      dataScope: defaults?.dataScope,
    });
    expect(role.after).toMatchObject({
      key: 'clerk',
      permissions: ['departments.read', 'users.read'],
      dataScope: 'department',
    });
    expectOrigin(role, admin.userId);

    await admin.post('/api/v1/roles', { key: 'audit_role', name: '临时', permissions: [], dataScope: 'own' }, ORIGIN);
    await admin.delete('/api/v1/roles/audit_role', ORIGIN);
    expect((await latest('action=role.created&entityId=audit_role')).after).toMatchObject({ name: '临时' });
    expect((await latest('action=role.deleted&entityId=audit_role')).before).toMatchObject({ name: '临时' });

    const dept = (await admin.post('/api/v1/departments', { name: '客户服务中心' }, ORIGIN)).json();
    const created = await latest(`action=department.created&entityId=${dept.id}`);
    expect(created).toMatchObject({ entityType: 'department', before: null, after: { name: '客户服务中心' } });
    expectOrigin(created, admin.userId);
    await admin.patch(`/api/v1/departments/${dept.id}`, { name: '客服中心' }, ORIGIN);
    const updated = await latest(`action=department.updated&entityId=${dept.id}`);
    expect(updated.before).toMatchObject({ name: '客户服务中心' });
    expect(updated.after).toMatchObject({ name: '客服中心' });
    expectOrigin(updated, admin.userId);
    await admin.delete(`/api/v1/departments/${dept.id}`, ORIGIN);
    const deleted = await latest(`action=department.deleted&entityId=${dept.id}`);
    expect(deleted).toMatchObject({ before: { name: '客服中心' }, after: null });
    expectOrigin(deleted, admin.userId);
  });

  it('never stores passwords, password hashes, session or API tokens', async () => {
    const secrets = ['Secr3tPassw0rd', 'Res3tPassw0rd', 'Chang3dPassw0rd'];
    const created = await admin.post('/api/v1/users', {
      username: 'secretive',
      displayName: '保密',
      password: secrets[0],
      roleKey: 'agent',
    });
    const id = created.json().id as string;
    await admin.post(`/api/v1/users/${id}/password`, { newPassword: secrets[1] });
    const user = await t.signIn('secretive', secrets[1]);
    await user.post('/api/v1/auth/password', { currentPassword: secrets[1], newPassword: secrets[2] });
    const token = (await user.post('/api/v1/auth/tokens', { name: '集成' })).json().token as string;
    await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'secretive', password: 'Wr0ngPassword' },
    });

    const { rows } = await t.database.executeSql('SELECT password_hash FROM users WHERE id = $1', [id]);
    const hash = String(rows[0]?.password_hash);
    expect(hash).toMatch(/^\$argon2/);
    const log = (await t.database.executeSql('SELECT row_to_json(a)::text AS j FROM audit_log a')).rows
      .map((r) => String(r.j))
      .join('\n');
    expect(log).toContain('auth.token_created');
    for (const secret of [
      ...secrets,
      'Wr0ngPassword',
      hash,
      '$argon2',
      token,
      token.slice(12),
      ...Object.values(user.cookies),
    ]) {
      expect(log, `audit log leaks ${secret}`).not.toContain(secret);
    }
    for (const key of ['passwordHash', 'password_hash', '"password"', 'tokenHash', 'csrfToken', '"token"']) {
      expect(log, `audit log has a ${key} field`).not.toContain(key);
    }
  });

  it('filters by actor, action, entity type, entity id and time range', async () => {
    await createUser(t.database.db, { username: 'auditor2', roleKey: 'admin' });
    const other = await t.signIn('auditor2');
    const a = (await other.post('/api/v1/departments', { name: '过滤甲' })).json().id;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const middle = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const b = (await other.post('/api/v1/departments', { name: '过滤乙' })).json().id;
    await other.patch(`/api/v1/departments/${b}`, { sortOrder: 3 });

    const mine = await entries(`actorId=${other.userId}`);
    expect(mine.map((e) => e.action)).toEqual([
      'department.updated',
      'department.created',
      'department.created',
      'auth.login',
    ]);
    expect(mine.every((e) => e.actorId === other.userId)).toBe(true);
    expect((await entries(`actorId=${other.userId}&action=department.created`)).map((e) => e.entityId)).toEqual([b, a]);
    expect((await entries(`actorId=${other.userId}&entityType=user`)).map((e) => e.action)).toEqual(['auth.login']);
    expect((await entries(`entityType=department&entityId=${b}`)).map((e) => e.action)).toEqual([
      'department.updated',
      'department.created',
    ]);
    expect(
      (await entries(`actorId=${other.userId}&entityType=department&from=${middle}`)).map((e) => e.entityId),
    ).toEqual([b, b]);
    expect(
      (await entries(`actorId=${other.userId}&entityType=department&to=${middle}`)).map((e) => e.entityId),
    ).toEqual([a]);
    expect(await entries(`actorId=${other.userId}&from=${middle}&to=${middle}`)).toEqual([]);

    const paged = await admin.get(`/api/v1/audit?actorId=${other.userId}&pageSize=3&page=2&sort=at`);
    expect(paged.json()).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(paged.json().items.map((e: Entry) => e.action)).toEqual(['department.updated']);

    expect((await admin.get('/api/v1/audit?actorId=nobody')).json().errors[0].path).toBe('querystring.actorId');
    expect((await admin.get('/api/v1/audit?from=yesterday')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/audit?sort=ip')).statusCode).toBe(400);
  });

  it('is readable only with audit.read', async () => {
    await createUser(t.database.db, { username: 'audit_sup', roleKey: 'supervisor' });
    const sup = await t.signIn('audit_sup');
    const r = await sup.get('/api/v1/audit');
    expect(r.statusCode).toBe(403);
    expect(r.json().params).toEqual({ permission: 'audit.read' });
  });
});
