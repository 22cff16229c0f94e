import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { createUser } from '../../db/seed/factories.js';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { auth: { maxFailedLogins: 3, lockMinutes: 15, sessionHours: 12 } } });
  });
  afterAll(async () => t?.close());

  it('signs in, reads /me, signs out', async () => {
    const admin = await t.signIn('admin');
    const me = await admin.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ username: 'admin', role: { key: 'admin' }, dataScope: 'all' });
    expect((await admin.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await admin.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('answers 401 problem+json without a session, localized', async () => {
    const zh = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(zh.statusCode).toBe(401);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({ code: 'unauthenticated', detail: '请先登录。' });
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().detail).toBe('Please sign in first.');
  });

  it('locks the account after repeated failures', async () => {
    const user = await createUser(t.database.db, { username: 'locky' });
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'locky', password: 'nope1234' },
      });
      expect(r.statusCode).toBe(401);
      expect(r.json().code).toBe('auth.invalid_credentials');
    }
    const third = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'locky', password: 'nope1234' },
    });
    expect(third.statusCode).toBe(423);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'locky', password: user.password },
    });
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('auth.account_locked');
  });

  it('refuses a cookie-authenticated write without the CSRF header', async () => {
    const admin = await t.signIn('admin');
    const r = await admin.patch('/api/v1/auth/me', { locale: 'en' }, { 'x-csrf-token': 'wrong' });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('csrf_failed');
  });

  it('changes the password and keeps the language per user', async () => {
    await createUser(t.database.db, { username: 'pat' });
    const pat = await t.signIn('pat');
    expect(
      (await pat.post('/api/v1/auth/password', { currentPassword: 'wrong', newPassword: 'NewPassw0rd' })).statusCode,
    ).toBe(400);
    expect(
      (await pat.post('/api/v1/auth/password', { currentPassword: 'Passw0rd!', newPassword: 'short' })).json().code,
    ).toBe('auth.password_too_weak');
    expect(
      (await pat.post('/api/v1/auth/password', { currentPassword: 'Passw0rd!', newPassword: 'NewPassw0rd' }))
        .statusCode,
    ).toBe(204);
    const again = await t.signIn('pat', 'NewPassw0rd');
    const me = await again.patch('/api/v1/auth/me', { locale: 'en' });
    expect(me.json().locale).toBe('en');
    // Without Accept-Language, errors now come in the user's language.
    const err = await again.post('/api/v1/auth/password', { currentPassword: 'x', newPassword: 'NewPassw0rd2' });
    expect(err.json().detail).toBe('The current password is wrong.');
  });

  it('issues API tokens shown once, usable as Bearer, revocable', async () => {
    const admin = await t.signIn('admin');
    const created = await admin.post('/api/v1/auth/tokens', { name: 'CRM 集成' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^kefu_/);
    const list = await admin.get('/api/v1/auth/tokens');
    expect(JSON.stringify(list.json())).not.toContain(token);
    const viaBearer = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaBearer.statusCode).toBe(200);
    // Bearer writes need no CSRF token (no cookie, no ambient authority).
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
      payload: { displayName: '管理员' },
    });
    expect(write.statusCode).toBe(200);
    expect((await admin.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });
});
