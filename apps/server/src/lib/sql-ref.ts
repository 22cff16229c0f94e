import { type AnyColumn, Column, getTableName, is, type SQL, sql } from 'drizzle-orm';

/**
 * A column written with its table's name (or alias), for a correlated subquery: drizzle leaves the
 * table out of a single-table query's column names, and inside a subquery an unqualified name would
 * bind to the subquery's own table. SQL passes through unchanged.
 */
export function columnRef(ref: AnyColumn | SQL): SQL {
  if (!is(ref, Column)) return ref as SQL;
  return sql`${sql.identifier(getTableName(ref.table))}.${sql.identifier(ref.name)}`;
}
