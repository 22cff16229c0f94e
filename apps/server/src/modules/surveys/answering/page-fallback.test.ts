import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';

/** With the built web served, /s/{token} is still the survey page, not the single-page app's index.html. */
describe('the survey page beside the built web', () => {
  let t: TestApp;
  let webDist: string;
  beforeAll(async () => {
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-survey-web-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><div id="root"></div>');
    t = await createTestApp({ config: { webDist } });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('answers /s/{token} from the survey module and client routes from the SPA', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/s/unknown-token-of-twenty' });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('<html lang="zh-CN">');
    expect(page.body).not.toContain('id="root"');
    const spa = await t.app.inject({ method: 'GET', url: '/surveys' });
    expect(spa.body).toContain('id="root"');
  });
});
