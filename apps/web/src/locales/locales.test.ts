import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAllResources, NAMESPACES } from '../i18n';

const script = fileURLToPath(new URL('../../../../scripts/check-i18n.mjs', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

describe('translations', () => {
  it('load every namespace in both languages', async () => {
    const resources = await loadAllResources();
    for (const locale of ['zh-CN', 'en']) {
      expect(Object.keys(resources[locale] ?? {}).sort()).toEqual([...NAMESPACES].sort());
    }
  });

  it('pass scripts/check-i18n.mjs (same keys in zh-CN and en)', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('scripts/check-i18n.mjs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kefu-i18n-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (locale: string, ns: string, content: unknown) => {
    mkdirSync(join(dir, locale), { recursive: true });
    writeFileSync(join(dir, locale, `${ns}.json`), JSON.stringify(content));
  };

  it('reports missing keys per file, missing namespaces and placeholder drift', () => {
    write('zh-CN', 'users', { title: '用户', form: { name: '姓名', email: '邮箱' }, hello: '你好，{{name}}' });
    write('en', 'users', { title: 'Users', form: { name: 'Name' }, extra: 'Extra', hello: 'Hello, {{user}}' });
    write('zh-CN', 'audit', { title: '审计' });
    const result = run('--dir', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/en[/\\]users\.json:[\s\S]*- form\.email/);
    expect(result.stderr).toMatch(/zh-CN[/\\]users\.json:[\s\S]*- extra/);
    expect(result.stderr).toMatch(/namespace "audit" is missing for en/);
    expect(result.stderr).toMatch(/placeholders differ[\s\S]*hello/);
  });
});
