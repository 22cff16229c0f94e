import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { createUser } from '../../db/seed/factories.js';

/**
 * The rule: deactivation revokes every session and API token of the user (re-activation brings
 * none back); any password change — own or an administrator's reset — ends the user's other
 * sessions and revokes their tokens; changing one's own password and creating or revoking tokens
 * need a browser session (a Bearer token gets 403 auth.session_required).
 */
describe('API tokens and password changes', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  function bearer(token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) {
    return t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
      ...(payload ? { payload } : {}),
    }) as Promise<LightMyRequestResponse>;
  }

  async function tokenOf(session: Session, name = 'integration'): Promise<{ id: string; token: string }> {
    const r = await session.post('/api/v1/auth/tokens', { name });
    expect(r.statusCode).toBe(201);
    return r.json();
  }

  const works = async (token: string) => (await bearer(token, 'GET', '/api/v1/auth/me')).statusCode;

  it('a token cannot change the password nor create or revoke tokens', async () => {
    await createUser(t.database.db, { username: 'tok_self' });
    const session = await t.signIn('tok_self');
    const { id, token } = await tokenOf(session);

    const change = await bearer(token, 'POST', '/api/v1/auth/password', {
      currentPassword: 'Passw0rd!',
      newPassword: 'NewPassw0rd',
    });
    expect(change.statusCode).toBe(403);
    expect(change.json()).toMatchObject({
      code: 'auth.session_required',
      detail: 'This needs a signed-in browser session; an API token cannot do it.',
    });
    expect((await bearer(token, 'POST', '/api/v1/auth/tokens', { name: 'more' })).json().code).toBe(
      'auth.session_required',
    );
    expect((await bearer(token, 'DELETE', `/api/v1/auth/tokens/${id}`)).json().code).toBe('auth.session_required');
    // The password is unchanged and the token still works.
    expect(await works(token)).toBe(200);
    await t.signIn('tok_self');
  });

  it('changing one’s own password revokes the tokens and ends the other sessions, keeping this one', async () => {
    await createUser(t.database.db, { username: 'tok_change' });
    const here = await t.signIn('tok_change');
    const elsewhere = await t.signIn('tok_change');
    const { token } = await tokenOf(here);
    expect(await works(token)).toBe(200);

    const r = await here.post('/api/v1/auth/password', { currentPassword: 'Passw0rd!', newPassword: 'NewPassw0rd' });
    expect(r.statusCode).toBe(204);
    expect(await works(token)).toBe(401);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await here.get('/api/v1/auth/tokens')).json().items).toEqual([]);
  });

  it('an administrator’s password reset revokes the user’s tokens and sessions', async () => {
    const user = await createUser(t.database.db, { username: 'tok_reset' });
    const session = await t.signIn('tok_reset');
    const { token } = await tokenOf(session);
    const r = await admin.post(`/api/v1/users/${user.id}/password`, { newPassword: 'Reset12345' });
    expect(r.statusCode).toBe(204);
    expect(await works(token)).toBe(401);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('deactivation revokes the tokens; re-activation does not bring them back', async () => {
    const user = await createUser(t.database.db, { username: 'tok_leaver' });
    const session = await t.signIn('tok_leaver');
    const { token } = await tokenOf(session);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { isActive: false })).statusCode).toBe(200);
    expect(await works(token)).toBe(401);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { isActive: true })).statusCode).toBe(200);
    expect(await works(token)).toBe(401);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.signIn('tok_leaver');
    expect((await again.get('/api/v1/auth/tokens')).json().items).toEqual([]);
  });
});
