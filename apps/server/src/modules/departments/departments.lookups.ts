import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { columnRef } from '../../lib/sql-ref.js';
import { departments } from './departments.tables.js';

/** The department's name (null when `id` is null): embedded by other modules instead of a join. */
export function departmentNameSql(id: AnyColumn | SQL): SQL<string | null> {
  return sql<
    string | null
  >`(SELECT ${departments.name} FROM ${departments} WHERE ${departments.id} = ${columnRef(id)})`;
}

/** The department's parent (null at the root or when `id` is null). */
export function departmentParentSql(id: AnyColumn | SQL): SQL<string | null> {
  return sql<
    string | null
  >`(SELECT ${departments.parentId} FROM ${departments} WHERE ${departments.id} = ${columnRef(id)})`;
}

/** The department's manager (null when it has none or `id` is null). */
export function departmentManagerSql(id: AnyColumn | SQL): SQL<string | null> {
  return sql<
    string | null
  >`(SELECT ${departments.managerId} FROM ${departments} WHERE ${departments.id} = ${columnRef(id)})`;
}
