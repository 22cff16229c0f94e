import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

// `kefu-source` makes `@kefu/shared` resolve to its TypeScript sources (see packages/shared/package.json).
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['kefu-source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['kefu-source', ...defaultServerConditions] } },
  server: {
    port: 5173,
    // KEFU_API_URL points the dev server at a server elsewhere (default: `npm run dev -w apps/server`).
    proxy: { '/api': { target: process.env.KEFU_API_URL ?? 'http://localhost:3000' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd + pro-components make a large shared chunk; pages are split with React.lazy.
    chunkSizeWarningLimit: 1500,
  },
});
