import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config/config.js';

/**
 * Security headers on every response of the app — API, problem bodies, the built web and its
 * assets, Swagger UI — set once at app level (hooks of the root instance, so every plugin's
 * responses get them):
 * - CSP without inline script: the built web and Swagger UI load only their own files; antd writes
 *   inline styles (CSS-in-JS), hence `style-src 'unsafe-inline'`; `frame-ancestors 'none'`.
 * - `X-Content-Type-Options: nosniff`, `X-Frame-Options: DENY`, `Referrer-Policy: same-origin`
 *   (a same-origin Referer stays available to the Origin check, nothing leaves for other sites).
 * - HSTS (and `upgrade-insecure-requests`) only when `KEFU_BASE_URL` is https: a plain-http
 *   installation on a LAN must keep working.
 * - `Cache-Control: no-store` on every API response that does not set its own (personal data must
 *   not stay in a shared or browser cache).
 */
export const securityHeadersPlugin = fp(
  async (app: FastifyInstance, opts: { config: Config }) => {
    const https = opts.config.baseUrl.startsWith('https://');
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'same-origin' },
      xFrameOptions: { action: 'deny' },
      crossOriginEmbedderPolicy: false,
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const url = request.url;
      const api = url.startsWith('/api/') && !url.startsWith('/api/docs');
      if (api && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });
  },
  { name: 'kefu-security-headers' },
);
