import type { Locale } from '@kefu/shared';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { columnRef } from '../../../lib/sql-ref.js';
import { ticketTypes } from '../tickets.tables.js';

/**
 * The ticket type's name in `locale` (the English name when there is one, else the Chinese), null
 * when `key` is null or unknown: embedded by other modules (the SLA report) instead of a join.
 */
export function ticketTypeNameSql(key: AnyColumn | SQL, locale: Locale): SQL<string | null> {
  const name = locale === 'en' ? sql`COALESCE(${ticketTypes.nameEn}, ${ticketTypes.name})` : sql`${ticketTypes.name}`;
  return sql<string | null>`(SELECT ${name} FROM ${ticketTypes} WHERE ${ticketTypes.key} = ${columnRef(key)})`;
}
