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
