import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createUser } from '../src/db/seed/factories.js';
import {
  ATTEMPTS,
  BOTH,
  EXEMPT,
  SENSITIVE_FIELDS,
  SMALL,
  STRONG,
  type Who,
  type World,
  WRITE_METHODS,
} from './escalation.table.js';
import { createTestApp, type Session, type TestApp } from './helpers.js';

/**
 * Issue 10: no escalation path through any route that changes users, roles or passwords.
 *
 * The routes come from the OpenAPI document: every write whose path is under /users or /roles,
 * ends in /password, is /auth/me, or whose body carries a field that decides who may do what
 * (role, superior, password, permissions, data scope, deactivation). Each must have a row in
 * ATTEMPTS of escalation.table.ts (or a reason in EXEMPT): a new route of that kind fails this test until it is
 * thought through here. Every attempt is made
 *   (a) by `smaller` — a user-and-role manager whose role holds less than the target's, and
 *   (b) by `subordinate` — the target's direct report, holding the very same role,
 * and must be refused (403/404, or a named 4xx) with nothing changed in the database. Controls
 * then show the same actors are not simply refused everything.
 *
 *   客服中心 (center): target (esc_strong), smaller (esc_small, → gm), subordinate (esc_strong, → target),
 *                      plain (esc_plain)
 *   总经理办公室 (office): gm (general_manager)           (none): admin
 */

type Spec = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
  components?: { schemas?: Record<string, unknown> };
};

/** Property names of a request-body schema, through $ref and composition. */
function fieldsOf(spec: Spec, schema: unknown, seen = new Set<unknown>()): string[] {
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string')
    return fieldsOf(spec, spec.components?.schemas?.[s.$ref.split('/').pop() ?? ''], seen);
  const nested = ['allOf', 'anyOf', 'oneOf'].flatMap((k) =>
    Array.isArray(s[k]) ? (s[k] as unknown[]).flatMap((x) => fieldsOf(spec, x, seen)) : [],
  );
  return [...Object.keys((s.properties as object | undefined) ?? {}), ...nested];
}

describe('no escalation through any route that changes users, roles or passwords', () => {
  let t: TestApp;
  let world: World;
  let routes: string[];
  const sessions = {} as Record<Who, Session>;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.signIn('admin');
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Spec;
    routes = Object.entries(spec.paths).flatMap(([openapiPath, item]) =>
      Object.entries(item)
        .filter(([m]) => WRITE_METHODS.includes(m))
        .filter(([, op]) => {
          const fields = fieldsOf(spec, op.requestBody?.content?.['application/json']?.schema);
          return (
            /^\/api\/v1\/(users|roles)(\/|$)/.test(openapiPath) ||
            /\/password$/.test(openapiPath) ||
            openapiPath === '/api/v1/auth/me' ||
            fields.some((f) => SENSITIVE_FIELDS.includes(f))
          );
        })
        .map(([m]) => `${m.toUpperCase()} ${openapiPath.replace(/\{(\w+)\}/g, ':$1')}`),
    );

    const { db } = t.database;
    const office = (await createDepartment(db, { name: '总经理办公室' })).id;
    const center = (await createDepartment(db, { name: '客服中心' })).id;
    for (const [key, permissions, dataScope] of [
      ['esc_small', SMALL, 'department'],
      ['esc_strong', STRONG, 'department'],
      ['esc_spare', STRONG, 'department'],
      ['esc_plain', ['customers.read'], 'own'],
    ] as const) {
      const r = await admin.post('/api/v1/roles', { key, name: key, permissions, dataScope });
      expect(r.statusCode, r.body).toBe(201);
    }
    const gm = await createUser(db, { username: 'esc_gm', roleKey: 'general_manager', departmentId: office });
    const target = await createUser(db, { username: 'esc_target', roleKey: 'esc_strong', departmentId: center });
    const smaller = await createUser(db, {
      username: 'esc_smaller',
      roleKey: 'esc_small',
      departmentId: center,
      superiorId: gm.id,
    });
    const subordinate = await createUser(db, {
      username: 'esc_subordinate',
      roleKey: 'esc_strong',
      departmentId: center,
      superiorId: target.id,
    });
    const plain = await createUser(db, { username: 'esc_plain', roleKey: 'esc_plain', departmentId: center });
    world = {
      id: {
        admin: admin.userId,
        gm: gm.id,
        target: target.id,
        smaller: smaller.id,
        subordinate: subordinate.id,
        plain: plain.id,
      },
      office,
      center,
    };
    sessions.smaller = await t.signIn('esc_smaller');
    sessions.subordinate = await t.signIn('esc_subordinate');
    // Locked accounts, so that an unlock would show in the database.
    await t.database.executeSql(
      `UPDATE users SET failed_logins = 5, locked_until = now() + interval '1 hour' WHERE id = ANY($1::uuid[])`,
      [[target.id, admin.userId, plain.id]],
    );
  });
  afterAll(async () => t?.close());

  /** Everything an escalation could change: people, roles, sign-in state, sessions, tokens, handovers. */
  async function snapshot() {
    const q = async (sql: string) => (await t.database.executeSql(sql)).rows;
    return {
      users: await q('SELECT * FROM users ORDER BY id'),
      roles: await q('SELECT * FROM roles ORDER BY key'),
      throttles: await q('SELECT * FROM login_throttles ORDER BY username, ip'),
      sessions: await q('SELECT user_id, count(*)::int AS n FROM sessions GROUP BY user_id ORDER BY user_id'),
      tokens: await q('SELECT id, revoked_at FROM api_tokens ORDER BY id'),
      handovers: await q('SELECT count(*)::int AS n FROM handovers'),
    };
  }

  function send(who: Who, method: string, url: string, body?: Record<string, unknown>) {
    return sessions[who].inject(method as InjectOptions['method'], url, body);
  }

  it('finds the routes in the OpenAPI document, and every one of them has attempts (or a reason)', () => {
    expect(routes.length).toBeGreaterThanOrEqual(8);
    const unhandled = routes.filter((r) => !(r in ATTEMPTS) && !(r in EXEMPT));
    expect(unhandled, 'routes that change users, roles or passwords without a row in ATTEMPTS').toEqual([]);
    const stale = [...Object.keys(ATTEMPTS), ...Object.keys(EXEMPT)].filter((r) => !routes.includes(r));
    expect(stale, 'rows for routes that no longer exist').toEqual([]);
  });

  it('refuses every attempt, by a smaller role and by the target’s subordinate, and changes nothing', async () => {
    const failures: string[] = [];
    let count = 0;
    for (const route of routes.filter((r) => r in ATTEMPTS)) {
      const [method = '', path] = route.split(' ');
      const attempts = ATTEMPTS[route]?.attempts(world) ?? [];
      expect(new Set(attempts.map((a) => a.who)), `${route}: tried by both actors`).toEqual(new Set(BOTH));
      for (const attempt of attempts) {
        count += 1;
        const before = await snapshot();
        const r = await send(attempt.who, method, attempt.url, attempt.body);
        const code = r.body.startsWith('{') ? r.json().code : undefined;
        const refused =
          r.statusCode === 403 ||
          r.statusCode === 404 ||
          (attempt.also ?? []).some((a) => a.status === r.statusCode && a.code === code);
        const label = `${attempt.who}: ${method} ${path} — ${attempt.what}`;
        if (!refused) failures.push(`${label} → ${r.statusCode} ${code ?? r.body.slice(0, 80)}`);
        const after = await snapshot();
        for (const table of Object.keys(before) as (keyof typeof before)[]) {
          if (JSON.stringify(after[table]) !== JSON.stringify(before[table]))
            failures.push(`${label}: changed ${table}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(60);
  });

  it('controls: the same actors still do what is theirs to do', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r in ATTEMPTS)) {
      const [method = ''] = route.split(' ');
      for (const c of ATTEMPTS[route]?.controls?.(world) ?? []) {
        const r = await send(c.who, method, c.url, c.body);
        if (r.statusCode !== c.status)
          failures.push(`${c.who}: ${route} — ${c.what} → ${r.statusCode} ${r.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
