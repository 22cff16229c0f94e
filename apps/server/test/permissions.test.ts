import { text } from 'node:stream/consumers';
import { PERMISSIONS, type RouteAccess } from '@kefu/shared';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/db/seed/factories.js';
import { createTestApp, type Session, type TestApp } from './helpers.js';

type Operation = { method: string; path: string; url: string; access: RouteAccess | undefined };

const RANDOM_ID = '3f6c1b4e-2a5d-4c8e-9f01-7b2d6e8a9c4d';
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Table-driven: every operation of the OpenAPI document, with the access its route declares, is
 * tried without credentials, by a signed-in user lacking the permission, and by the administrator.
 */
describe('route access, for every operation in the OpenAPI document', () => {
  let t: TestApp;
  let operations: Operation[];
  beforeAll(async () => {
    t = await createTestApp();
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(spec.paths).flatMap(([openapiPath, item]) =>
      Object.keys(item)
        .filter((m) => HTTP_METHODS.includes(m))
        .map((m) => {
          const path = openapiPath.replace(/\{(\w+)\}/g, ':$1');
          const method = m.toUpperCase();
          return {
            method,
            path,
            url: path.replace(/:\w+/g, RANDOM_ID),
            access: t.app.routeAccess.get(`${method} ${path}`),
          };
        }),
    );
    // Signing out ends the session the requests run with: keep it for last.
    operations.sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
  });
  afterAll(async () => t?.close());

  /** One request; the body of an event stream is not awaited (it never ends). */
  async function call(op: Operation, session?: Session, headers: Record<string, string> = {}) {
    const withBody = op.method !== 'GET' && op.method !== 'DELETE';
    const options: InjectOptions = {
      method: op.method as InjectOptions['method'],
      url: op.url,
      payloadAsStream: true,
      headers: session ? { 'x-csrf-token': session.cookies.kefu_csrf ?? '', ...headers } : headers,
      ...(session ? { cookies: session.cookies } : {}),
      ...(withBody ? { payload: {} } : {}),
    };
    const response = await t.app.inject(options);
    const stream = response.stream();
    if (String(response.headers['content-type']).startsWith('text/event-stream')) {
      stream.destroy();
      return { status: response.statusCode, body: null };
    }
    const body = await text(stream);
    return { status: response.statusCode, body: body.startsWith('{') ? JSON.parse(body) : body };
  }

  const label = (op: Operation) => `${op.method} ${op.path} (${op.access})`;
  const guarded = () => operations.filter((op) => op.access !== 'public');
  const byPermission = () =>
    operations.filter((op) => op.access && op.access !== 'public' && op.access !== 'authenticated');

  it('finds the whole API in the document, and every operation declares its access', () => {
    expect(operations.length).toBeGreaterThan(20);
    const undeclared = operations.filter((op) => !op.access).map((op) => `${op.method} ${op.path}`);
    expect(undeclared, 'operations without config.access').toEqual([]);
    // …and no /api/v1 route is missing from the document.
    const documented = new Set(operations.map((op) => `${op.method} ${op.path}`));
    const hidden = [...t.app.routeAccess.keys()].filter((key) => key.includes(' /api/v1/') && !key.startsWith('HEAD '));
    expect(hidden.filter((key) => !documented.has(key))).toEqual([]);
    // …nor any route a module manifest registered (test/modules.test.ts: every API route has one).
    const fromModules = [...t.app.routeModules.keys()].filter((key) => !key.startsWith('HEAD '));
    expect(fromModules.filter((key) => !documented.has(key))).toEqual([]);
    expect(byPermission().length).toBeGreaterThan(10);
  });

  it('answers 401 to every non-public operation without credentials, or with forged ones', async () => {
    const failures: string[] = [];
    const forged: Record<string, string>[] = [
      {},
      { authorization: 'Bearer kefu_forged' },
      { cookie: 'kefu_session=forged' },
    ];
    for (const op of guarded()) {
      for (const headers of forged) {
        const r = await call(op, undefined, headers);
        if (r.status !== 401 || r.body?.code !== 'unauthenticated')
          failures.push(`${label(op)} ${JSON.stringify(headers)} → ${r.status}`);
      }
    }
    expect(failures).toEqual([]);
    for (const op of operations.filter((o) => o.access === 'public')) {
      expect((await call(op)).status, label(op)).not.toBe(401);
    }
  });

  it('answers 403 forbidden to a signed-in user whose role has no permissions', async () => {
    const admin = await t.signIn('admin');
    const role = await admin.post('/api/v1/roles', {
      key: 'powerless',
      name: '无权限',
      permissions: [],
      dataScope: 'all',
    });
    expect(role.statusCode).toBe(201);
    await createUser(t.database.db, { username: 'powerless', roleKey: 'powerless' });
    const user = await t.signIn('powerless');
    const failures: string[] = [];
    for (const op of byPermission()) {
      const r = await call(op, user);
      if (r.status !== 403 || r.body?.code !== 'forbidden' || r.body?.params?.permission !== op.access) {
        failures.push(`${label(op)} → ${r.status} ${r.body?.code}`);
      }
    }
    expect(failures).toEqual([]);
    // What needs only a sign-in stays open to them.
    for (const op of operations.filter((o) => o.access === 'authenticated')) {
      const r = await call(op, op.path.endsWith('/logout') ? await t.signIn('powerless') : user);
      expect([401, 403], label(op)).not.toContain(r.status);
    }
  });

  it('checks each route against its own permission: every other permission is not enough', async () => {
    const admin = await t.signIn('admin');
    await admin.post('/api/v1/roles', { key: 'all_but_one', name: '缺一项', permissions: [], dataScope: 'all' });
    await createUser(t.database.db, { username: 'all_but_one', roleKey: 'all_but_one' });
    const user = await t.signIn('all_but_one');
    const failures: string[] = [];
    for (const permission of PERMISSIONS) {
      const ops = byPermission().filter((op) => op.access === permission);
      if (ops.length === 0) continue;
      // Permissions are read on every request: the same session sees each change at once.
      await admin.patch('/api/v1/roles/all_but_one', { permissions: PERMISSIONS.filter((p) => p !== permission) });
      for (const op of ops) {
        const r = await call(op, user);
        if (r.status !== 403 || r.body?.code !== 'forbidden')
          failures.push(`without ${permission}: ${label(op)} → ${r.status}`);
      }
      await admin.patch('/api/v1/roles/all_but_one', { permissions: [permission] });
      for (const op of ops) {
        const r = await call(op, user);
        if (r.status === 401 || r.status === 403) failures.push(`with only ${permission}: ${label(op)} → ${r.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets the administrator through every operation: neither 401 nor 403, never a 5xx', async () => {
    const admin = await t.signIn('admin');
    const failures: string[] = [];
    for (const op of operations) {
      const r = await call(op, admin);
      if (r.status === 401 || r.status === 403 || r.status >= 500)
        failures.push(`${label(op)} → ${r.status} ${r.body?.code}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses an agent on administrator routes', async () => {
    await createUser(t.database.db, { username: 'plain_agent', roleKey: 'agent' });
    const agent = await t.signIn('plain_agent');
    const attempts: [string, string, Record<string, unknown>?][] = [
      ['POST', '/api/v1/users', { username: 'x1', displayName: 'x', password: 'Passw0rd!', roleKey: 'admin' }],
      ['PATCH', `/api/v1/users/${agent.userId}`, { roleKey: 'admin' }],
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/audit'],
      ['GET', '/api/v1/audit/export'],
      ['PATCH', '/api/v1/roles/agent', { permissions: [...PERMISSIONS] }],
      ['POST', '/api/v1/departments', { name: '越权' }],
      ['GET', '/api/v1/jobs'],
    ];
    for (const [method, url, body] of attempts) {
      const r = await agent.inject(method as InjectOptions['method'], url, body);
      expect(r.statusCode, `${method} ${url}`).toBe(403);
      expect(r.json().code).toBe('forbidden');
    }
    expect((await agent.get('/api/v1/auth/me')).json().role.key).toBe('agent');
  });
});
