import { isApiError } from '../../api/ApiError';
import { api, unwrap } from '../../api/client';
import type { BodyOf, Me } from '../../api/types';

export const meQueryKey = ['auth', 'me'] as const;
export const tokensQueryKey = ['auth', 'tokens'] as const;

/** The signed-in user, or null when there is no session (401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await unwrap(api.GET('/api/v1/auth/me'));
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export async function login(body: BodyOf<'/api/v1/auth/login', 'post'>): Promise<Me> {
  const { user } = await unwrap(api.POST('/api/v1/auth/login', { body }));
  return user;
}

export const logout = () => unwrap(api.POST('/api/v1/auth/logout'));

export const updateMe = (body: BodyOf<'/api/v1/auth/me', 'patch'>) => unwrap(api.PATCH('/api/v1/auth/me', { body }));

export const changePassword = (body: BodyOf<'/api/v1/auth/password', 'post'>) =>
  unwrap(api.POST('/api/v1/auth/password', { body }));

export const listTokens = () => unwrap(api.GET('/api/v1/auth/tokens'));

export const createToken = (body: BodyOf<'/api/v1/auth/tokens', 'post'>) =>
  unwrap(api.POST('/api/v1/auth/tokens', { body }));

export const revokeToken = (id: string) => unwrap(api.DELETE('/api/v1/auth/tokens/{id}', { params: { path: { id } } }));
