import type { Tx } from './client.js';

type Queryable = { query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/**
 * Raw SQL on the connection of a drizzle transaction, for a library that takes an `executeSql`
 * (pg-boss's per-call `db` option): its statements then commit or roll back with the caller's.
 * Both drivers keep the transaction's client on the session: a node-postgres PoolClient, or
 * PGlite's Transaction (a query outside it would wait for it to end: PGlite's transaction mutex).
 */
export function executeSqlIn(tx: Tx) {
  const client = (tx as unknown as { session?: { client?: Queryable } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('no connection found on this transaction');
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const result = await client.query(text, values);
      return { rows: result.rows };
    },
  };
}
