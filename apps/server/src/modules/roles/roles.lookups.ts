import type { Locale } from '@kefu/shared';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { columnRef } from '../../lib/sql-ref.js';
import { roles } from './roles.tables.js';

/** SQL expressions other modules embed in their queries instead of joining the roles table. */
type Ref = AnyColumn | SQL;
type DataScope = (typeof roles.$inferSelect)['dataScope'];

/** The role's name in the locale (the English name falls back to the Chinese one). */
export function roleNameSql(roleKey: Ref, locale: Locale): SQL<string> {
  const name = locale === 'en' ? sql`coalesce(${roles.nameEn}, ${roles.name})` : sql`${roles.name}`;
  return sql<string>`(SELECT ${name} FROM ${roles} WHERE ${roles.key} = ${columnRef(roleKey)})`;
}

export function rolePermissionsSql(roleKey: Ref): SQL<string[]> {
  return sql<string[]>`(SELECT ${roles.permissions} FROM ${roles} WHERE ${roles.key} = ${columnRef(roleKey)})`;
}

export function roleDataScopeSql(roleKey: Ref): SQL<DataScope> {
  return sql<DataScope>`(SELECT ${roles.dataScope} FROM ${roles} WHERE ${roles.key} = ${columnRef(roleKey)})`;
}
