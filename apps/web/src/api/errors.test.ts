import type { FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError } from './ApiError';
import { errorShowType, toNamePath } from './errors';

const problem = (status: number, code: ApiError['code'], errors: { path: string; message: string }[] = []) =>
  new ApiError({ status, code, message: 'detail', errors });
const form = {} as FormInstance;

describe('errorShowType', () => {
  it('sends an expired session to the login page', () => {
    expect(errorShowType(problem(401, 'unauthenticated'))).toBe('redirect');
  });

  it('shows wrong credentials (also 401) like any other error, not as a redirect', () => {
    expect(errorShowType(problem(401, 'auth.invalid_credentials'))).toBe('notification');
  });

  it('shows 403 as a short warning', () => {
    expect(errorShowType(problem(403, 'forbidden'))).toBe('warn');
  });

  it('puts validation errors into the form when there is one', () => {
    const invalid = problem(400, 'validation_failed', [{ path: 'body.email', message: 'bad' }]);
    expect(errorShowType(invalid, { form })).toBe('form');
    expect(errorShowType(invalid)).toBe('notification');
    expect(errorShowType(problem(400, 'validation_failed'), { form })).toBe('notification');
  });

  it('shows conflicts, server errors and unknown failures as notifications', () => {
    expect(errorShowType(problem(409, 'departments.not_empty'))).toBe('notification');
    expect(errorShowType(problem(500, 'internal'))).toBe('notification');
    expect(errorShowType(new Error('boom'))).toBe('notification');
  });

  it('stays silent when the caller handles the error', () => {
    expect(errorShowType(problem(500, 'internal'), { silent: true })).toBe('silent');
  });
});

describe('toNamePath', () => {
  it('maps server paths to antd name paths', () => {
    expect(toNamePath('body.email')).toEqual(['email']);
    expect(toNamePath('/email')).toEqual(['email']);
    expect(toNamePath('items/0/name')).toEqual(['items', 0, 'name']);
    expect(toNamePath('permissions.2')).toEqual(['permissions', 2]);
  });
});
