import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeadersPlugin } from '../src/plugins/security-headers.js';
import { createTestApp, type Session, type TestApp, testConfig } from './helpers.js';

/** A tiny built web app, as `vite build` lays it out. */
function tinyWebDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-web-dist-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>',
  );
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("kefu");');
  return dir;
}

function expectCommonHeaders(r: LightMyRequestResponse, what: string) {
  const csp = String(r.headers['content-security-policy'] ?? '');
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(r.headers['x-content-type-options'], what).toBe('nosniff');
  expect(r.headers['referrer-policy'], what).toBe('same-origin');
  expect(r.headers['x-frame-options'], what).toBe('DENY');
  // KEFU_BASE_URL is http here: no HSTS (it would lock a plain-http LAN installation out).
  expect(r.headers['strict-transport-security'], what).toBeUndefined();
}

/** The app's CSP: scripts from its own origin only, never inline. */
function expectNoInlineScript(r: LightMyRequestResponse, what: string) {
  const csp = String(r.headers['content-security-policy']);
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src '));
  expect(scriptSrc?.trim(), what).toBe("script-src 'self'");
  expect(csp, what).toContain("default-src 'self'");
  expect(csp, what).toContain("object-src 'none'");
}

describe('security headers', () => {
  let t: TestApp;
  let admin: Session;
  let webDist: string;
  beforeAll(async () => {
    webDist = tinyWebDist();
    t = await createTestApp({ config: { webDist } });
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('on the built web: the page, a client-side route and a hashed asset', async () => {
    for (const url of ['/', '/tickets', '/assets/index-abc123.js']) {
      const r = await t.app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expectCommonHeaders(r, url);
      expectNoInlineScript(r, url);
      // Static files are cached as the web's delivery decides, never `no-store` from the API rule.
      expect(r.headers['cache-control'], url).not.toBe('no-store');
    }
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('on API responses with personal data: no-store, and on problems too', async () => {
    for (const url of ['/api/v1/auth/me', '/api/v1/users', '/api/health']) {
      const r = await admin.get(url);
      expect(r.statusCode, url).toBe(200);
      expectCommonHeaders(r, url);
      expectNoInlineScript(r, url);
      expect(r.headers['cache-control'], url).toBe('no-store');
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/users' });
    expect(anonymous.statusCode).toBe(401);
    expectCommonHeaders(anonymous, '401');
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const missing = await admin.get('/api/v1/no-such-thing');
    expect(missing.statusCode).toBe(404);
    expectCommonHeaders(missing, '404');
  });

  it('on a download (the audit log export)', async () => {
    const r = await admin.get('/api/v1/audit/export?format=csv');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('attachment');
    expectCommonHeaders(r, 'export');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('on Swagger UI, which loads no inline script', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(r.statusCode).toBe(200);
    expectCommonHeaders(r, 'docs');
    expectNoInlineScript(r, 'docs');
    expect(r.body).toContain('swagger-initializer.js');
    expect(r.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const initializer = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
  });

  it('HSTS only when KEFU_BASE_URL is https', async () => {
    const app = Fastify();
    await app.register(securityHeadersPlugin, { config: { ...testConfig(), baseUrl: 'https://kefu.example.com' } });
    app.get('/api/v1/x', async () => ({ ok: true }));
    const r = await app.inject({ method: 'GET', url: '/api/v1/x' });
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(r.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    await app.close();
  });

  describe('Origin check on cookie-authenticated writes and on login', () => {
    const write = (s: Session, headers: Record<string, string>) =>
      s.patch('/api/v1/auth/me', { displayName: '管理员' }, headers);

    it('refuses a cross-origin Origin or Referer with 403, localized', async () => {
      const evil = await write(admin, { origin: 'https://evil.example', 'accept-language': 'en' });
      expect(evil.statusCode).toBe(403);
      expect(evil.json()).toMatchObject({
        code: 'origin_forbidden',
        detail:
          'The request came from another site (https://evil.example) and was refused. Please use Kefu’s own pages.',
      });
      const zh = await write(admin, { origin: 'null' });
      expect(zh.statusCode).toBe(403);
      expect(zh.json().detail).toContain('请求来自其他网站');
      const viaReferer = await write(admin, { referer: 'https://evil.example/attack.html' });
      expect(viaReferer.json().code).toBe('origin_forbidden');
      // Another port of the same host is another origin.
      expect((await write(admin, { origin: 'http://localhost:8081' })).statusCode).toBe(403);
    });

    it('allows the same origin, the configured base URL, and no Origin at all (non-browser clients)', async () => {
      expect((await write(admin, { origin: 'http://localhost' })).statusCode).toBe(200);
      expect((await write(admin, { origin: new URL(t.config.baseUrl).origin })).statusCode).toBe(200);
      expect((await write(admin, { referer: 'http://localhost/admin/users' })).statusCode).toBe(200);
      expect((await write(admin, {})).statusCode).toBe(200);
    });

    it('checks the login, and leaves Bearer requests alone', async () => {
      const login = (origin: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { origin },
          payload: { username: 'admin', password: 'Admin12345' },
        });
      expect((await login('https://evil.example')).json().code).toBe('origin_forbidden');
      expect((await login('http://localhost')).statusCode).toBe(200);

      const { token } = (await admin.post('/api/v1/auth/tokens', { name: 'origin' })).json();
      const viaToken = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' },
        payload: { displayName: '管理员' },
      });
      expect(viaToken.statusCode).toBe(200);
    });
  });
});
