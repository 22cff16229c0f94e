import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise, type IConfiguration } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

/**
 * `npm run boundaries` (dependency-cruiser, `.dependency-cruiser.cjs`) fails on a module importing
 * another module's table or internal file: shown on the deliberate violations of a miniature tree
 * (test/boundaries/fixture, see its README) with the project's own rules.
 */
const config: IConfiguration = createRequire(import.meta.url)('../../../../.dependency-cruiser.cjs');
const fixture = fileURLToPath(new URL('../../test/boundaries/fixture', import.meta.url));

describe('module boundaries (dependency-cruiser)', () => {
  it('reports cross-module table, internal-file, schema-index, manifest and platform imports — and nothing else', async () => {
    const result = await cruise(['apps/server/src'], {
      ...config.options,
      baseDir: fixture,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
    });
    if (typeof result.output === 'string') throw new Error('expected a cruise result');
    const found = result.output.summary.violations
      .map((v) => `${v.rule.name}: ${v.from.replace('apps/server/src/', '')} → ${v.to.replace('apps/server/src/', '')}`)
      .sort();
    expect(found).toEqual([
      'manifest-only-in-module-list: modules/alpha/alpha.service.ts → modules/beta/beta.module.ts',
      'module-public-api: modules/alpha/alpha.service.ts → modules/beta/beta.module.ts',
      'module-public-api: modules/alpha/alpha.service.ts → modules/beta/beta.repository.ts',
      'module-public-api: modules/alpha/alpha.service.ts → modules/beta/beta.tables.ts',
      'platform-not-modules: lib/helper.ts → modules/beta/beta.repository.ts',
      'tables-of-own-module-only: modules/alpha/alpha.service.ts → db/schema/index.ts',
    ]);
    expect(result.output.summary.error).toBe(6);
  });
});

/**
 * `node scripts/check-table-ownership.mjs` (part of `npm run boundaries`) fails on a module naming
 * another module's table inside hand-written SQL, which import rules cannot see: shown on the
 * deliberate violations of the fixture (`modules/alpha/alpha.sql.ts`, lines marked ✗).
 */
describe('table ownership in SQL text (check-table-ownership)', () => {
  const script = fileURLToPath(new URL('../../../../scripts/check-table-ownership.mjs', import.meta.url));
  const run = (root?: string) => spawnSync(process.execPath, root ? [script, root] : [script], { encoding: 'utf8' });

  it('reports every SQL use of another module’s table in the fixture — and nothing else', () => {
    const result = run(fixture);
    expect(result.status).toBe(1);
    const found = result.stderr
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.startsWith('apps/'));
    expect(found).toEqual([
      'apps/server/src/modules/alpha/alpha.sql.ts:16: table "beta_items" belongs to beta',
      'apps/server/src/modules/alpha/alpha.sql.ts:17: table "beta_items" belongs to beta',
      'apps/server/src/modules/alpha/alpha.sql.ts:18: table "beta_items" belongs to beta',
    ]);
  });

  it('finds no violation in the real tree', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
