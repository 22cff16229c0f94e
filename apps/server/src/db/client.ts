import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import type { Logger } from 'pino';
import { acquireDataDirLock } from './data-dir-lock.js';
import * as schema from './schema/index.js';

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Repositories take either the database or a transaction. */
export type DbOrTx = Db | Tx;

export type SqlResult = { rows: Record<string, unknown>[]; rowCount: number };

/**
 * One database handle for both engines. Drizzle code is identical on both; `executeSql`,
 * `listen` and `notify` are the few raw operations the job runner and real-time layer need.
 */
export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /** Runs `fn` on one dedicated connection (session-level locks need that). */
  withSession<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /**
   * PGlite only: the whole data directory as an uncompressed tarball. The test suite migrates one
   * database and starts every test file from its dump (`loadDataDir`) instead of initdb + migrations.
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | {
      kind: 'pglite';
      dataDir: string | null;
      /** Start from this dump (`dumpDataDir`) instead of an empty cluster (tests; in memory only). */
      loadDataDir?: Blob;
    }
  | { kind: 'postgres'; url: string; poolSize?: number };

export async function openDatabase(options: DatabaseOptions, logger?: Logger): Promise<Database> {
  return options.kind === 'pglite' ? openPglite(options.dataDir, options.loadDataDir) : openPostgres(options, logger);
}

async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<Database> {
  let releaseLock: (() => Promise<void>) | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = await acquireDataDirLock(path.dirname(dataDir));
  }
  let client: PGlite;
  try {
    // pg_trgm backs fuzzy name search and duplicate detection; PostgreSQL ships it in contrib.
    client = new PGlite({ ...(dataDir ? { dataDir } : { loadDataDir }), extensions: { pg_trgm } });
    await client.waitReady;
  } catch (error) {
    await releaseLock?.();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        // exec() accepts several statements (pg-boss sends whole scripts); query() does not.
        const results = await client.exec(text);
        const last = results.at(-1);
        return { rows: (last?.rows ?? []) as Record<string, unknown>[], rowCount: last?.affectedRows ?? 0 };
      }
      const result = await client.query<Record<string, unknown>>(text, values);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async listen(channel, onPayload) {
      const unsubscribe = await client.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    async notify(channel, payload) {
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    withSession: (fn) => fn(db),
    dumpDataDir: () => client.dumpDataDir('none'),
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        await releaseLock?.();
      }
    },
  };
}

/** SQLSTATE classes and Node error codes that mean "the server is not there right now". */
export function isConnectionError(error: unknown, depth = 0): boolean {
  const e = error as { code?: string; message?: string; cause?: unknown; errors?: unknown[] } | undefined;
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
  const message = e.message ?? '';
  if (/Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)) return true;
  // drizzle wraps the driver's error (DrizzleQueryError.cause); a connect may fail with an AggregateError.
  return (
    isConnectionError(e.cause, depth + 1) ||
    (Array.isArray(e.errors) && e.errors.some((inner) => isConnectionError(inner, depth + 1)))
  );
}

/** The SQLSTATE of a database error, looking through drizzle's wrapper (`cause`). */
export function sqlState(error: unknown, depth = 0): string | undefined {
  const e = error as { code?: unknown; cause?: unknown } | undefined;
  if (!e || typeof e !== 'object' || depth > 5) return undefined;
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return sqlState(e.cause, depth + 1);
}

/** SQLSTATEs after which PostgreSQL itself says "run the transaction again": deadlock victim, serialization failure. */
const RETRYABLE_STATES = new Set(['40P01', '40001']);
const TRANSACTION_ATTEMPTS = 3;

/**
 * `db.transaction` that runs the transaction again (up to three times in all, after a short random
 * pause) when PostgreSQL chose it as a deadlock victim or failed it for serialization. Each use
 * case locks its own rows in one order, but two transactions of different kinds may still meet
 * in opposite orders (a merge locking two tickets while the outbox dispatcher updates both in
 * event order): PostgreSQL then aborts one, and that one is rolled back whole, so running it
 * again is safe. Nested transactions (savepoints) are not retried: their outer one is.
 */
export function retryingTransactions(db: Db, logger?: Logger): Db {
  const transaction = db.transaction.bind(db);
  const retrying = (async (...args: Parameters<Db['transaction']>) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await transaction(...args);
      } catch (error) {
        const state = sqlState(error);
        if (attempt >= TRANSACTION_ATTEMPTS || !state || !RETRYABLE_STATES.has(state)) throw error;
        logger?.info({ sqlState: state, attempt }, 'transaction aborted by PostgreSQL; running it again');
        await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
      }
    }
  }) as Db['transaction'];
  return Object.assign(db, { transaction: retrying });
}

async function openPostgres(options: { url: string; poolSize?: number }, logger?: Logger): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30000,
  });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on('error', (error) => logger?.warn({ err: error }, 'postgres pool client error'));
  // Nor may a checked-out one (a transaction in progress): pg emits 'error' on a client whose
  // connection drops between queries, and the pool listens only while the client is idle. The
  // transaction's next query then fails and the request answers 503.
  pool.on('connect', (client) => {
    client.on('error', (error) => logger?.warn({ err: error }, 'postgres connection lost'));
  });
  const db = retryingTransactions(drizzlePg(pool, { schema }) as unknown as Db, logger);
  const listeners = new Map<string, Set<(payload: string) => void>>();
  let listenClient: pg.Client | undefined;
  let closed = false;
  let reconnectTimer: NodeJS.Timeout | undefined;

  async function connectListener(): Promise<void> {
    if (closed || listeners.size === 0) return;
    const client = new pg.Client({ connectionString: options.url });
    client.on('error', (error) => {
      logger?.warn({ err: error }, 'postgres LISTEN connection lost; reconnecting');
      scheduleReconnect();
    });
    client.on('notification', (message) => {
      for (const handler of listeners.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    try {
      await client.connect();
      for (const channel of listeners.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      listenClient = client;
    } catch (error) {
      logger?.warn({ err: error }, 'postgres LISTEN connection failed; retrying');
      client.end().catch(() => {});
      scheduleReconnect();
    }
  }
  function scheduleReconnect(): void {
    listenClient?.end().catch(() => {});
    listenClient = undefined;
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void connectListener();
    }, 1000);
    reconnectTimer.unref();
  }

  return {
    kind: 'postgres',
    db,
    async executeSql(text, values) {
      const result = await pool.query(text, values as unknown[] | undefined);
      const last = Array.isArray(result) ? result.at(-1) : result;
      return { rows: last?.rows ?? [], rowCount: last?.rowCount ?? 0 };
    },
    async listen(channel, onPayload) {
      let handlers = listeners.get(channel);
      if (!handlers) {
        handlers = new Set();
        listeners.set(channel, handlers);
        if (listenClient) await listenClient.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      handlers.add(onPayload);
      if (!listenClient && !reconnectTimer) await connectListener();
      return async () => {
        handlers.delete(onPayload);
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async withSession(fn) {
      const client = await pool.connect();
      try {
        return await fn(drizzlePg(client, { schema }) as unknown as Db);
      } finally {
        client.release();
      }
    },
    async close() {
      closed = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      await listenClient?.end().catch(() => {});
      await pool.end();
    },
  };
}
