import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError';
import { api, buildUrl, readCookie, unwrap } from './client';

describe('readCookie', () => {
  it('reads one cookie out of document.cookie', () => {
    expect(readCookie('kefu_csrf', 'a=1; kefu_csrf=t%3Dk; b=2')).toBe('t=k');
    expect(readCookie('kefu_csrf', 'a=1')).toBeUndefined();
  });
});

describe('buildUrl', () => {
  it('leaves out empty parameters', () => {
    expect(buildUrl('/x', { format: 'csv', a: '', b: undefined, c: null, d: 0 })).toBe('/x?format=csv&d=0');
    expect(buildUrl('/x', {})).toBe('/x');
  });
});

describe('api client middleware', () => {
  // Node's Request needs absolute URLs; in the browser the app uses same-origin relative ones.
  const baseUrl = 'http://kefu.test';
  const requests: Request[] = [];
  let answer: () => Response;

  beforeEach(() => {
    requests.length = 0;
    vi.stubGlobal('document', { cookie: 'kefu_csrf=csrf-123' });
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
      requests.push(input as Request);
      return answer();
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('sends Accept-Language always and the CSRF token on writes only', async () => {
    answer = () => Response.json({ id: 'u1' });
    await api.GET('/api/v1/auth/me', { baseUrl });
    await api.PATCH('/api/v1/auth/me', { baseUrl, body: { locale: 'en' } });
    const [get, patch] = requests;
    expect(get?.headers.get('accept-language')).toBe('zh-CN');
    expect(get?.headers.get('x-csrf-token')).toBeNull();
    expect(patch?.headers.get('x-csrf-token')).toBe('csrf-123');
    expect(patch?.credentials).toBe('include');
  });

  it('turns a problem+json answer into a typed ApiError', async () => {
    answer = () =>
      new Response(
        JSON.stringify({
          type: 'about:blank',
          title: 'Bad Request',
          status: 400,
          code: 'validation_failed',
          detail: '提交的数据有误',
          errors: [{ path: 'body.email', message: '格式不正确' }],
          requestId: 'req-1',
        }),
        { status: 400, headers: { 'content-type': 'application/problem+json' } },
      );
    const error = await unwrap(api.POST('/api/v1/auth/tokens', { baseUrl, body: { name: 'x' } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: '提交的数据有误',
      errors: [{ path: 'body.email', message: '格式不正确' }],
      requestId: 'req-1',
    });
  });

  it('still fails with an ApiError when the body is not a problem', async () => {
    answer = () => new Response('<html>bad gateway</html>', { status: 502 });
    const error = await unwrap(api.GET('/api/v1/auth/me', { baseUrl })).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'unknown' });
  });

  it('reports a network failure as status 0', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed'));
    const error = await unwrap(api.GET('/api/v1/auth/me', { baseUrl })).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: 'network_error' });
  });
});
