import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions, defineConfig, type Plugin } from 'vite';
import { antdStaticCss } from './build/antd-static-css';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|wasm)$/;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(full) : Promise.resolve(entry.isFile() ? [full] : []);
    }),
  );
  return nested.flat();
}

/**
 * Writes `<file>.br` (Brotli, quality 11) and `<file>.gz` (gzip -9) next to every compressible file
 * of the build, once, so the server sends them as they are (@fastify/static `preCompressed`,
 * apps/server/src/plugins/web-static.ts) instead of compressing on every request. A variant is
 * kept only when it is smaller.
 */
export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'kefu-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await Promise.all(
        (await filesUnder(outDir)).map(async (full) => {
          if (!COMPRESSIBLE.test(full)) return;
          const data = await readFile(full);
          const [br, gz] = await Promise.all([
            brotli(data, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
              },
            }),
            gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          if (br.length < data.length) await writeFile(`${full}.br`, br);
          if (gz.length < data.length) await writeFile(`${full}.gz`, gz);
        }),
      );
    },
  };
}

/**
 * Vendor chunks that change rarely, so a browser keeps them across releases: React + the router
 * (every page) and ECharts (the report pages only). antd and ProComponents are left to Rollup's
 * per-component splitting on purpose: a manual chunk takes every dependency not placed elsewhere,
 * so an antd or pro-components chunk made the login page load every component of the app (608 KB
 * compressed, measured). Pages are split by React.lazy (routes.tsx), the shell by router.tsx, the
 * translations by i18n.ts.
 */
function vendorChunk(id: string): string | undefined {
  const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1];
  if (!name) return undefined;
  if (['react', 'react-dom', 'scheduler', 'react-router', 'react-router-dom'].includes(name)) return 'vendor-react';
  if (name === 'echarts' || name === 'zrender') return 'vendor-echarts';
  return undefined;
}

// `kefu-source` makes `@kefu/shared` resolve to its TypeScript sources (see packages/shared/package.json).
export default defineConfig({
  plugins: [react(), antdStaticCss(), precompress()],
  resolve: { conditions: ['kefu-source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['kefu-source', ...defaultServerConditions] } },
  server: {
    port: 5173,
    // KEFU_API_URL points the dev server at a server elsewhere (default: `npm run dev -w apps/server`).
    // /api (also /api/public) and the server-rendered survey page /s/{token} (a regex: '/s' alone would take /src).
    proxy: {
      '/api': { target: process.env.KEFU_API_URL ?? 'http://localhost:3000' },
      '^/s/': { target: process.env.KEFU_API_URL ?? 'http://localhost:3000' },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: what each route loads (bench/web-delivery.ts, scripts/login-budget).
    manifest: true,
    rollupOptions: { output: { manualChunks: vendorChunk } },
    // ECharts (its own chunk, loaded by the report pages only) is ~560 KB before compression.
    chunkSizeWarningLimit: 600,
  },
});
