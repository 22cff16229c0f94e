import { type Locale, pickLocale, type RouteAccess } from '@kefu/shared';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, RequestContext } from '../lib/actor.js';
import { AppError } from '../lib/app-error.js';
import type { Deps } from '../lib/deps.js';
import { authenticateSession, authenticateToken } from '../modules/auth/index.js';

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

/** The origin a browser says the request comes from: `Origin`, else the origin of `Referer`, else null. */
function claimedOrigin(request: FastifyRequest): string | null {
  const origin = request.headers.origin;
  if (origin !== undefined) return origin;
  const referer = request.headers.referer;
  if (referer === undefined) return null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

/** The request's Host as a URL would spell it under the origin's scheme (default port dropped, lower case). */
function hostOf(protocol: string, host: string): string | null {
  try {
    return new URL(`${protocol}//${host}`).host;
  } catch {
    return null;
  }
}

/**
 * A write that a browser may have sent on its own (cookie or none — login) must come from Kefu's
 * own pages: the configured base URL, or the host the request was sent to. A request without
 * Origin and Referer is not a browser's cross-site request (browsers send Origin on every
 * cross-site write) and is left to the CSRF token; `Origin: null` (sandboxed or opaque) is refused.
 */
function assertSameOrigin(request: FastifyRequest, baseOrigin: string): void {
  const claimed = claimedOrigin(request);
  if (claimed === null) return;
  let origin: URL | null = null;
  try {
    origin = claimed === 'null' ? null : new URL(claimed);
  } catch {
    origin = null;
  }
  const sameHost = origin !== null && origin.host === hostOf(origin.protocol, request.host);
  if (origin === null || (origin.origin !== baseOrigin && !sameHost)) {
    throw new AppError('origin_forbidden', 403, { params: { origin: claimed.slice(0, 200) } });
  }
}

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
 * `kefu_csrf` cookie echoed in the `X-CSRF-Token` header) and, with login, the Origin.
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

  const baseOrigin = new URL(opts.deps.config.baseUrl).origin;

  app.addHook('onRequest', async (request) => {
    const header = request.headers['accept-language'];
    request.locale = pickLocale(header);
    const access = request.routeOptions.config?.access;
    if (!access) return;

    let csrfToken: string | undefined;
    const authorization = request.headers.authorization;
    const bearer = authorization?.startsWith('Bearer ') === true;
    // Login and cookie-authenticated writes; a Bearer token carries no ambient authority.
    if (!bearer && !SAFE_METHODS.has(request.method)) assertSameOrigin(request, baseOrigin);
    if (authorization && bearer) {
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
