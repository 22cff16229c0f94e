import { and, desc, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { matchSql, rankSql, type SearchQuery } from './query.js';

/**
 * Ranked search over a big table, bounded: rank only the newest `candidates` matches.
 *
 *   WITH search_candidates AS (               -- the newest N matches, with their vectors
 *     SELECT id, created_at, search_vector FROM tickets
 *     WHERE search_vector @@ q AND <filters, scope>
 *     ORDER BY created_at DESC, id DESC LIMIT :candidates),
 *   search_page AS (                          -- ranked, one page
 *     SELECT id, created_at, ts_rank_cd(…) AS rank FROM search_candidates
 *     ORDER BY rank DESC, created_at DESC, id DESC LIMIT :pageSize OFFSET :offset)
 *   SELECT t.…, p.rank FROM search_page p JOIN tickets t ON t.id = p.id ORDER BY p.rank DESC, …
 *
 * Why: ranking every match of a common word (客户, 空调: hundreds of thousands of rows at 1M
 * tickets) reads and ranks all of them (2–3 s measured, ADR 0005). Bounded, PostgreSQL either
 * walks the `created_at` index newest first and stops after `candidates` matches (common words),
 * or takes the few matches of a rare word from the GIN index and sorts them; at most `candidates`
 * vectors are ranked, and only the page's rows are joined back.
 * Trade-off: when a query has more matches than `candidates`, an older, better match is not
 * returned at all, only `candidates / pageSize` pages exist, and a total can only say "N+".
 * Cost grows linearly with `candidates` (and, for a common word, with the created_at walk). Rare
 * words (fewer matches than `candidates`) are ranked exactly. Index needs: GIN on the vector,
 * btree on (created_at, id) — or (filter column, created_at, id) for a filter that is usually given.
 */

export const DEFAULT_SEARCH_CANDIDATES = 2000;

export type RankedSearchOptions = {
  id: PgColumn;
  createdAt: PgColumn;
  vector: PgColumn;
  /** Filters and data scope, ANDed with the match inside the candidate query. */
  where?: SQL;
  /** How many of the newest matches are ranked (default 2000). */
  candidates?: number;
  limit: number;
  offset?: number;
};

/**
 * The two CTEs above: `candidates` and `page` (id, createdAt, rank — one page, best first). Use
 * `db.with(candidates, page).select({ …table columns, rank: page.rank }).from(page)
 *   .innerJoin(table, eq(table.id, page.id)).orderBy(...rankedPageOrder(page))`.
 */
export function rankedSearch(db: DbOrTx, table: PgTable, query: SearchQuery, options: RankedSearchOptions) {
  const limit = Math.max(1, Math.floor(options.candidates ?? DEFAULT_SEARCH_CANDIDATES));
  const candidates = db.$with('search_candidates').as(
    db
      .select({ id: options.id, createdAt: options.createdAt, vector: options.vector })
      .from(table)
      .where(and(matchSql(options.vector, query), options.where))
      .orderBy(desc(options.createdAt), desc(options.id))
      .limit(limit),
  );
  const page = db.$with('search_page').as(
    db
      .select({
        id: candidates.id,
        createdAt: candidates.createdAt,
        rank: rankSql(candidates.vector, query).as('rank'),
      })
      .from(candidates)
      // By the output column, so the rank is computed once per candidate.
      .orderBy(sql`"rank" DESC`, desc(candidates.createdAt), desc(candidates.id))
      .limit(Math.max(1, Math.floor(options.limit)))
      .offset(Math.max(0, Math.floor(options.offset ?? 0))),
  );
  return { candidates, page };
}

/** ORDER BY for the outer query over `page`: rank, newest first, id (a stable page order). */
export function rankedPageOrder(page: { rank: SQLWrapper; createdAt: SQLWrapper; id: SQLWrapper }): SQL[] {
  return [desc(page.rank), desc(page.createdAt), desc(page.id)];
}
