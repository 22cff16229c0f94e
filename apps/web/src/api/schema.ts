/**
 * Hand-written OpenAPI types for the Kefu API, in the shape openapi-typescript generates. This was
 * the bridge until the server published `apps/server/openapi.json`; `client.ts` now imports
 * `generated.ts` instead. Kept (aligned with the server's spec) only so the swap can be reverted
 * with one line while the server's document settles — delete it once generated.ts is committed.
 */
import type { DataScope, Locale, Problem } from '@kefu/shared';

type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type NoContent = { headers: { [name: string]: unknown }; content?: never };
type Body<T> = { content: { 'application/json': T } };
type Errors = { default: { headers: { [name: string]: unknown }; content: { 'application/problem+json': Problem } } };
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type IdPath = { query?: never; header?: never; path: { id: string }; cookie?: never };
type ListQuery = { page?: number; pageSize?: number; sort?: string };

export interface components {
  schemas: {
    Me: {
      id: string;
      username: string;
      displayName: string;
      email: string | null;
      phone: string | null;
      locale: Locale;
      role: { key: string; name: string };
      permissions: string[];
      dataScope: DataScope;
      department: { id: string; name: string } | null;
      superior: { id: string; displayName: string } | null;
    };
    ApiToken: {
      id: string;
      name: string;
      prefix: string;
      createdAt: string;
      lastUsedAt: string | null;
      expiresAt: string | null;
    };
    CreatedApiToken: {
      id: string;
      name: string;
      prefix: string;
      createdAt: string;
      expiresAt: string | null;
      token: string;
    };
    User: {
      id: string;
      username: string;
      displayName: string;
      email: string | null;
      phone: string | null;
      locale: Locale;
      roleKey: string;
      roleName: string;
      departmentId: string | null;
      departmentName: string | null;
      superiorId: string | null;
      superiorName: string | null;
      isActive: boolean;
      lastLoginAt: string | null;
      createdAt: string;
      updatedAt: string;
    };
    UserPage: { items: components['schemas']['User'][]; total: number; page: number; pageSize: number };
    Department: {
      id: string;
      name: string;
      parentId: string | null;
      managerId: string | null;
      managerName: string | null;
      sortOrder: number;
      memberCount: number;
    };
    Role: {
      key: string;
      name: string;
      description: string | null;
      permissions: string[];
      dataScope: DataScope;
      isSystem: boolean;
      userCount: number;
    };
    AuditEntry: {
      id: string;
      at: string;
      actorId: string | null;
      actorName: string | null;
      action: string;
      entityType: string;
      entityId: string | null;
      before: unknown;
      after: unknown;
      ip: string | null;
      userAgent: string | null;
      requestId: string | null;
    };
    Job: {
      id: string;
      name: string;
      state: string;
      data: unknown;
      output: unknown;
      retryCount: number;
      createdOn: string;
      startedOn: string | null;
      completedOn: string | null;
    };
    Health: { status: string; database: 'pglite' | 'postgres'; migrations: { [key: string]: unknown } };
  };
}

type S = components['schemas'];
type PageOf<T> = { items: T[]; total: number; page: number; pageSize: number };
type DepartmentInput = { name?: string; parentId?: string | null; managerId?: string | null; sortOrder?: number };
type AuditFilters = {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
};

export interface paths {
  '/api/health': {
    parameters: NoParams;
    get: { parameters: NoParams; responses: { 200: Json<S['Health']> } & Errors };
  };
  '/api/v1/auth/login': {
    parameters: NoParams;
    post: {
      parameters: NoParams;
      requestBody: Body<{ username: string; password: string }>;
      responses: { 200: Json<{ user: S['Me'] }> } & Errors;
    };
  };
  '/api/v1/auth/logout': {
    parameters: NoParams;
    post: { parameters: NoParams; responses: { 204: NoContent } & Errors };
  };
  '/api/v1/auth/me': {
    parameters: NoParams;
    get: { parameters: NoParams; responses: { 200: Json<S['Me']> } & Errors };
    patch: {
      parameters: NoParams;
      requestBody: Body<{ displayName?: string; locale?: Locale }>;
      responses: { 200: Json<S['Me']> } & Errors;
    };
  };
  '/api/v1/auth/password': {
    parameters: NoParams;
    post: {
      parameters: NoParams;
      requestBody: Body<{ currentPassword: string; newPassword: string }>;
      responses: { 204: NoContent } & Errors;
    };
  };
  '/api/v1/auth/tokens': {
    parameters: NoParams;
    get: { parameters: NoParams; responses: { 200: Json<{ items: S['ApiToken'][] }> } & Errors };
    post: {
      parameters: NoParams;
      requestBody: Body<{ name: string; expiresInDays?: number }>;
      responses: { 201: Json<S['CreatedApiToken']> } & Errors;
    };
  };
  '/api/v1/auth/tokens/{id}': {
    parameters: IdPath;
    delete: { parameters: IdPath; responses: { 204: NoContent } & Errors };
  };
  '/api/v1/users': {
    parameters: NoParams;
    get: {
      parameters: {
        query?: ListQuery & { q?: string; departmentId?: string; roleKey?: string; isActive?: 'true' | 'false' };
      };
      responses: { 200: Json<S['UserPage']> } & Errors;
    };
    post: {
      parameters: NoParams;
      requestBody: Body<{
        username: string;
        displayName: string;
        password: string;
        roleKey: string;
        departmentId?: string | null;
        superiorId?: string | null;
        email?: string | null;
        phone?: string | null;
        locale?: Locale;
      }>;
      responses: { 201: Json<S['User']> } & Errors;
    };
  };
  '/api/v1/users/{id}': {
    parameters: IdPath;
    get: { parameters: IdPath; responses: { 200: Json<S['User']> } & Errors };
    patch: {
      parameters: IdPath;
      requestBody: Body<{
        displayName?: string;
        email?: string | null;
        phone?: string | null;
        roleKey?: string;
        departmentId?: string | null;
        superiorId?: string | null;
        isActive?: boolean;
        locale?: Locale;
      }>;
      responses: { 200: Json<S['User']> } & Errors;
    };
  };
  '/api/v1/users/{id}/password': {
    parameters: IdPath;
    post: {
      parameters: IdPath;
      requestBody: Body<{ newPassword: string }>;
      responses: { 204: NoContent } & Errors;
    };
  };
  '/api/v1/departments': {
    parameters: NoParams;
    get: { parameters: NoParams; responses: { 200: Json<{ items: S['Department'][] }> } & Errors };
    post: {
      parameters: NoParams;
      requestBody: Body<DepartmentInput & { name: string }>;
      responses: { 201: Json<S['Department']> } & Errors;
    };
  };
  '/api/v1/departments/{id}': {
    parameters: IdPath;
    patch: {
      parameters: IdPath;
      requestBody: Body<DepartmentInput>;
      responses: { 200: Json<S['Department']> } & Errors;
    };
    delete: { parameters: IdPath; responses: { 204: NoContent } & Errors };
  };
  '/api/v1/roles': {
    parameters: NoParams;
    get: { parameters: NoParams; responses: { 200: Json<{ items: S['Role'][] }> } & Errors };
    post: {
      parameters: NoParams;
      requestBody: Body<{
        key: string;
        name: string;
        description?: string | null;
        permissions: string[];
        dataScope: DataScope;
      }>;
      responses: { 201: Json<S['Role']> } & Errors;
    };
  };
  '/api/v1/roles/{key}': {
    parameters: { query?: never; header?: never; path: { key: string }; cookie?: never };
    patch: {
      parameters: { path: { key: string } };
      requestBody: Body<{
        name?: string;
        description?: string | null;
        permissions?: string[];
        dataScope?: DataScope;
      }>;
      responses: { 200: Json<S['Role']> } & Errors;
    };
    delete: { parameters: { path: { key: string } }; responses: { 204: NoContent } & Errors };
  };
  '/api/v1/permissions': {
    parameters: NoParams;
    get: { parameters: NoParams; responses: { 200: Json<{ items: { key: string; group: string }[] }> } & Errors };
  };
  '/api/v1/audit': {
    parameters: NoParams;
    get: {
      parameters: { query?: ListQuery & AuditFilters };
      responses: { 200: Json<PageOf<S['AuditEntry']>> } & Errors;
    };
  };
  '/api/v1/jobs': {
    parameters: NoParams;
    get: {
      parameters: {
        query?: ListQuery & { state?: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed' };
      };
      responses: { 200: Json<PageOf<S['Job']>> } & Errors;
    };
  };
  '/api/v1/jobs/{id}/retry': {
    parameters: IdPath;
    post: { parameters: IdPath; responses: { 204: NoContent } & Errors };
  };
}
