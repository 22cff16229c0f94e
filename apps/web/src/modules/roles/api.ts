import { api, unwrap } from '../../api/client';
import type { RoleBody } from '../../api/types';

export const rolesQueryKey = ['roles'] as const;
export const permissionsQueryKey = ['permissions'] as const;

export const listRoles = () => unwrap(api.GET('/api/v1/roles'));

export const listPermissions = () => unwrap(api.GET('/api/v1/permissions'));

export const createRole = (body: RoleBody) => unwrap(api.POST('/api/v1/roles', { body }));

export const updateRole = (key: string, body: Partial<Omit<RoleBody, 'key'>>) =>
  unwrap(api.PATCH('/api/v1/roles/{key}', { params: { path: { key } }, body }));

export const deleteRole = (key: string) => unwrap(api.DELETE('/api/v1/roles/{key}', { params: { path: { key } } }));
