/**
 * Entity and request types, derived from the API's `paths` (never typed twice). Deriving by path and
 * method rather than by component name keeps these stable when generated types replace schema.ts.
 */
import type { paths } from './client';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Op<P extends keyof paths, M extends Method> = M extends keyof paths[P] ? NonNullable<paths[P][M]> : never;

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON body of the 200 (or 201) answer. */
export type ResponseOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends { responses: infer R }
    ? R extends { 200: infer Ok }
      ? JsonOf<Ok>
      : R extends { 201: infer Created }
        ? JsonOf<Created>
        : never
    : never;

/** The JSON request body. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends {
    requestBody?: { content: { 'application/json': infer B } };
  }
    ? B
    : never;

/** The query parameters. */
export type QueryOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends {
    parameters: { query?: infer Q };
  }
    ? NonNullable<Q>
    : never;

export type Me = ResponseOf<'/api/v1/auth/me', 'get'>;
export type ApiToken = ResponseOf<'/api/v1/auth/tokens', 'get'>['items'][number];
export type CreatedApiToken = ResponseOf<'/api/v1/auth/tokens', 'post'>;
export type User = ResponseOf<'/api/v1/users/{id}', 'get'>;
export type UserQuery = QueryOf<'/api/v1/users', 'get'>;
export type CreateUserBody = BodyOf<'/api/v1/users', 'post'>;
export type UpdateUserBody = BodyOf<'/api/v1/users/{id}', 'patch'>;
export type Department = ResponseOf<'/api/v1/departments', 'get'>['items'][number];
export type DepartmentBody = BodyOf<'/api/v1/departments', 'post'>;
export type Role = ResponseOf<'/api/v1/roles', 'get'>['items'][number];
export type RoleBody = BodyOf<'/api/v1/roles', 'post'>;
export type PermissionItem = ResponseOf<'/api/v1/permissions', 'get'>['items'][number];
export type AuditEntry = ResponseOf<'/api/v1/audit', 'get'>['items'][number];
export type AuditQuery = QueryOf<'/api/v1/audit', 'get'>;
export type Job = ResponseOf<'/api/v1/jobs', 'get'>['items'][number];
export type JobState = NonNullable<QueryOf<'/api/v1/jobs', 'get'>['state']>;
export type Health = ResponseOf<'/api/health', 'get'>;
