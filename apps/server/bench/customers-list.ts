import os from 'node:os';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { prepareDatabase } from '../src/db/bootstrap.js';
import type { Database } from '../src/db/client.js';
import { explainScenarios } from './customers-list-explain.js';
import {
  type Caller,
  failures,
  type ListPage,
  type Row,
  render,
  type Scenario,
  type Setup,
} from './customers-list-report.js';
import { addCustomers } from './customers-volume.js';
import { BENCH_ADMIN_PASSWORD, type EngineName, openEngine, selectedEngines } from './engines.js';
import { getJson, type LoadResult, runLoad, signIn } from './http.js';
import { writeSection } from './report.js';
import { addVolume, BENCH_USER_PASSWORD } from './volume.js';

/**
 * The customer list at volume: per engine, the demo organisation plus ~240 bench users, then a
 * generated customer archive (bench/customers-volume.ts; 1,000,000 customers on PostgreSQL and
 * 200,000 on PGlite by default), `VACUUM ANALYZE`, the real app on the loopback interface, and
 * autocannon against `GET /api/v1/customers` as admin, an agent (own scope) and a team lead (team
 * scope): unfiltered and filtered first pages, search by name and phone digits, a custom field.
 * Per request three runs (customers-list-report.ts): sequential requests on one connection (the
 * latency of one user's request; the target is judged on its p95), one connection per core, and
 * the throughput run at 10 connections (capacity).
 *
 *   cd apps/server && npx tsx --conditions=kefu-source bench/customers-list.ts [--write] [--explain]
 *
 * Environment: BENCH_ENGINES (default `pglite-disk,postgres`), BENCH_CUSTOMERS (one number for every
 * engine, or `postgres=1000000,pglite-disk=200000`), BENCH_SEQUENTIAL_REQUESTS (requests of the
 * one-connection run, default 250), BENCH_SECONDS (measured seconds of the throughput run, default
 * 10), BENCH_WARMUP_SECONDS (default 2), BENCH_CONNECTIONS (default 10), BENCH_USERS (bench users
 * besides the demo organisation, default 240), BENCH_ONLY (scenario keys, e.g. `b1,e1`). `--write`
 * (or BENCH_WRITE=1) updates the `customers-list` section of docs/benchmarks.md; `--explain` prints
 * EXPLAIN (ANALYZE, BUFFERS) of every statement the list runs for each request (no load). Fails
 * (exit 1) on any error or non-2xx.
 */

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

const DEFAULT_CUSTOMERS: Record<EngineName, number> = {
  postgres: 1_000_000,
  'pglite-disk': 200_000,
  'pglite-memory': 200_000,
};

/** BENCH_CUSTOMERS: `200000` (every engine) or `postgres=1000000,pglite-disk=200000`. */
function customerCounts(value = process.env.BENCH_CUSTOMERS): Record<EngineName, number> {
  const counts = { ...DEFAULT_CUSTOMERS };
  if (!value) return counts;
  for (const part of value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, raw] = part.includes('=') ? part.split('=') : [undefined, part];
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_CUSTOMERS: "${part}" is not a positive whole number`);
    if (name === undefined) for (const key of Object.keys(counts) as EngineName[]) counts[key] = n;
    else if (name in counts) counts[name as EngineName] = n;
    else throw new Error(`BENCH_CUSTOMERS: unknown engine "${name}"`);
  }
  return counts;
}

const COUNTS = customerCounts();
const SECONDS = envNumber('BENCH_SECONDS', 10, 1);
const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 2, 0);
const CONNECTIONS = Math.round(envNumber('BENCH_CONNECTIONS', 10, 1));
const USERS = Math.round(envNumber('BENCH_USERS', 240, 40));
const WRITE = process.argv.includes('--write') || ['1', 'true'].includes(process.env.BENCH_WRITE ?? '');
const EXPLAIN = process.argv.includes('--explain');
/** BENCH_ONLY: a comma list of scenario keys (a, b1, …) to run only those. */
const ONLY = process.env.BENCH_ONLY?.split(',').map((k) => k.trim());
/** p95 target of the issue "Customer archive" for a filtered first page. */
const TARGET_P95_MS = 50;
/** Requests of the one-connection run (its p95 is what the target is judged on). */
const SEQUENTIAL_REQUESTS = Math.round(envNumber('BENCH_SEQUENTIAL_REQUESTS', 250, 20));
/** Connections of the middle run: one per core. */
const CORES = os.availableParallelism();

const SCENARIOS = (phoneDigits: string): Scenario[] => [
  // What any authenticated request costs here (session, user, JSON), for scale.
  { key: '0', label: 'baseline: the caller', caller: 'admin', query: '', filtered: false, path: '/api/v1/auth/me' },
  { key: 'a', label: 'first page, unfiltered', caller: 'admin', query: 'sort=-updatedAt', filtered: false },
  {
    key: 'b1',
    label: 'filtered: grade A in 上海',
    caller: 'admin',
    query: 'grade=A&region=上海&sort=-updatedAt',
    filtered: true,
  },
  {
    key: 'b2',
    label: 'filtered: dealers, key customers',
    caller: 'admin',
    query: 'categoryKey=dealer&isKey=true&sort=-updatedAt',
    filtered: true,
  },
  { key: 'c', label: 'own scope, first page', caller: 'agent', query: 'sort=-updatedAt', filtered: false },
  { key: 'd', label: 'team scope, first page', caller: 'lead', query: 'sort=-updatedAt', filtered: false },
  { key: 'e1', label: 'search: 2-character name part', caller: 'admin', query: 'q=华信', filtered: true },
  { key: 'e2', label: 'search: city + name part', caller: 'admin', query: 'q=上海华信', filtered: true },
  { key: 'e3', label: 'search: last 4 phone digits', caller: 'admin', query: `q=${phoneDigits}`, filtered: true },
  { key: 'f', label: 'custom field industry = medical', caller: 'admin', query: 'cf=industry:medical', filtered: true },
];

const path = (query: string, fixed?: string) => {
  if (fixed) return fixed;
  const params = new URLSearchParams(query);
  params.set('page', '1');
  params.set('pageSize', '20');
  return `/api/v1/customers?${params.toString()}`;
};

const loadSamples: number[] = [];
const sampleLoad = () => loadSamples.push(os.loadavg()[0] ?? 0);
const log = (message: string) => process.stderr.write(`[bench:customers-list] ${message}\n`);
const silent = pino({ level: 'silent' });
const seconds = (ms: number) => (ms / 1000).toFixed(1);

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: stopping and cleaning up`);
  });
}

/** The callers besides admin: an agent of a bench team (own scope) and the team's lead (team scope). */
async function pickCallers(database: Database) {
  const { rows } = await database.executeSql(`
    SELECT a.username AS agent, l.username AS lead
    FROM users a JOIN users l ON l.id = a.superior_id
    WHERE a.username LIKE 'bench%' AND a.role_key = 'agent' AND a.is_active
      AND l.role_key = 'supervisor' AND l.is_active
      AND EXISTS (SELECT 1 FROM customers c WHERE c.owner_id = a.id)
    ORDER BY a.username LIMIT 1`);
  const row = rows[0];
  if (!row) throw new Error('no active bench agent with customers under an active team lead');
  return { agent: String(row.agent), lead: String(row.lead) };
}

/** Last four digits of a generated mobile number, for the phone search. */
async function phoneFragment(database: Database): Promise<string> {
  const { rows } = await database.executeSql(
    `SELECT right(phone_normalized, 4) AS digits FROM customers WHERE phone_normalized LIKE '1%' ORDER BY code LIMIT 1 OFFSET 1000`,
  );
  return String(rows[0]?.digits ?? '8888');
}

/** One autocannon run (http.ts), logged, with the machine load sampled before and after. */
async function measure(options: {
  url: string;
  headers: Record<string, string>;
  connections: number;
  requests?: number;
  seconds?: number;
  warmupSeconds?: number;
}): Promise<LoadResult> {
  sampleLoad();
  const result = await runLoad({ seconds: 0, warmupSeconds: 0, ...options });
  sampleLoad();
  log(
    `  ${options.connections} conn.: ${result.requests} requests, ${result.requestsPerSecond.toFixed(0)} req/s, ` +
      `p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`,
  );
  return result;
}

async function benchEngine(name: EngineName, rows: Row[], setups: Setup[]): Promise<void> {
  const customers = COUNTS[name];
  log(`${name}: opening`);
  const engine = await openEngine(name);
  try {
    let t = performance.now();
    const prepared = await prepareDatabase(engine.database, engine.config, silent);
    if (!prepared.demoSeeded) throw new Error('the demo organisation was not seeded');
    const prepareMs = performance.now() - t;
    t = performance.now();
    await addVolume(engine.database, { users: USERS, auditRows: 0 });
    const usersMs = performance.now() - t;
    log(`${engine.label}: migrated + seeded in ${seconds(prepareMs)} s, ${USERS} bench users in ${seconds(usersMs)} s`);
    const volume = await addCustomers(engine.database, { customers, rebuildIndexes: true }, (m) =>
      log(`${engine.label}: ${m}`),
    );
    const staff = await engine.database.executeSql('SELECT count(*)::int AS n FROM customer_staff');
    setups.push({
      label: engine.label,
      customers,
      prepareMs,
      usersMs,
      volume,
      staffRows: Number(staff.rows[0]?.n ?? 0),
    });
    log(
      `${engine.label}: ${customers.toLocaleString('en')} customers inserted in ${seconds(volume.insertMs)} s, ` +
        `indexes ${seconds(volume.indexMs)} s, VACUUM ANALYZE ${seconds(volume.vacuumMs)} s`,
    );

    const callers = { admin: 'admin', ...(await pickCallers(engine.database)) };
    const scenarios = SCENARIOS(await phoneFragment(engine.database)).filter((s) => !ONLY || ONLY.includes(s.key));
    if (EXPLAIN) {
      const explained = scenarios
        .filter((x) => !x.path)
        .map((x) => ({ key: x.key, label: x.label, username: callers[x.caller], query: x.query }));
      await explainScenarios(engine.database, explained, engine.label, (text) => process.stdout.write(text));
      return;
    }

    const app = await buildApp(engine.config, { database: engine.database });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('no TCP address');
      const base = `http://127.0.0.1:${address.port}`;
      const cookies: Record<Caller, string> = {
        admin: await signIn(base, 'admin', BENCH_ADMIN_PASSWORD),
        agent: await signIn(base, callers.agent, BENCH_USER_PASSWORD),
        lead: await signIn(base, callers.lead, BENCH_USER_PASSWORD),
      };
      for (const scenario of scenarios) {
        if (interrupted) break;
        const url = `${base}${path(scenario.query, scenario.path)}`;
        const headers = { cookie: cookies[scenario.caller], 'accept-language': 'zh-CN' };
        const body = await getJson<ListPage | Record<string, unknown>>(url, headers);
        const page: ListPage = scenario.path ? { items: [body], total: 1, totalExact: true } : (body as ListPage);
        if (page.items.length === 0)
          throw new Error(`GET ${path(scenario.query, scenario.path)} as ${scenario.caller}: empty page`);
        if (scenario.caller !== 'admin' && page.totalExact && page.total >= customers) {
          throw new Error(`GET ${path(scenario.query, scenario.path)} as ${scenario.caller}: sees every customer`);
        }
        const who = `(${scenario.key}) ${scenario.label} as ${callers[scenario.caller]}`;
        log(`${name}: ${who}: ${page.total}${page.totalExact ? '' : '+'} match`);
        // 1. Latency without queueing: sequential requests on one connection.
        const sequential = await measure({
          url,
          headers,
          connections: 1,
          requests: SEQUENTIAL_REQUESTS,
          warmupSeconds: 1,
        });
        // 2. One connection per core.
        const perCore = await measure({ url, headers, connections: CORES, requests: SEQUENTIAL_REQUESTS * CORES });
        // 3. Throughput: 10 connections for a fixed time.
        const load = await measure({
          url,
          headers,
          connections: CONNECTIONS,
          seconds: SECONDS,
          warmupSeconds: WARMUP_SECONDS,
        });
        rows.push({
          engine: engine.label,
          scenario,
          callerName: callers[scenario.caller],
          page,
          sequential,
          perCore,
          load,
        });
      }
    } finally {
      await app.close();
    }
  } finally {
    await engine.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  sampleLoad();
  const engines = selectedEngines(process.env.BENCH_ENGINES ?? 'pglite-disk,postgres');
  const rows: Row[] = [];
  const setups: Setup[] = [];
  const errors: string[] = [];
  for (const name of engines) {
    if (interrupted) break;
    try {
      await benchEngine(name, rows, setups);
    } catch (error) {
      errors.push(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      log(`${name}: FAILED — ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (EXPLAIN) {
    if (errors.length > 0) throw new Error(`explain failed:\n- ${errors.join('\n- ')}`);
    return;
  }
  const markdown = render(rows, setups, {
    users: USERS,
    sequentialRequests: SEQUENTIAL_REQUESTS,
    cores: CORES,
    connections: CONNECTIONS,
    warmupSeconds: WARMUP_SECONDS,
    seconds: SECONDS,
    targetP95Ms: TARGET_P95_MS,
    loadSamples,
    wallSeconds: (performance.now() - started) / 1000,
  });
  process.stdout.write(`${markdown}\n`);
  for (const row of rows) {
    for (const [run, result] of Object.entries({ sequential: row.sequential, perCore: row.perCore, load: row.load })) {
      if (failures(result) === 0) continue;
      errors.push(
        `${row.engine} (${row.scenario.key}) ${path(row.scenario.query, row.scenario.path)}, ${run} run: ` +
          `${result.errors} errors (${result.timeouts} timeouts), ${result.non2xx} non-2xx; status codes ` +
          JSON.stringify(result.statusCodes),
      );
    }
  }
  if (interrupted) errors.push('interrupted');
  if (errors.length > 0) {
    throw new Error(`benchmark failed; docs/benchmarks.md not updated:\n- ${errors.join('\n- ')}`);
  }
  if (WRITE) {
    writeSection('customers-list', markdown);
    log('docs/benchmarks.md updated (section "customers-list")');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\n[bench:customers-list] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
