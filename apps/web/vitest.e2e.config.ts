import { defineConfig } from 'vitest/config';

/**
 * Browser end-to-end journeys: the global setup builds the web app, starts a real Kefu server on a
 * fresh PGlite data directory, and the specs drive Debian's Chromium with playwright-core.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
