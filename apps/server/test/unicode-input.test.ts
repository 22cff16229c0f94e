import { errorMessage, type Locale } from '@kefu/shared';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './helpers.js';

/** Text no input may carry: a NUL, a lone high surrogate, a lone low surrogate. */
const BAD: [string, string][] = [
  ['NUL', 'a\u0000b'],
  ['lone high surrogate', 'a\ud800b'],
  ['lone low surrogate', 'a\udc00b'],
];
/** Percent-encoded in a query string (a lone surrogate cannot be UTF-8 encoded; NUL can). */
const BAD_QUERY = '%00';
const UUID = '00000000-0000-4000-8000-000000000000';

function expectInvalidText(r: LightMyRequestResponse, field: string, locale: Locale = 'zh-CN') {
  expect(r.statusCode, `${field}: ${r.body}`).toBe(400);
  expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  const body = r.json();
  expect(body).toMatchObject({ code: 'invalid_text', params: { field }, errors: [{ path: field }] });
  expect(body.detail).toBe(errorMessage('invalid_text', locale, { field }));
}

function multipart(parts: { name: string; filename?: string; value: string }[]) {
  const boundary = `----kefu${Math.random().toString(36).slice(2)}`;
  const body = parts
    .map(
      (p) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}\r\n` +
        `${p.filename === undefined ? '' : 'Content-Type: text/csv\r\n'}\r\n${p.value}\r\n`,
    )
    .join('');
  return {
    payload: Buffer.from(`${body}--${boundary}--\r\n`, 'utf8'),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('text input is well-formed Unicode without NUL', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
  });
  afterAll(async () => t?.close());

  // The five endpoints that answered 500 (a database encoding error) before.
  for (const [what, bad] of BAD) {
    it(`${what}: login, profile, token name — 400 naming the field, localized`, async () => {
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'accept-language': 'en' },
        payload: { username: bad, password: 'whatever' },
      });
      expectInvalidText(login, 'username', 'en');
      expectInvalidText(await admin.patch('/api/v1/auth/me', { displayName: bad }), 'displayName');
      expectInvalidText(await admin.post('/api/v1/auth/tokens', { name: bad }), 'name');
      expectInvalidText(await admin.post('/api/v1/departments', { name: bad }), 'name');
      // Keys are text too.
      expectInvalidText(await admin.patch('/api/v1/auth/me', { [bad]: 1 }), 'a\ufffdb');
    });
  }

  it('search queries, a path parameter, multipart text', async () => {
    expectInvalidText(await admin.get(`/api/v1/users?q=a${BAD_QUERY}b`), 'querystring.q');
    expectInvalidText(await admin.get(`/api/v1/customers?q=${BAD_QUERY}`), 'querystring.q');
    expectInvalidText(await admin.get(`/api/v1/audit?entityType=user${BAD_QUERY}`), 'querystring.entityType');
    expectInvalidText(await admin.get(`/api/v1/users/${BAD_QUERY}`), 'params.id');

    const upload = (parts: Parameters<typeof multipart>[0]) => {
      const { payload, contentType } = multipart(parts);
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/customer-imports',
        cookies: admin.cookies,
        headers: { 'x-csrf-token': admin.cookies.kefu_csrf ?? '', 'content-type': contentType },
        payload,
      });
    };
    const csv = '名称,电话\n甲公司,13800000000\n';
    expectInvalidText(await upload([{ name: 'file', filename: '客户\u0000.csv', value: csv }]), 'file');
    expectInvalidText(
      await upload([
        { name: 'note', value: 'x\u0000y' },
        { name: 'file', filename: 'ok.csv', value: csv },
      ]),
      'note',
    );
  });

  it('every route with a query or a JSON body refuses bad text before anything else (table over OpenAPI)', async () => {
    const doc = t.app.swagger() as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, unknown> } }
        >
      >;
    };
    let probed = 0;
    const failures: string[] = [];
    for (const [route, operations] of Object.entries(doc.paths)) {
      const url = route.replace(/\{[^}]+\}/g, UUID);
      for (const [method, op] of Object.entries(operations)) {
        const verb = method.toUpperCase() as 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
        for (const param of (op.parameters ?? []).filter((p) => p.in === 'query')) {
          const r = await admin.inject(verb, `${url}?${param.name}=a${BAD_QUERY}b`);
          probed += 1;
          // A page (the public survey page) refuses with its localized 400 page instead of problem JSON.
          const page = String(r.headers['content-type'] ?? '').startsWith('text/html');
          if (r.statusCode !== 400 || (!page && r.json().params?.field !== `querystring.${param.name}`)) {
            failures.push(`${verb} ${route} ?${param.name}: ${r.statusCode} ${r.body.slice(0, 120)}`);
          }
        }
        if (op.requestBody?.content?.['application/json']) {
          for (const [, bad] of BAD) {
            const r = await admin.inject(verb, url, { text: bad, nested: [{ deeper: bad }] });
            probed += 1;
            if (r.statusCode !== 400 || r.json().code !== 'invalid_text') {
              failures.push(`${verb} ${route} body: ${r.statusCode} ${r.body.slice(0, 120)}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(probed).toBeGreaterThan(60);
  }, 120_000);

  it('well-formed text passes: Chinese, emoji, rare characters, a surrogate pair', async () => {
    const name = '客服 😀 𠀀𪚥';
    const r = await admin.patch('/api/v1/auth/me', { displayName: name });
    expect(r.statusCode).toBe(200);
    expect(r.json().displayName).toBe(name);
    expect((await admin.get(`/api/v1/users?q=${encodeURIComponent('𪚥')}`)).statusCode).toBe(200);
  });
});
