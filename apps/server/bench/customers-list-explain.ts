import { PERMISSIONS } from '@kefu/shared';
import type { Database } from '../src/db/client.js';
import type { Actor } from '../src/lib/actor.js';
import { listCustomersInScope } from '../src/modules/customers/archive/customers.repository.js';
import { ListCustomersQuerySchema } from '../src/modules/customers/archive/customers.schemas.js';

/** What `--explain` needs of a scenario of bench/customers-list.ts. */
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

/**
 * `--explain`: runs the list function once per scenario with the driver's `query` wrapped to record
 * each statement, then EXPLAIN (ANALYZE, BUFFERS) every recorded statement with its parameters.
 * PGlite measures time with a costly clock (WASM), so there the plan is timed as a whole only
 * (TIMING OFF); its per-node times would be mostly instrumentation.
 */
export async function explainScenarios(
  database: Database,
  scenarios: ExplainScenario[],
  label: string,
  write: (text: string) => void,
): Promise<void> {
  const client = (database.db as unknown as { $client: { query: QueryFn } }).$client;
  const original = client.query.bind(client);
  const options = database.kind === 'pglite' ? 'ANALYZE, BUFFERS, TIMING OFF' : 'ANALYZE, BUFFERS';
  for (const scenario of scenarios) {
    const params: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(scenario.query)) {
      const previous = params[k];
      params[k] = previous === undefined ? v : [previous, v].flat();
    }
    const { page, pageSize, sort, ...filter } = ListCustomersQuerySchema.parse({ pageSize: '20', ...params });
    const actor = await actorOf(database, scenario.username);
    await listCustomersInScope(database.db, actor, filter, { page, pageSize, sort }); // warm the cache
    const captured: Captured[] = [];
    client.query = (...args: unknown[]) => {
      const first = args[0] as string | { text: string; values?: unknown[] };
      const values = (typeof first === 'string' ? args[1] : (first.values ?? args[1])) as unknown[] | undefined;
      captured.push({ text: typeof first === 'string' ? first : first.text, values: values ?? [] });
      return original(...args);
    };
    const started = performance.now();
    let result: Awaited<ReturnType<typeof listCustomersInScope>>;
    try {
      result = await listCustomersInScope(database.db, actor, filter, { page, pageSize, sort });
    } finally {
      client.query = original;
    }
    const ms = performance.now() - started;
    write(
      `\n## ${label} — (${scenario.key}) ${scenario.label}: ${scenario.username} GET /api/v1/customers?${scenario.query}\n` +
        `${captured.length} statements, ${ms.toFixed(1)} ms in all; total ${result.total}${result.totalExact ? '' : '+'}, ${result.items.length} items\n`,
    );
    for (const [i, statement] of captured.entries()) {
      write(`\n-- [${i + 1}] ${statement.text.replace(/\s+/g, ' ')}\n`);
      if (/^\s*(begin|commit|rollback|set|select set_config)\b/i.test(statement.text)) continue;
      const plan = await database.executeSql(`EXPLAIN (${options}) ${statement.text}`, statement.values);
      write(`${plan.rows.map((r) => `   ${String(Object.values(r)[0])}`).join('\n')}\n`);
    }
  }
}
