import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';

/** Vite puts every content-hashed file (JS, CSS, fonts, images it imports) under `assets/`. */
const HASHED_DIR = 'assets';
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Unhashed files (index.html, logo.svg, …) may be stored but are revalidated (ETag) on every use. */
export const REVALIDATE = 'no-cache';

/**
 * The built web app (apps/web/dist) and its single-page fallback:
 * - Brotli or gzip from the `.br` / `.gz` files written next to each asset at build time (the
 *   `precompress` step in apps/web/vite.config.ts), chosen by Accept-Encoding; no compression at
 *   request time.
 * - Hashed assets (`/assets/*`) are cached for a year and never revalidated; `index.html` — also
 *   when answered for a client-side route such as /tickets/queue — is revalidated every time, so a
 *   new build is picked up at the next load.
 * Nothing is registered when `root` has no index.html (API-only, or the web not built).
 */
export const webStaticPlugin = fp(
  async (app: FastifyInstance, opts: { root: string }) => {
    const root = path.resolve(opts.root);
    if (!fs.existsSync(path.join(root, 'index.html'))) return;
    const hashedDir = path.join(root, HASHED_DIR) + path.sep;

    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      // Set in setHeaders below; @fastify/send's default (`public, max-age=0`) would be replaced anyway.
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        // `filePath` is the file actually sent, e.g. assets/index-3f9a.js.br.
        reply.header('cache-control', filePath.startsWith(hashedDir) ? IMMUTABLE : REVALIDATE);
      },
    });

    // Client-side routes (/admin/users, …) get the single-page app; unknown /api paths stay 404 problems.
    app.addHook('onRequest', async (request, reply: FastifyReply) => {
      const url = request.url.split('?')[0] ?? '/';
      if (request.method === 'GET' && !url.startsWith('/api') && !request.routeOptions.url && !path.extname(url)) {
        return reply.type('text/html').sendFile('index.html');
      }
    });
  },
  { name: 'kefu-web-static' },
);
