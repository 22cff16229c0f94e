import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { createUser } from '../../db/seed/factories.js';

/** The trusted reverse proxy of this app (`KEFU_TRUST_PROXY`); any other peer's X-Forwarded-For is ignored. */
const PROXY = '10.9.9.9';

describe('sign-in lockout (per name and client address, exponential back-off)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      config: { trustProxy: PROXY, auth: { maxFailedLogins: 3, lockMinutes: 1, maxLockMinutes: 4, sessionHours: 12 } },
    });
  });
  afterAll(async () => t?.close());

  function login(
    username: string,
    password: string,
    from: string,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: from,
      headers,
      payload: { username, password },
    });
  }

  /** Status, code and detail: what a caller learns (the request id differs by nature). */
  function answer(r: LightMyRequestResponse) {
    const { requestId: _id, ...body } = r.json();
    return { status: r.statusCode, ...body };
  }

  it('a stranger locks only his own address out: the owner still signs in from hers', async () => {
    const attacker = '198.51.100.7';
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await login('admin', 'wrong-guess-1', attacker)).statusCode);
    expect(statuses).toEqual([401, 401, 423, 423]);
    const fromAttacker = await login('admin', 'Admin12345', attacker);
    expect(fromAttacker.statusCode).toBe(423);
    // Attempts during the lock are refused unchecked and do not lengthen it.
    expect(fromAttacker.json()).toMatchObject({ code: 'auth.account_locked', params: { minutes: 1 } });
    // The real admin, elsewhere, is not locked out.
    expect((await login('admin', 'Admin12345', '192.0.2.10')).statusCode).toBe(200);
  });

  it('answers an unknown name exactly like a known one (no enumeration through the lock)', async () => {
    await createUser(t.database.db, { username: 'known' });
    const from = '198.51.100.8';
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(answer(await login('known', 'wrong-guess-1', from, { 'accept-language': 'en' })));
      unknown.push(answer(await login('nobody-here', 'wrong-guess-1', from, { 'accept-language': 'en' })));
    }
    expect(unknown).toEqual(known);
    expect(known.map((a) => (a as { status: number }).status)).toEqual([401, 401, 423, 423, 423]);
    expect(known[2]).toMatchObject({
      code: 'auth.account_locked',
      detail: 'Too many failed sign-ins; please try again in 1 minutes or ask an administrator to unlock.',
    });
  });

  it('doubles the lock with each failure after it expires, up to the cap; success forgets', async () => {
    const user = await createUser(t.database.db, { username: 'backoff' });
    const from = '198.51.100.9';
    const expire = () =>
      t.database.executeSql(
        `UPDATE login_throttles SET locked_until = now() - interval '1 second' WHERE username = 'backoff'`,
      );
    for (let i = 0; i < 3; i++) await login('backoff', 'wrong-guess-1', from);
    const minutes: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      await expire();
      minutes.push((await login('backoff', 'wrong-guess-1', from)).json().params?.minutes);
    }
    expect(minutes).toEqual([2, 4, 4, 4]);
    await expire();
    expect((await login('backoff', user.password, from)).statusCode).toBe(200);
    // Forgotten: the count starts again.
    expect((await login('backoff', 'wrong-guess-1', from)).statusCode).toBe(401);
  });

  it('a spoofed X-Forwarded-For dodges neither the lock nor the rate limit', async () => {
    await createUser(t.database.db, { username: 'spoofed' });
    const from = '198.51.100.10';
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await login('spoofed', 'wrong-guess-1', from, { 'x-forwarded-for': `203.0.113.${i + 1}` });
      statuses.push(r.statusCode);
    }
    expect(statuses).toEqual([401, 401, 423, 423]);
    // The login limit is 20 a minute per client address, whatever address the caller claims.
    const more: number[] = [];
    for (let i = 0; i < 17; i++) {
      const r = await login('nobody', 'x', from, { 'x-forwarded-for': `203.0.113.${100 + i}` });
      more.push(r.statusCode);
    }
    expect(more.at(-1)).toBe(429);
    expect(more.filter((s) => s === 429)).toHaveLength(1);
  });

  it('believes X-Forwarded-For from the trusted proxy only, one lock per real client', async () => {
    await createUser(t.database.db, { username: 'proxied' });
    for (let i = 0; i < 3; i++) {
      await login('proxied', 'wrong-guess-1', PROXY, { 'x-forwarded-for': '203.0.113.50' });
    }
    expect((await login('proxied', 'Passw0rd!', PROXY, { 'x-forwarded-for': '203.0.113.50' })).statusCode).toBe(423);
    expect((await login('proxied', 'Passw0rd!', PROXY, { 'x-forwarded-for': '203.0.113.51' })).statusCode).toBe(200);
  });

  it('an administrator unlocks (users.write, in scope, audited); others may not', async () => {
    const user = await createUser(t.database.db, { username: 'unlockme' });
    const from = '198.51.100.11';
    for (let i = 0; i < 3; i++) await login('unlockme', 'wrong-guess-1', from);
    expect((await login('unlockme', user.password, from)).statusCode).toBe(423);

    await createUser(t.database.db, { username: 'plainagent' });
    const agent = await t.signIn('plainagent');
    const refused = await agent.post(`/api/v1/users/${user.id}/unlock`);
    expect(refused.statusCode).toBe(403);

    const admin = await t.signIn('admin');
    const unlocked = await admin.post(`/api/v1/users/${user.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(unlocked.json()).toEqual({ lockedAddresses: 1 });
    expect((await login('unlockme', user.password, from)).statusCode).toBe(200);

    const audit = await admin.get(`/api/v1/audit?entityId=${user.id}&action=auth.account_unlocked`);
    expect(audit.json().items).toHaveLength(1);
    const missing = await admin.post('/api/v1/users/00000000-0000-4000-8000-000000000000/unlock');
    expect(missing.statusCode).toBe(404);
  });
});
