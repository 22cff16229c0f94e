import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createDepartment, createUser } from '../../db/seed/factories.js';

describe('users', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  it('creates, reads, updates a user and resets their password', async () => {
    const dept = await createDepartment(t.database.db, { name: '热线组' });
    const created = await admin.post('/api/v1/users', {
      username: 'Zhang.San',
      displayName: '张三',
      password: 'Passw0rd!',
      roleKey: 'agent',
      departmentId: dept.id,
      email: 'zhangsan@example.com',
      phone: '+86 138-0000-0000',
    });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({
      username: 'zhang.san',
      displayName: '张三',
      roleKey: 'agent',
      roleName: '客服专员',
      departmentId: dept.id,
      departmentName: '热线组',
      isActive: true,
      lastLoginAt: null,
    });
    expect(user).not.toHaveProperty('passwordHash');

    const got = await admin.get(`/api/v1/users/${user.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(user);
    const en = await admin.get(`/api/v1/users/${user.id}`, { 'accept-language': 'en' });
    expect(en.json().roleName).toBe('Agent');

    const updated = await admin.patch(`/api/v1/users/${user.id}`, {
      displayName: '张三丰',
      roleKey: 'supervisor',
      phone: null,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      displayName: '张三丰',
      roleKey: 'supervisor',
      phone: null,
      email: 'zhangsan@example.com',
    });
    expect((await admin.get(`/api/v1/users/${user.id}`)).json().displayName).toBe('张三丰');

    const session = await t.signIn('zhang.san');
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);
    const weak = await admin.post(`/api/v1/users/${user.id}/password`, { newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('auth.password_too_weak');
    expect((await admin.post(`/api/v1/users/${user.id}/password`, { newPassword: 'Reset2026x' })).statusCode).toBe(204);
    // A reset signs the user out everywhere; the old password no longer works, the new one does.
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(t.signIn('zhang.san')).rejects.toThrow(/401/);
    await t.signIn('zhang.san', 'Reset2026x');
  });

  it('answers 404 users.not_found for an unknown id, 400 for a malformed one', async () => {
    const missing = await admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('users.not_found');
    expect((await admin.get('/api/v1/users/not-a-uuid')).statusCode).toBe(400);
  });

  it('refuses a duplicate username with 409 users.username_taken, whatever the case', async () => {
    await createUser(t.database.db, { username: 'dup' });
    const r = await admin.post('/api/v1/users', {
      username: 'DUP',
      displayName: '重复',
      password: 'Passw0rd!',
      roleKey: 'agent',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({
      code: 'users.username_taken',
      params: { username: 'dup' },
      errors: [{ path: 'username' }],
    });
  });

  it('refuses unknown references: role, department, superior', async () => {
    const base = { username: 'refs', displayName: '引用', password: 'Passw0rd!', roleKey: 'agent' };
    const noRole = await admin.post('/api/v1/users', { ...base, roleKey: 'nope' });
    expect(noRole.statusCode).toBe(400);
    expect(noRole.json()).toMatchObject({ code: 'roles.not_found', errors: [{ path: 'roleKey' }] });
    const uuid = '00000000-0000-4000-8000-000000000000';
    expect((await admin.post('/api/v1/users', { ...base, departmentId: uuid })).json().code).toBe(
      'departments.not_found',
    );
    expect((await admin.post('/api/v1/users', { ...base, superiorId: uuid })).json().code).toBe('users.not_found');
  });

  it('refuses a superior that is the user or one of their subordinates (any depth)', async () => {
    const top = await createUser(t.database.db);
    const middle = await createUser(t.database.db, { superiorId: top.id });
    const bottom = await createUser(t.database.db, { superiorId: middle.id });
    for (const superiorId of [top.id, middle.id, bottom.id]) {
      const r = await admin.patch(`/api/v1/users/${top.id}`, { superiorId });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'users.superior_cycle', errors: [{ path: 'superiorId' }] });
    }
    expect((await admin.get(`/api/v1/users/${top.id}`)).json().superiorId).toBeNull();
    // Moving a user up the line is fine.
    const ok = await admin.patch(`/api/v1/users/${bottom.id}`, { superiorId: top.id });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().superiorId).toBe(top.id);
  });

  it('cannot disable itself', async () => {
    const r = await admin.patch(`/api/v1/users/${admin.userId}`, { isActive: false });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('users.cannot_disable_self');
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('disabling a user ends their sessions and API tokens, and they cannot sign in', async () => {
    await createUser(t.database.db, { username: 'leaver', roleKey: 'supervisor' });
    const leaver = await t.signIn('leaver');
    const token = (await leaver.post('/api/v1/auth/tokens', { name: 'script' })).json().token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer })).statusCode).toBe(200);

    const r = await admin.patch(`/api/v1/users/${leaver.userId}`, { isActive: false });
    expect(r.statusCode).toBe(200);
    expect(r.json().isActive).toBe(false);
    expect((await leaver.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: bearer })).statusCode).toBe(401);
    const { rows } = await t.database.executeSql('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [
      leaver.userId,
    ]);
    expect(rows[0]?.n).toBe(0);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leaver', password: 'Passw0rd!' },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().code).toBe('auth.account_disabled');
  });

  describe('list', () => {
    let deptA: string;
    let deptB: string;
    beforeAll(async () => {
      deptA = (await createDepartment(t.database.db, { name: '列表甲' })).id;
      deptB = (await createDepartment(t.database.db, { name: '列表乙' })).id;
      // Created one after the other through the API, so that createdAt orders them.
      for (const [i, username] of ['la1', 'la2', 'la3', 'la4', 'la5'].entries()) {
        const r = await admin.post('/api/v1/users', {
          username,
          displayName: `列表用户${i + 1}`,
          password: 'Passw0rd!',
          roleKey: i === 4 ? 'supervisor' : 'agent',
          departmentId: i < 3 ? deptA : deptB,
          phone: `1390000000${i}`,
        });
        expect(r.statusCode).toBe(201);
      }
      await createUser(t.database.db, { username: 'la6', departmentId: deptB, isActive: false });
    });

    const names = (r: { json(): { items: { username: string }[] } }) => r.json().items.map((u) => u.username);

    it('filters by department, role, active state and text', async () => {
      expect(names(await admin.get(`/api/v1/users?departmentId=${deptA}`))).toEqual(['la1', 'la2', 'la3']);
      expect(names(await admin.get(`/api/v1/users?departmentId=${deptB}&roleKey=supervisor`))).toEqual(['la5']);
      expect(names(await admin.get(`/api/v1/users?departmentId=${deptB}&isActive=false`))).toEqual(['la6']);
      expect(names(await admin.get(`/api/v1/users?departmentId=${deptB}&isActive=true`))).toEqual(['la4', 'la5']);
      expect(names(await admin.get(`/api/v1/users?q=${encodeURIComponent('列表用户3')}`))).toEqual(['la3']);
      expect(names(await admin.get('/api/v1/users?q=13900000004'))).toEqual(['la5']);
      // LIKE wildcards in q are literal.
      expect((await admin.get('/api/v1/users?q=%25')).json().total).toBe(0);
    });

    it('pages and sorts, with the total of the whole filtered set', async () => {
      const first = await admin.get(`/api/v1/users?departmentId=${deptA}&page=1&pageSize=2&sort=-createdAt`);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ total: 3, page: 1, pageSize: 2 });
      expect(names(first)).toEqual(['la3', 'la2']);
      const second = await admin.get(`/api/v1/users?departmentId=${deptA}&page=2&pageSize=2&sort=-createdAt`);
      expect(names(second)).toEqual(['la1']);
      expect(names(await admin.get(`/api/v1/users?departmentId=${deptA}&sort=createdAt`))).toEqual([
        'la1',
        'la2',
        'la3',
      ]);
      expect(names(await admin.get(`/api/v1/users?departmentId=${deptB}&sort=-roleKey,username`))).toEqual([
        'la5',
        'la4',
        'la6',
      ]);
      expect((await admin.get(`/api/v1/users?departmentId=${deptA}&page=3&pageSize=2`)).json().items).toEqual([]);
    });

    it('refuses an unknown sort field and out-of-range paging with 400', async () => {
      const r = await admin.get('/api/v1/users?sort=-passwordHash');
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'validation_failed', errors: [{ path: 'sort' }] });
      expect(r.json().errors[0].message).toContain('passwordHash');
      expect((await admin.get('/api/v1/users?pageSize=201')).json().errors[0].path).toBe('querystring.pageSize');
      expect((await admin.get('/api/v1/users?page=0')).statusCode).toBe(400);
      expect((await admin.get('/api/v1/users?isActive=yes')).statusCode).toBe(400);
    });
  });
});
