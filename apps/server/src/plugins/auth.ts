import { type Locale, pickLocale, type RouteAccess } from '@kefu/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, RequestContext } from '../lib/actor.js';
import { AppError } from '../lib/app-error.js';
import type { Deps } from '../lib/deps.js';
import { authenticateSession, authenticateToken } from '../modules/auth/auth.service.js';

export const SESSION_COOKIE = 'kefu_session';
export const CSRF_COOKIE = 'kefu_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every /api/v1 route declares who may call it; registration fails without it. */
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** The declared access of every route, keyed `METHOD /url` (e.g. `GET /api/v1/users/:id`). */
    routeAccess: ReadonlyMap<string, RouteAccess>;
  }
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    /** The request as services see it (actor, origin, locale). */
    ctx(): RequestContext;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The request's context for a route that requires a signed-in caller. */
export function actorContext(request: FastifyRequest): RequestContext & { actor: Actor } {
  const ctx = request.ctx();
  if (!ctx.actor) throw new AppError('unauthenticated', 401);
  return ctx as RequestContext & { actor: Actor };
}

/**
 * Authentication and authorisation for every route, attached once: resolves the caller from a
 * Bearer token or the session cookie, checks the route's declared `access`, and for cookie-
 * authenticated writes checks the CSRF token bound to the session (double submit: the
 * `kefu_csrf` cookie echoed in the `X-CSRF-Token` header).
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { deps: Deps }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('ctx', function (this: FastifyRequest): RequestContext {
    return {
      actor: this.actor,
      ip: this.ip ?? null,
      userAgent: this.headers['user-agent'] ?? null,
      requestId: this.id,
      locale: this.locale,
    };
  });

  // Fastify keeps no public list of routes; this one lets tests check every route's access.
  const routeAccess = new Map<string, RouteAccess>();
  app.decorate('routeAccess', routeAccess);

  app.addHook('onRoute', (route) => {
    const guarded = route.url.startsWith('/api/v1') || route.url === '/api/health';
    if (guarded && route.method !== 'HEAD' && !route.config?.access) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access)`);
    }
    const access = route.config?.access;
    if (access) for (const method of [route.method].flat()) routeAccess.set(`${method} ${route.url}`, access);
  });

  app.addHook('onRequest', async (request) => {
    const header = request.headers['accept-language'];
    request.locale = pickLocale(header);
    const access = request.routeOptions.config?.access;
    if (!access) return;

    let csrfToken: string | undefined;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await authenticateToken(opts.deps, authorization.slice(7).trim());
      if (!request.actor && access !== 'public') throw new AppError('unauthenticated', 401);
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        const session = await authenticateSession(opts.deps, cookie);
        request.actor = session?.actor ?? null;
        csrfToken = session?.csrfToken;
      }
    }
    if (request.actor && !header) request.locale = request.actor.locale;
    if (access === 'public') return;
    if (!request.actor) throw new AppError('unauthenticated', 401);
    if (request.actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      if (!csrfToken || request.headers[CSRF_HEADER] !== csrfToken) throw new AppError('csrf_failed', 403);
    }
    if (access !== 'authenticated' && !request.actor.permissions.has(access)) {
      throw new AppError('forbidden', 403, { params: { permission: access } });
    }
  });
});
