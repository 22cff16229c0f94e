import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.js';
import type { PageQuery } from './pagination.js';

/**
 * List totals are counted up to this many rows; beyond, a list answers `total: COUNT_LIMIT,
 * totalExact: false` — an exact count of a large table is a scan of it on every page view.
 */
export const COUNT_LIMIT = 10_000;

export type CappedTotal = { total: number; totalExact: boolean };

/**
 * Counts the rows of `table` matching `parts` — disjoint WHERE terms whose counts add up to the
 * total (undefined: every row) — up to COUNT_LIMIT + 1 rows, stopping once the limit is reached.
 * Each part is counted on its own, so that each can be read along its own index where one OR of
 * them would be a scan of the table until enough rows match.
 */
export async function cappedCount(db: DbOrTx, table: PgTable, parts: (SQL | undefined)[]): Promise<CappedTotal> {
  let counted = 0;
  for (const where of parts) {
    const room = COUNT_LIMIT + 1 - counted;
    if (room <= 0) break;
    const result = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${table} WHERE ${where ?? sql`TRUE`} LIMIT ${room}) AS capped`,
    );
    counted += Number(result.rows[0]?.n ?? 0);
  }
  const totalExact = counted <= COUNT_LIMIT;
  return { total: totalExact ? counted : COUNT_LIMIT, totalExact };
}

/**
 * The total of a list page already read: page 1 with fewer rows than the page size holds every
 * match, so its length is the exact total without a count query; otherwise `cappedCount`.
 */
export function cappedPageTotal(
  db: DbOrTx,
  table: PgTable,
  page: PageQuery,
  rowsOnPage: number,
  parts: (SQL | undefined)[],
): Promise<CappedTotal> {
  if (page.page === 1 && rowsOnPage < page.pageSize) return Promise.resolve({ total: rowsOnPage, totalExact: true });
  return cappedCount(db, table, parts);
}
