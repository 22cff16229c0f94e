import createClient, { type Middleware } from 'openapi-fetch';
import { i18n } from '../i18n';
import { ApiError } from './ApiError';

/**
 * API types come from `./generated` (openapi-typescript over apps/server/openapi.json:
 * `npm run openapi -w apps/server && npm run api:generate -w apps/web`; `npm run check` fails when
 * either is stale). Everything else derives its types from `paths` here (see types.ts).
 */
import type { paths } from './generated';

export type { paths };

export const CSRF_COOKIE = 'kefu_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function readCookie(name: string, cookieString = globalThis.document?.cookie ?? ''): string | undefined {
  for (const part of cookieString.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** Adds Accept-Language (the UI language) and, on writes, the double-submit CSRF token. */
const requestHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18n.language || 'zh-CN');
    if (!SAFE_METHODS.has(request.method)) {
      const csrf = readCookie(CSRF_COOKIE);
      if (csrf) request.headers.set(CSRF_HEADER, csrf);
    }
    return request;
  },
};

/** Turns non-2xx answers into a thrown ApiError, so callers (and TanStack Query) only see data. */
const throwOnError: Middleware = {
  async onResponse({ response }) {
    if (response.ok) return undefined;
    throw await ApiError.fromResponse(response, i18n.t('common:errors.http', { status: response.status }));
  },
  onError({ error }) {
    if (error instanceof ApiError) return error;
    return new ApiError({ status: 0, code: 'network_error', message: i18n.t('common:errors.network') });
  },
};

export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'include',
  // Looked up per call (not captured once), so tests and dev tools can replace fetch.
  fetch: (request) => globalThis.fetch(request),
});
api.use(requestHeaders, throwOnError);

/**
 * Awaits an openapi-fetch call and returns its data. The middleware already threw on errors, so
 * `error` is only set if a response slipped through (e.g. a 3xx); treat it as a failure too.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    throw new ApiError({
      status: response.status,
      code: 'unknown',
      message: i18n.t('common:errors.http', { status: response.status }),
    });
  }
  return data as T;
}

/** Builds a same-origin URL with query parameters, for downloads the browser performs itself. */
export function buildUrl(path: string, query: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}
