import { api, unwrap } from '../../api/client';
import type { DepartmentBody } from '../../api/types';

export const departmentsQueryKey = ['departments'] as const;

export const listDepartments = () => unwrap(api.GET('/api/v1/departments'));

export const createDepartment = (body: DepartmentBody) => unwrap(api.POST('/api/v1/departments', { body }));

export const updateDepartment = (id: string, body: Partial<DepartmentBody>) =>
  unwrap(api.PATCH('/api/v1/departments/{id}', { params: { path: { id } }, body }));

export const deleteDepartment = (id: string) =>
  unwrap(api.DELETE('/api/v1/departments/{id}', { params: { path: { id } } }));
