/**
 * Awaits Drizzle queries one after another. Query builders are lazy (they run when awaited), so
 * unlike `Promise.all` this never sends two queries at once on one connection — which a
 * transaction is, and which node-postgres refuses (and PGlite would serialise anyway).
 */
export async function inOrder<const T extends readonly PromiseLike<unknown>[]>(
  queries: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results as { -readonly [K in keyof T]: Awaited<T[K]> };
}
