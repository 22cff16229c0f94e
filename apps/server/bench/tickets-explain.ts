import { PERMISSIONS } from '@kefu/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import type { Actor } from '../src/lib/actor.js';
import type { Deps } from '../src/lib/deps.js';
import { ListTicketsQuerySchema } from '../src/modules/tickets/core/tickets.schemas.js';
import { listTickets } from '../src/modules/tickets/queue/list-tickets.js';

/** What `--explain` needs of a scenario of bench/tickets.ts. */
export type ExplainScenario = { key: string; label: string; username: string; query: string };

async function actorOf(database: Database, username: string): Promise<Actor> {
  const { rows } = await database.executeSql(
    'SELECT u.id, u.department_id, r.data_scope FROM users u JOIN roles r ON r.key = u.role_key WHERE u.username = $1',
    [username],
  );
  const u = rows[0];
  if (!u) throw new Error(`no user ${username}`);
  return {
    userId: String(u.id),
    username,
    displayName: username,
    roleKey: 'bench',
    permissions: new Set(PERMISSIONS),
    dataScope: u.data_scope as Actor['dataScope'],
    departmentId: (u.department_id as string | null) ?? null,
    locale: 'zh-CN',
    via: 'session',
  };
}

type Captured = { text: string; values: unknown[] };
type QueryFn = (...args: unknown[]) => Promise<unknown>;
type Queryable = { query: QueryFn };
type Client = Queryable & Record<string, unknown>;

/** A recorded statement as drizzle SQL again ($1, $2 … back to parameters). */
function withParams(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1]}`)),
    sql``,
  );
}

/**
 * Records every statement sent through `client` while `fn` runs: plain queries and those of
 * transactions (node-postgres: a client checked out of the pool; PGlite: the transaction object).
 */
async function recording<T>(client: Client, fn: () => Promise<T>) {
  const captured: Captured[] = [];
  const wrap = (target: Queryable) => {
    const original = target.query;
    target.query = (...args: unknown[]) => {
      const first = args[0] as string | { text: string; values?: unknown[] };
      const values = (typeof first === 'string' ? args[1] : (first.values ?? args[1])) as unknown[] | undefined;
      captured.push({ text: typeof first === 'string' ? first : first.text, values: values ?? [] });
      return original.apply(target, args);
    };
    return () => {
      target.query = original;
    };
  };
  const restore = [wrap(client)];
  const transaction = client.transaction as ((fn: (tx: Queryable) => Promise<unknown>) => Promise<unknown>) | undefined;
  const connect = client.connect as ((...args: unknown[]) => Promise<Queryable & { release(): void }>) | undefined;
  if (typeof transaction === 'function') {
    // PGlite: statements of a transaction go through the object it hands to the callback.
    client.transaction = (inner: (tx: Queryable) => Promise<unknown>) =>
      transaction.call(client, (tx: Queryable) => {
        wrap(tx);
        return inner(tx);
      });
    restore.push(() => {
      client.transaction = transaction;
    });
  } else if (typeof connect === 'function') {
    // node-postgres pool: a transaction runs on a client checked out with connect().
    client.connect = (...args: unknown[]) => {
      // With a callback: pool.query's own checkout (already recorded by the wrapped query).
      if (typeof args.at(-1) === 'function') return connect.apply(client, args);
      return checkout(args);
    };
    const checkout = async (args: unknown[]) => {
      const pooled = await connect.apply(client, args);
      const unwrap = wrap(pooled);
      const release = pooled.release;
      pooled.release = () => {
        unwrap();
        pooled.release = release;
        release.call(pooled);
      };
      return pooled;
    };
    restore.push(() => {
      client.connect = connect;
    });
  }
  try {
    return { result: await fn(), captured };
  } finally {
    for (const undo of restore.reverse()) undo();
  }
}

/**
 * `--explain`: runs the list use case (listTickets: queue or search, highlights) once per scenario
 * with the driver's `query` wrapped to record each statement, then EXPLAIN (ANALYZE, BUFFERS) of
 * every recorded statement with its parameters, in a transaction with the settings the statement
 * ran with (`set_config(…, true)` before it in its transaction). On PGlite the plan is timed as a
 * whole only (TIMING OFF: its clock is costly under WASM).
 */
export async function explainScenarios(
  database: Database,
  scenarios: ExplainScenario[],
  label: string,
  write: (text: string) => void,
): Promise<void> {
  const client = (database.db as unknown as { $client: Client }).$client;
  const options = database.kind === 'pglite' ? 'ANALYZE, BUFFERS, TIMING OFF' : 'ANALYZE, BUFFERS';
  const deps = { database } as Deps;
  for (const scenario of scenarios) {
    const params: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(scenario.query)) {
      const previous = params[k];
      params[k] = previous === undefined ? v : [previous, v].flat();
    }
    const { page, pageSize, sort, ...filter } = ListTicketsQuerySchema.parse({ pageSize: '20', ...params });
    const actor = await actorOf(database, scenario.username);
    const ctx = { actor, ip: null, userAgent: 'bench', requestId: 'bench', locale: actor.locale };
    await listTickets(deps, ctx, filter, { page, pageSize, sort }); // warm the cache
    const started = performance.now();
    const { result, captured } = await recording(client, () =>
      listTickets(deps, ctx, filter, { page, pageSize, sort }),
    );
    const ms = performance.now() - started;
    write(
      `\n## ${label} — (${scenario.key}) ${scenario.label}: ${scenario.username} GET /api/v1/tickets?${scenario.query}\n` +
        `${captured.length} statements, ${ms.toFixed(1)} ms in all; total ${result.total}${result.totalExact ? '' : '+'}, ${result.items.length} items\n`,
    );
    let settings: string[] = [];
    for (const [i, statement] of captured.entries()) {
      write(`\n-- [${i + 1}] ${statement.text.replace(/\s+/g, ' ')}\n`);
      if (statement.values.length > 0) write(`-- params: ${JSON.stringify(statement.values)}\n`);
      if (/^\s*select set_config\b/i.test(statement.text)) settings.push(statement.text);
      if (/^\s*(begin|commit|rollback)\b/i.test(statement.text)) settings = [];
      if (/^\s*(begin|commit|rollback|set|select set_config)\b/i.test(statement.text)) continue;
      const plan = await database.db.transaction(async (tx) => {
        for (const setting of settings) await tx.execute(sql.raw(setting));
        return tx.execute(sql`EXPLAIN (${sql.raw(options)}) ${withParams(statement.text, statement.values)}`);
      });
      write(`${plan.rows.map((r) => `   ${String(Object.values(r)[0])}`).join('\n')}\n`);
    }
  }
}
