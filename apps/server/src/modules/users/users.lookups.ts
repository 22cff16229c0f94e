import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import { columnRef } from '../../lib/sql-ref.js';
import { roleDataScopeSql, rolePermissionsSql } from '../roles/index.js';
import { users } from './users.tables.js';

/**
 * SQL expressions other modules embed in their own queries instead of joining the users table
 * (issue 11: a module reads only its own tables). Each is a correlated lookup by primary key.
 */
type Ref = AnyColumn | SQL;

/** The user's display name (null when `id` is null). */
export function userNameSql(id: Ref): SQL<string | null> {
  return sql<string | null>`(SELECT ${users.displayName} FROM ${users} WHERE ${users.id} = ${columnRef(id)})`;
}

/** Whether the user is active (null when `id` is null). */
export function userActiveSql(id: Ref): SQL<boolean | null> {
  return sql<boolean | null>`(SELECT ${users.isActive} FROM ${users} WHERE ${users.id} = ${columnRef(id)})`;
}

/** The user's department (null when `id` is null or the user has none). */
export function userDepartmentSql(id: Ref): SQL<string | null> {
  return sql<string | null>`(SELECT ${users.departmentId} FROM ${users} WHERE ${users.id} = ${columnRef(id)})`;
}

/** How many users belong to the department. */
export function departmentMemberCountSql(departmentId: Ref): SQL<number> {
  return sql<number>`(SELECT count(*)::int FROM ${users} WHERE ${users.departmentId} = ${columnRef(departmentId)})`.mapWith(
    Number,
  );
}

/** How many users have the role. */
export function roleMemberCountSql(roleKey: Ref): SQL<number> {
  return sql<number>`(SELECT count(*)::int FROM ${users} WHERE ${users.roleKey} = ${columnRef(roleKey)})`.mapWith(
    Number,
  );
}

/** `id` is an active user. */
export function isActiveUserSql(id: Ref): SQL {
  return sql`EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${columnRef(id)} AND ${users.isActive})`;
}

/**
 * The acting user's identity (the user and the grant of their role), as a subquery the auth module
 * joins to a session or token row by `userId` — one statement per request. Built on first use (the
 * module graph has cycles through the index files; nothing runs at import time).
 */
function buildActorView() {
  return new QueryBuilder()
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      roleKey: users.roleKey,
      departmentId: users.departmentId,
      locale: users.locale,
      isActive: users.isActive,
      permissions: rolePermissionsSql(users.roleKey).as('permissions'),
      dataScope: roleDataScopeSql(users.roleKey).as('data_scope'),
    })
    .from(users)
    .as('actor');
}

let actor: ReturnType<typeof buildActorView> | undefined;

export function actorView() {
  actor ??= buildActorView();
  return actor;
}

/** The display name through a reference that is never null (a required foreign key). */
export function knownUserNameSql(id: Ref): SQL<string> {
  return sql<string>`(SELECT ${users.displayName} FROM ${users} WHERE ${users.id} = ${columnRef(id)})`;
}

/** The user's phone (null when `id` is null or the user has none). */
export function userPhoneSql(id: Ref): SQL<string | null> {
  return sql<string | null>`(SELECT ${users.phone} FROM ${users} WHERE ${users.id} = ${columnRef(id)})`;
}

/**
 * The users whose role grants `permission`, as a derived table for another module's FROM/JOIN
 * (`${usersWithPermissionSql('tickets.write')} u`): columns id, username, display_name, role_key,
 * department_id, is_active. (`ANY` over the role's array: a bare subquery there would compare row by row.)
 */
export function usersWithPermissionSql(permission: string): SQL {
  return sql`(SELECT ${users.id} AS id, ${users.username} AS username, ${users.displayName} AS display_name,
      ${users.roleKey} AS role_key, ${users.departmentId} AS department_id, ${users.isActive} AS is_active
    FROM ${users} WHERE ${permission}::text = ANY(coalesce(${rolePermissionsSql(users.roleKey)}, '{}'::text[])))`;
}

/** The user's direct superior (null when `id` is null or the user has none). */
export function userSuperiorSql(id: Ref): SQL<string | null> {
  return sql<string | null>`(SELECT ${users.superiorId} FROM ${users} WHERE ${users.id} = ${columnRef(id)})`;
}
