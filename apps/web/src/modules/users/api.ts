import { api, unwrap } from '../../api/client';
import type { CreateUserBody, UpdateUserBody, UserQuery } from '../../api/types';

export const usersQueryKey = ['users'] as const;

export const listUsers = (query: UserQuery) => unwrap(api.GET('/api/v1/users', { params: { query } }));

export const createUser = (body: CreateUserBody) => unwrap(api.POST('/api/v1/users', { body }));

export const updateUser = (id: string, body: UpdateUserBody) =>
  unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body }));

export const setUserPassword = (id: string, newPassword: string) =>
  unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { newPassword } }));

export const unlockUser = (id: string) => unwrap(api.POST('/api/v1/users/{id}/unlock', { params: { path: { id } } }));
