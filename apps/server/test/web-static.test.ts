import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE } from '../src/plugins/web-static.js';
import { createTestApp, type TestApp } from './helpers.js';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('kefu '.repeat(200))});`;

/** A tiny built web app as `vite build` + the precompress step lay it out: .br and .gz beside each file. */
function tinyWebDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-web-static-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const write = (file: string, content: string, compressed = true) => {
    fs.writeFileSync(path.join(dir, file), content);
    if (!compressed) return;
    fs.writeFileSync(path.join(dir, `${file}.br`), zlib.brotliCompressSync(content));
    fs.writeFileSync(path.join(dir, `${file}.gz`), zlib.gzipSync(content));
  };
  write('index.html', INDEX);
  write('assets/index-abc123.js', SCRIPT);
  write('assets/logo-def456.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', false);
  write('logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>', false);
  return dir;
}

describe('delivery of the built web', () => {
  let t: TestApp;
  let webDist: string;
  beforeAll(async () => {
    webDist = tinyWebDist();
    t = await createTestApp({ config: { webDist } });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('a hashed asset is immutable for a year and sent as the precompressed Brotli file', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe(IMMUTABLE);
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(String(r.headers.vary)).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(r.rawPayload).toString()).toBe(SCRIPT);
  });

  it('gzip when Brotli is not accepted, the plain file when nothing is', async () => {
    const gz = await t.app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);

    const plain = await t.app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': '' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);

    // A hashed file without compressed variants (an image) is immutable too.
    const image = await t.app.inject({
      method: 'GET',
      url: '/assets/logo-def456.svg',
      headers: { 'accept-encoding': 'br' },
    });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('index.html is revalidated on every load (no-cache), compressed as well', async () => {
    for (const url of ['/', '/index.html']) {
      const r = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe(REVALIDATE);
      expect(r.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(r.rawPayload).toString(), url).toBe(INDEX);
    }
    // An unhashed file beside it (the logo) is revalidated too: it may change in place.
    const logo = await t.app.inject({ method: 'GET', url: '/logo.svg' });
    expect(logo.headers['cache-control']).toBe(REVALIDATE);
  });

  it('a client-side route gets index.html with no-cache (the SPA fallback), compressed', async () => {
    for (const url of ['/tickets/queue', '/admin/users?page=2', '/login']) {
      const r = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip, br' } });
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type'], url).toMatch(/^text\/html/);
      expect(r.headers['cache-control'], url).toBe(REVALIDATE);
      expect(r.headers['content-encoding'], url).toBe('br');
      expect(zlib.brotliDecompressSync(r.rawPayload).toString(), url).toBe(INDEX);
    }
    const plain = await t.app.inject({ method: 'GET', url: '/tickets/queue' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(INDEX);
    expect(plain.headers['cache-control']).toBe(REVALIDATE);
  });

  it('unknown API paths and missing assets stay 404, never the page', async () => {
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
    const asset = await t.app.inject({
      method: 'GET',
      url: '/assets/gone-999.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(asset.statusCode).toBe(404);
    expect(asset.headers['cache-control']).not.toBe(IMMUTABLE);
  });
});
