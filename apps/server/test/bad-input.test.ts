import { type ErrorCode, errorMessage, type Locale } from '@kefu/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './helpers.js';

const VALID_USER = { username: 'newcomer', displayName: '新同事', password: 'Passw0rd!', roleKey: 'agent' };
const LOCALES: [Locale, Record<string, string>][] = [
  ['zh-CN', {}],
  ['en', { 'accept-language': 'en' }],
];

type Case = {
  name: string;
  send(session: Session, headers: Record<string, string>): Promise<LightMyRequestResponse>;
  status: number;
  code: ErrorCode;
  /** Field paths the problem must name, in order. */
  paths?: string[];
  /** Messages per locale for the first field. */
  firstMessage?: Record<Locale, string>;
};

const json = { 'content-type': 'application/json' };

const CASES: Case[] = [
  {
    name: 'malformed JSON',
    send: (s, h) => s.post('/api/v1/users', '{"username": "newcomer", ', { ...json, ...h }),
    status: 400,
    code: 'invalid_json',
  },
  {
    name: 'empty JSON body',
    send: (s, h) => s.post('/api/v1/users', '', { ...json, ...h }),
    status: 400,
    code: 'invalid_json',
  },
  {
    name: 'prototype poisoning',
    send: (s, h) =>
      s.post('/api/v1/users', JSON.stringify(VALID_USER).replace('{', '{"__proto__":{"isAdmin":true},'), {
        ...json,
        ...h,
      }),
    status: 400,
    code: 'invalid_json',
  },
  {
    name: 'wrong types',
    send: (s, h) =>
      s.post('/api/v1/users', { ...VALID_USER, username: 42, displayName: true, departmentId: 'hotline' }, h),
    status: 400,
    code: 'validation_failed',
    paths: ['username', 'displayName', 'departmentId'],
    firstMessage: {
      'zh-CN': '无效输入：期望 string，实际接收 数字',
      en: 'Invalid input: expected string, received number',
    },
  },
  {
    name: 'missing fields',
    send: (s, h) => s.post('/api/v1/users', {}, h),
    status: 400,
    code: 'validation_failed',
    paths: ['username', 'displayName', 'password', 'roleKey'],
  },
  {
    name: 'unknown fields',
    send: (s, h) => s.post('/api/v1/users', { ...VALID_USER, extra: 1, isAdmin: true }, h),
    status: 400,
    code: 'validation_failed',
    paths: ['extra', 'isAdmin'],
  },
  {
    name: 'an unknown field on an update',
    send: (s, h) => s.patch(`/api/v1/users/${s.userId}`, { displayName: '改名', passwordHash: 'x' }, h),
    status: 400,
    code: 'validation_failed',
    paths: ['passwordHash'],
  },
  {
    name: 'wrong query parameter',
    send: (s, h) => s.get('/api/v1/users?page=first&pageSize=1000', h),
    status: 400,
    code: 'validation_failed',
    paths: ['querystring.page', 'querystring.pageSize'],
  },
  {
    name: 'malformed path parameter',
    send: (s, h) => s.patch('/api/v1/users/42', { displayName: '改名' }, h),
    status: 400,
    code: 'validation_failed',
    paths: ['params.id'],
  },
  {
    name: 'a NUL in a text field',
    send: (s, h) => s.post('/api/v1/users', { ...VALID_USER, displayName: 'a\u0000b' }, h),
    status: 400,
    code: 'invalid_text',
    paths: ['displayName'],
  },
  {
    name: 'an unpaired surrogate in a text field',
    send: (s, h) => s.patch(`/api/v1/users/${s.userId}`, { displayName: '\ud83d' }, h),
    status: 400,
    code: 'invalid_text',
    paths: ['displayName'],
  },
  {
    name: 'a NUL in the query string',
    send: (s, h) => s.get('/api/v1/users?q=%00', h),
    status: 400,
    code: 'invalid_text',
    paths: ['querystring.q'],
  },
  {
    name: 'a write from another site',
    send: (s, h) => s.post('/api/v1/users', VALID_USER, { origin: 'https://evil.example', ...h }),
    status: 403,
    code: 'origin_forbidden',
  },
  {
    name: 'a 10 MB body',
    send: (s, h) => s.post('/api/v1/users', { ...VALID_USER, displayName: 'x'.repeat(10 * 1024 * 1024) }, h),
    status: 413,
    code: 'payload_too_large',
  },
  ...['application/xml', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=kefu'].map(
    (type): Case => ({
      name: `content type ${type}`,
      send: (s, h) => s.post('/api/v1/users', 'username=newcomer&password=Passw0rd!', { 'content-type': type, ...h }),
      status: 415,
      code: 'unsupported_media_type',
    }),
  ),
];

describe('bad input', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  async function counts() {
    const { rows } = await t.database.executeSql(
      'SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM roles)::int AS roles',
    );
    return rows[0];
  }

  for (const c of CASES) {
    it(`${c.name} → ${c.status} ${c.code}, localized, nothing written`, async () => {
      for (const [locale, headers] of LOCALES) {
        const before = await counts();
        const r = await c.send(admin, headers);
        expect(r.statusCode, locale).toBe(c.status);
        expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
        const body = r.json();
        expect(body).toMatchObject({
          status: c.status,
          code: c.code,
          title: c.code,
          type: `https://kefu.dev/problems/${c.code}`,
        });
        expect(body.detail).toBe(errorMessage(c.code, locale, body.params));
        expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
        if (c.paths) expect(body.errors.map((e: { path: string }) => e.path)).toEqual(c.paths);
        if (c.firstMessage) expect(body.errors[0].message).toBe(c.firstMessage[locale]);
        expect(await counts(), `${c.name} wrote something`).toEqual(before);
      }
    });
  }

  it('says which limit and which type in the message', async () => {
    const big = await admin.post(
      '/api/v1/users',
      { displayName: 'x'.repeat(2 * 1024 * 1024) },
      { 'accept-language': 'en' },
    );
    expect(big.json().detail).toBe('The request body is too large (limit 1048576 B).');
    const xml = await admin.post('/api/v1/users', '<user/>', { 'content-type': 'application/xml' });
    expect(xml.json().detail).toBe('不支持的内容类型：application/xml。');
  });

  it('stores SQL and HTML in text fields verbatim and returns them as JSON strings', async () => {
    const sqlText = `'; DROP TABLE users; --`;
    const html = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const created = await admin.post('/api/v1/users', { ...VALID_USER, username: 'bobby', displayName: sqlText });
    expect(created.statusCode).toBe(201);
    expect(created.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(created.json().displayName).toBe(sqlText);
    const id = created.json().id as string;

    const patched = await admin.patch(`/api/v1/users/${id}`, { displayName: html });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(patched.json().displayName).toBe(html);
    expect(patched.body).toContain(JSON.stringify(html));

    const got = await admin.get(`/api/v1/users/${id}`);
    expect(got.headers['content-type']).not.toContain('html');
    expect(got.json().displayName).toBe(html);
    const { rows } = await t.database.executeSql('SELECT display_name FROM users WHERE id = $1', [id]);
    expect(rows[0]?.display_name).toBe(html);
    const audit = await admin.get(`/api/v1/audit?entityId=${id}&action=user.created`);
    expect(audit.json().items[0].after.displayName).toBe(sqlText);

    // Injection through search, sort and path reaches no SQL.
    const search = await admin.get(`/api/v1/users?q=${encodeURIComponent(`' OR '1'='1`)}`);
    expect(search.json().total).toBe(0);
    expect(
      (await admin.get(`/api/v1/users?q=${encodeURIComponent(html)}`)).json().items.map((u: { id: string }) => u.id),
    ).toEqual([id]);
    for (const sort of ['username; DROP TABLE users', '__proto__', 'constructor', '-toString']) {
      expect((await admin.get(`/api/v1/users?sort=${encodeURIComponent(sort)}`)).statusCode, sort).toBe(400);
    }
    const notFound = await admin.get(`/api/v1/${encodeURIComponent(html)}`);
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers['content-type']).toBe('application/problem+json; charset=utf-8');

    const { rows: tables } = await t.database.executeSql(
      `SELECT to_regclass('public.users')::text AS t, (SELECT count(*) FROM users)::int AS n`,
    );
    expect(tables[0]).toMatchObject({ t: 'users' });
    expect(Number(tables[0]?.n)).toBeGreaterThanOrEqual(2);
  });
});
