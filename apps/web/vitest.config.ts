import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'node',
      include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.{ts,mjs}'],
      // Components render synchronously in tests: every translation namespace is loaded first.
      setupFiles: ['src/test-setup.ts'],
    },
  }),
);
