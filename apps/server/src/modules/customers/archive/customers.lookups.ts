import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { columnRef } from '../../../lib/sql-ref.js';
import { customers } from '../customers.tables.js';

/** SQL expressions other modules embed in their queries instead of joining the customers table. */
export function customerCodeSql(id: AnyColumn | SQL): SQL<string | null> {
  return sql<string | null>`(SELECT ${customers.code} FROM ${customers} WHERE ${customers.id} = ${columnRef(id)})`;
}

export function customerNameSql(id: AnyColumn | SQL): SQL<string | null> {
  return sql<string | null>`(SELECT ${customers.name} FROM ${customers} WHERE ${customers.id} = ${columnRef(id)})`;
}
