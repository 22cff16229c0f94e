import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { columnRef } from '../../lib/sql-ref.js';
import { departments } from './departments.tables.js';

/** The department's name (null when `id` is null): embedded by other modules instead of a join. */
export function departmentNameSql(id: AnyColumn | SQL): SQL<string | null> {
  return sql<
    string | null
  >`(SELECT ${departments.name} FROM ${departments} WHERE ${departments.id} = ${columnRef(id)})`;
}
