import type { DataScope } from '@kefu/shared';
import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { departmentTreeIds, inScope, scopedUserIds } from '../../lib/data-scope.js';
import { inOrder } from '../../lib/in-order.js';
import { offsetOf, orderBy, type PageQuery } from '../../lib/pagination.js';
import { departmentNameSql } from '../departments/index.js';
import { roleDataScopeSql, roleNameSql, rolePermissionsSql } from '../roles/index.js';
import { users } from './users.tables.js';

const superiors = alias(users, 'superiors');

export type UserFilter = { q?: string; departmentId?: string; roleKey?: string; isActive?: boolean };

function viewColumns(locale: 'zh-CN' | 'en') {
  return {
    id: users.id,
    username: users.username,
    displayName: users.displayName,
    email: users.email,
    phone: users.phone,
    locale: users.locale,
    roleKey: users.roleKey,
    roleName: roleNameSql(users.roleKey, locale),
    departmentId: users.departmentId,
    departmentName: departmentNameSql(users.departmentId),
    superiorId: users.superiorId,
    superiorName: superiors.displayName,
    isActive: users.isActive,
    lastLoginAt: users.lastLoginAt,
    createdAt: users.createdAt,
    updatedAt: users.updatedAt,
  };
}

function viewQuery(db: DbOrTx, locale: 'zh-CN' | 'en') {
  return db.select(viewColumns(locale)).from(users).leftJoin(superiors, eq(superiors.id, users.superiorId));
}

function whereOf(actor: Actor, filter: UserFilter): SQL | undefined {
  const q = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    inScope(users.id, actor),
    q ? or(ilike(users.username, q), ilike(users.displayName, q), ilike(users.phone, q)) : undefined,
    filter.departmentId ? eq(users.departmentId, filter.departmentId) : undefined,
    filter.roleKey ? eq(users.roleKey, filter.roleKey) : undefined,
    filter.isActive === undefined ? undefined : eq(users.isActive, filter.isActive),
  );
}

const SORTABLE = {
  username: users.username,
  displayName: users.displayName,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
  roleKey: users.roleKey,
};

/** Users within the actor's data scope; the scope is part of the WHERE clause. */
export async function listUsersInScope(
  db: DbOrTx,
  actor: Actor,
  filter: UserFilter,
  page: PageQuery,
  locale: 'zh-CN' | 'en',
) {
  const where = whereOf(actor, filter);
  const [items, totals] = await inOrder([
    viewQuery(db, locale)
      .where(where)
      .orderBy(...orderBy(page.sort, SORTABLE, [users.username]))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ total: count() }).from(users).where(where),
  ]);
  return { items, total: totals[0]?.total ?? 0 };
}

export async function findUserViewInScope(db: DbOrTx, actor: Actor, id: string, locale: 'zh-CN' | 'en') {
  const [row] = await viewQuery(db, locale)
    .where(and(eq(users.id, id), inScope(users.id, actor)))
    .limit(1);
  return row;
}

export async function findUserView(db: DbOrTx, id: string, locale: 'zh-CN' | 'en') {
  const [row] = await viewQuery(db, locale).where(eq(users.id, id)).limit(1);
  return row;
}

export async function findUserRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function usernameExists(db: DbOrTx, username: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return Boolean(row);
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  if (!row) throw new Error('insert user returned nothing');
  return row;
}

export async function updateUser(db: DbOrTx, id: string, values: Partial<typeof users.$inferInsert>) {
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id));
}

/** True when `candidateId` is `userId` or somewhere below them along the reporting line. */
export async function isSelfOrSubordinate(db: DbOrTx, userId: string, candidateId: string) {
  const result = await db.execute<{ found: boolean }>(sql`
    WITH RECURSIVE below(id) AS (
      SELECT ${userId}::uuid
      UNION
      SELECT u.id FROM users u JOIN below b ON u.superior_id = b.id
    ) SELECT EXISTS (SELECT 1 FROM below WHERE id = ${candidateId}::uuid) AS found`);
  return Boolean(result.rows[0]?.found);
}

/** What a user may reach: their role's permissions and data scope, anchored at them. */
export type Authority = {
  id: string;
  displayName: string;
  roleKey: string;
  permissions: string[];
  dataScope: DataScope;
  departmentId: string | null;
};

export async function findAuthority(db: DbOrTx, id: string): Promise<Authority | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      roleKey: users.roleKey,
      permissions: rolePermissionsSql(users.roleKey),
      dataScope: roleDataScopeSql(users.roleKey),
      departmentId: users.departmentId,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

/** `scopedUserIds` takes an actor; the scope of any user is that of an actor anchored at them. */
function anchoredAt(subject: Authority): Actor {
  return {
    userId: subject.id,
    username: '',
    displayName: subject.displayName,
    roleKey: subject.roleKey,
    permissions: new Set(),
    dataScope: subject.dataScope,
    departmentId: subject.departmentId,
    locale: 'zh-CN',
    via: 'session',
  };
}

/** True when every user `subject` can reach (their data scope) is also within `actor`'s scope. */
export async function reachWithin(db: DbOrTx, subject: Authority, actor: Actor): Promise<boolean> {
  const outer = scopedUserIds(actor);
  if (!outer) return true;
  const inner = scopedUserIds(anchoredAt(subject));
  if (!inner) return false;
  const result = await db.execute<{ within: boolean }>(sql`
    SELECT NOT EXISTS (
      SELECT 1 FROM (${inner}) AS reach(id) WHERE reach.id NOT IN (${outer})
    ) AS within`);
  return Boolean(result.rows[0]?.within);
}

/** Whether a department may be assigned by the actor: inside their own department scope. */
export async function departmentInScope(db: DbOrTx, actor: Actor, departmentId: string | null): Promise<boolean> {
  if (actor.dataScope === 'all') return true;
  if (departmentId === null || actor.departmentId === null) return false;
  if (actor.dataScope !== 'department') return departmentId === actor.departmentId;
  const result = await db.execute<{ found: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM (${departmentTreeIds(actor.departmentId)}) AS tree(id)
      WHERE id = ${departmentId}::uuid) AS found`);
  return Boolean(result.rows[0]?.found);
}

export async function userInScope(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), inScope(users.id, actor)))
    .limit(1);
  return Boolean(row);
}

/** The ids above `userId` along the reporting line (direct superior first). */
export async function superiorsOf(db: DbOrTx, userId: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE above(id) AS (
      SELECT superior_id FROM users WHERE id = ${userId}::uuid AND superior_id IS NOT NULL
      UNION
      SELECT u.superior_id FROM users u JOIN above a ON u.id = a.id WHERE u.superior_id IS NOT NULL
    ) SELECT id FROM above`);
  return result.rows.map((r) => r.id);
}

export { roleGrants } from '../roles/index.js';

/** True when the user exists and is active. */
export async function isActiveUser(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, id), eq(users.isActive, true)))
    .limit(1);
  return row !== undefined;
}

/** Active users whose username or display name is one of `names`. */
export async function findActiveUsersByNames(db: DbOrTx, names: string[]) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.isActive, true), or(inArray(users.username, names), inArray(users.displayName, names))));
}

/** The locale of each of these users who is active. */
export async function findActiveUserLocales(db: DbOrTx, ids: string[]) {
  return db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.isActive, true)));
}

/** The active users holding the role `roleKey` (e.g. `general_manager`, for an SLA escalation ladder). */
export async function findActiveUserIdsWithRole(db: DbOrTx, roleKey: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.roleKey, roleKey), eq(users.isActive, true)))
    .orderBy(asc(users.id));
  return rows.map((r) => r.id);
}

/** A party of a handover (modules/handover): the leaving user or the successor. */
export type Party = {
  id: string;
  displayName: string;
  phone: string | null;
  isActive: boolean;
  locale: 'zh-CN' | 'en';
  roleKey: string;
};

/**
 * The users among `ids` that are within the actor's data scope; with `lock`, their rows are locked
 * (in id order, so two handovers never deadlock) until the transaction ends.
 */
export async function findPartiesInScope(
  db: DbOrTx,
  actor: Actor,
  ids: string[],
  { lock = false } = {},
): Promise<Party[]> {
  const query = db
    .select({
      id: users.id,
      displayName: users.displayName,
      phone: users.phone,
      isActive: users.isActive,
      locale: users.locale,
      roleKey: users.roleKey,
    })
    .from(users)
    .where(and(inArray(users.id, ids), inScope(users.id, actor)))
    .orderBy(asc(users.id));
  return lock ? query.for('update') : query;
}

/**
 * Users by id with their role's permissions, only those within `actor`'s data scope (the tickets
 * module checks an assignee, watcher or measure owner with it).
 */
export async function findUsersWithPermissions(db: DbOrTx, actor: Actor, ids: string[]) {
  if (ids.length === 0) return [];
  const result = await db.execute<{
    id: string;
    display_name: string;
    is_active: boolean;
    department_id: string | null;
    permissions: string[];
  }>(sql`SELECT u.id, u.display_name, u.is_active, u.department_id, ${rolePermissionsSql(sql`u.role_key`)} AS permissions
    FROM users u WHERE u.id IN (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) AND ${inScope(sql`u.id`, actor)}`);
  return result.rows;
}
