import os from 'node:os';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { prepareDatabase } from '../src/db/bootstrap.js';
import type { Database } from '../src/db/client.js';
import { addCustomers } from './customers-volume.js';
import { BENCH_ADMIN_PASSWORD, type EngineName, openEngine, selectedEngines } from './engines.js';
import { getJson, type LoadResult, runLoad, signIn } from './http.js';
import { writeSection } from './report.js';
import { benchCreation, type CreateRun } from './tickets-create.js';
import { explainScenarios } from './tickets-explain.js';
import {
  type Caller,
  failures,
  type ListPage,
  ms,
  type Row,
  render,
  type Scenario,
  type Setup,
} from './tickets-report.js';
import { RARE_WORDS } from './tickets-texts.js';
import { addTickets } from './tickets-volume.js';
import { addVolume, BENCH_USER_PASSWORD } from './volume.js';

/**
 * Tickets at volume (issue "Tickets"): per engine the demo organisation, ~240 bench users, 50,000
 * customers and generated tickets (tickets-volume.ts; 1,000,000 on PostgreSQL, 200,000 on PGlite),
 * the real app on the loopback interface, then
 * 1. queues and search (`GET /api/v1/tickets`, first page of 20) as an agent (own scope), a team
 *    lead (team scope) and admin: sequential requests on one connection (the latency of one user's
 *    request: the targets, queue p95 < 50 ms and search p95 < 100 ms, are judged on it) and 10
 *    connections for a fixed time (capacity);
 * 2. creation throughput: `POST /api/v1/tickets` against a plain single-row INSERT loop with the
 *    same rows, one connection and 10 (tickets-create.ts) — last, so that its new rows do not sit at
 *    the head of the queues measured before.
 *
 *   cd apps/server && npx tsx --conditions=kefu-source bench/tickets.ts [--write] [--explain]
 *   npm run bench -w apps/server -- tickets [--write]        (the same through bench/run.ts)
 *
 * Environment: BENCH_ENGINES (default `pglite-disk,postgres`), BENCH_TICKETS (one number for every
 * engine, or `postgres=1000000,pglite-disk=200000`, the default), BENCH_CUSTOMERS (default 50000),
 * BENCH_USERS (default 240), BENCH_SEQUENTIAL_REQUESTS (default 200; fewer, at least 20, when they
 * would take longer than BENCH_SEQUENTIAL_SECONDS, default 30), BENCH_SECONDS (measured seconds
 * of the 10-connection run, default 5), BENCH_WARMUP_SECONDS (default 1), BENCH_CONNECTIONS
 * (default 10), BENCH_CREATE (rows per creation run, default 1000; 0 skips creation), BENCH_ONLY
 * (scenario keys, e.g. `q1,s2`; `create` for the creation runs). `--write` (or BENCH_WRITE=1)
 * updates the `tickets` section of docs/benchmarks.md; `--explain` prints EXPLAIN (ANALYZE, BUFFERS)
 * of every statement of each request instead of loading the server. Fails (exit 1) on any error or
 * non-2xx response.
 */

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

const DEFAULT_TICKETS: Record<EngineName, number> = {
  postgres: 1_000_000,
  'pglite-disk': 200_000,
  'pglite-memory': 200_000,
};

/** BENCH_TICKETS: `200000` (every engine) or `postgres=1000000,pglite-disk=200000`. */
function ticketCounts(value = process.env.BENCH_TICKETS): Record<EngineName, number> {
  const counts = { ...DEFAULT_TICKETS };
  for (const part of (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [name, raw] = part.includes('=') ? part.split('=') : [undefined, part];
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1000) throw new Error(`BENCH_TICKETS: "${part}" is not a whole number ≥ 1000`);
    if (name === undefined) for (const key of Object.keys(counts) as EngineName[]) counts[key] = n;
    else if (name in counts) counts[name as EngineName] = n;
    else throw new Error(`BENCH_TICKETS: unknown engine "${name}"`);
  }
  return counts;
}

const TARGETS = { queue: 50, search: 100 };
const silent = pino({ level: 'silent' });
const log = (message: string) => process.stderr.write(`[bench:tickets] ${message}\n`);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

type Settings = {
  counts: Record<EngineName, number>;
  customers: number;
  users: number;
  sequentialRequests: number;
  sequentialSeconds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  createRows: number;
  createWarmup: number;
  only: string[] | undefined;
  explain: boolean;
};

function settingsFromEnv(): Settings {
  return {
    counts: ticketCounts(),
    customers: Math.round(envNumber('BENCH_CUSTOMERS', 50_000, 1000)),
    users: Math.round(envNumber('BENCH_USERS', 240, 40)),
    sequentialRequests: Math.round(envNumber('BENCH_SEQUENTIAL_REQUESTS', 200, 20)),
    sequentialSeconds: envNumber('BENCH_SEQUENTIAL_SECONDS', 30, 1),
    seconds: envNumber('BENCH_SECONDS', 5, 1),
    warmupSeconds: envNumber('BENCH_WARMUP_SECONDS', 1, 0),
    connections: Math.round(envNumber('BENCH_CONNECTIONS', 10, 1)),
    createRows: Math.round(envNumber('BENCH_CREATE', 1000, 0)),
    createWarmup: 50,
    only: process.env.BENCH_ONLY?.split(',').map((k) => k.trim()),
    explain: process.argv.includes('--explain'),
  };
}

type Probe = { ticketNumber: string };

const SCENARIOS = ({ ticketNumber }: Probe): Scenario[] => [
  { key: 'q1', label: "agent's open tickets", caller: 'agent', query: 'queue=mine&open=true', kind: 'queue' },
  { key: 'q2', label: 'team queue', caller: 'lead', query: 'queue=team', kind: 'queue' },
  { key: 'q3', label: 'unassigned in the department', caller: 'lead', query: 'queue=unassigned', kind: 'queue' },
  { key: 'q4', label: 'all tickets', caller: 'admin', query: 'queue=all', kind: 'queue' },
  { key: 'q5', label: 'open complaints', caller: 'admin', query: 'complaint=true&open=true', kind: 'queue' },
  {
    key: 'q6',
    label: 'reply overdue, most overdue first',
    caller: 'admin',
    query: 'replyOverdue=true&sort=nextReplyAt',
    kind: 'queue',
  },
  { key: 'q7', label: 'priority high', caller: 'admin', query: 'priority=high', kind: 'queue' },
  { key: 'q8', label: 'status investigating', caller: 'admin', query: 'status=investigating', kind: 'queue' },
  { key: 's1', label: 'search: common word', caller: 'admin', query: 'q=空调', kind: 'search' },
  { key: 's2', label: 'search: rare word', caller: 'admin', query: `q=${RARE_WORDS[0]}`, kind: 'search' },
  { key: 's3', label: 'search: two words', caller: 'admin', query: 'q=空调 漏水', kind: 'search' },
  { key: 's4', label: 'search: ticket number', caller: 'admin', query: `q=${ticketNumber}`, kind: 'search' },
  {
    key: 's5',
    label: 'search + filter: open complaints',
    caller: 'admin',
    query: 'q=空调&complaint=true&open=true',
    kind: 'search',
  },
  { key: 's6', label: 'search in own scope', caller: 'agent', query: 'q=空调', kind: 'search' },
];

const path = (query: string) => {
  const params = new URLSearchParams(query);
  params.set('page', '1');
  params.set('pageSize', '20');
  return `/api/v1/tickets?${params.toString()}`;
};

/** An agent of a hotline bench team (own scope) and the team's lead (team scope). */
async function pickCallers(database: Database) {
  const { rows } = await database.executeSql(`
    SELECT a.username AS agent, l.username AS lead
    FROM users a JOIN users l ON l.id = a.superior_id JOIN departments d ON d.id = l.department_id
    WHERE a.username LIKE 'bench%' AND a.role_key = 'agent' AND a.is_active
      AND l.role_key = 'supervisor' AND l.is_active AND d.name = '热线组'
    ORDER BY a.username LIMIT 1`);
  const row = rows[0];
  if (!row) throw new Error('no active bench agent under an active hotline team lead');
  return { agent: String(row.agent), lead: String(row.lead) };
}

async function probe(database: Database, tickets: number): Promise<Probe> {
  const { rows } = await database.executeSql('SELECT number FROM tickets ORDER BY number DESC OFFSET $1 LIMIT 1', [
    Math.floor(tickets / 3),
  ]);
  if (!rows[0]) throw new Error('no tickets');
  return { ticketNumber: String(rows[0].number) };
}

type State = { rows: Row[]; setups: Setup[]; loadSamples: number[]; interrupted: boolean };

async function measure(state: State, options: Parameters<typeof runLoad>[0]): Promise<LoadResult> {
  state.loadSamples.push(os.loadavg()[0] ?? 0);
  const result = await runLoad(options);
  state.loadSamples.push(os.loadavg()[0] ?? 0);
  log(
    `  ${options.connections} conn.: ${result.requests} requests, ${result.requestsPerSecond.toFixed(0)} req/s, ` +
      `p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms, p99 ${ms(result.p99)} ms`,
  );
  return result;
}

async function benchEngine(name: EngineName, s: Settings, state: State): Promise<void> {
  const tickets = s.counts[name];
  log(`${name}: opening`);
  const engine = await openEngine(name);
  try {
    let t = performance.now();
    const prepared = await prepareDatabase(engine.database, engine.config, silent);
    if (!prepared.demoSeeded) throw new Error('the demo organisation was not seeded');
    const prepareMs = performance.now() - t;
    t = performance.now();
    await addVolume(engine.database, { users: s.users, auditRows: 0 });
    const usersMs = performance.now() - t;
    t = performance.now();
    await addCustomers(engine.database, { customers: s.customers });
    const customersMs = performance.now() - t;
    log(`${engine.label}: migrated + seeded, ${s.users} bench users, ${s.customers} customers`);
    const volume = await addTickets(
      engine.database,
      { tickets, chunk: engine.database.kind === 'postgres' ? 100_000 : 50_000, rebuildIndexes: true },
      (m) => log(`${engine.label}: ${m}`),
    );
    log(
      `${engine.label}: ${tickets.toLocaleString('en')} tickets inserted in ${seconds(volume.insertMs)} s, ` +
        `indexes ${seconds(volume.indexMs)} s, VACUUM ANALYZE ${seconds(volume.vacuumMs)} s`,
    );
    const setup: Setup = {
      label: engine.label,
      tickets,
      customers: s.customers,
      prepareMs,
      usersMs,
      customersMs,
      volume,
      creation: [],
    };
    state.setups.push(setup);

    const callers: Record<Caller, string> = { admin: 'admin', ...(await pickCallers(engine.database)) };
    const scenarios = SCENARIOS(await probe(engine.database, tickets)).filter((x) => !s.only || s.only.includes(x.key));
    if (s.explain) {
      await explainScenarios(
        engine.database,
        scenarios.map((x) => ({ key: x.key, label: x.label, username: callers[x.caller], query: x.query })),
        engine.label,
        (text) => process.stdout.write(text),
      );
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
        if (state.interrupted) break;
        const url = `${base}${path(scenario.query)}`;
        const headers = { cookie: cookies[scenario.caller], 'accept-language': 'zh-CN' };
        const page = await getJson<ListPage>(url, headers);
        const who = `(${scenario.key}) ${scenario.label} as ${callers[scenario.caller]}`;
        if (page.items.length === 0) throw new Error(`${who}: empty page`);
        if (scenario.caller !== 'admin' && page.totalExact && page.total >= tickets)
          throw new Error(`${who}: sees every ticket`);
        // A slow request gets fewer sequential requests (at least 20): the run stays bounded.
        const probeMs: number[] = [];
        for (let i = 0; i < 3; i += 1) {
          const t0 = performance.now();
          await getJson<ListPage>(url, headers);
          probeMs.push(performance.now() - t0);
        }
        const estimate = probeMs.sort((a, b) => a - b)[1] as number;
        const requests = Math.max(
          20,
          Math.min(s.sequentialRequests, Math.floor((s.sequentialSeconds * 1000) / estimate)),
        );
        log(`${name}: ${who}: ${page.total}${page.totalExact ? '' : '+'} match, ~${ms(estimate)} ms each`);
        const sequential = await measure(state, {
          url,
          headers,
          connections: 1,
          requests,
          seconds: 0,
          warmupSeconds: 1,
        });
        const load = await measure(state, {
          url,
          headers,
          connections: s.connections,
          seconds: s.seconds,
          warmupSeconds: s.warmupSeconds,
        });
        state.rows.push({
          engine: engine.label,
          scenario,
          callerName: callers[scenario.caller],
          page,
          sequential,
          load,
        });
      }
      if (s.createRows > 0 && !state.interrupted && (!s.only || s.only.includes('create'))) {
        log(`${name}: creation, ${s.createRows} rows per run`);
        state.loadSamples.push(os.loadavg()[0] ?? 0);
        setup.creation = await benchCreation(engine, base, {
          rows: s.createRows,
          warmup: s.createWarmup,
          connections: s.connections,
          log,
        });
        state.loadSamples.push(os.loadavg()[0] ?? 0);
      }
    } finally {
      await app.close();
    }
  } finally {
    await engine.close();
  }
}

/**
 * Runs the benchmark; returns the markdown of the `tickets` section. Throws (after printing what
 * was measured) on any error or non-2xx response; writes docs/benchmarks.md only when `write`.
 */
export async function benchTickets({ write = false }: { write?: boolean } = {}): Promise<string> {
  const started = performance.now();
  const s = settingsFromEnv();
  const state: State = { rows: [], setups: [], loadSamples: [os.loadavg()[0] ?? 0], interrupted: false };
  const onSignal = (signal: NodeJS.Signals) => {
    state.interrupted = true;
    log(`${signal}: stopping and cleaning up`);
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const errors: string[] = [];
  for (const name of selectedEngines(process.env.BENCH_ENGINES ?? 'pglite-disk,postgres')) {
    if (state.interrupted) break;
    try {
      await benchEngine(name, s, state);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      errors.push(`${name}: ${message.length > 2000 ? `${message.slice(0, 2000)}…` : message}`);
      log(`${name}: FAILED — ${message.slice(0, 500)}`);
    }
  }
  if (s.explain) {
    if (errors.length > 0) throw new Error(`explain failed:\n- ${errors.join('\n- ')}`);
    return '';
  }
  const markdown = render(state.rows, state.setups, {
    users: s.users,
    sequentialRequests: s.sequentialRequests,
    sequentialSeconds: s.sequentialSeconds,
    connections: s.connections,
    warmupSeconds: s.warmupSeconds,
    seconds: s.seconds,
    createRows: s.createRows,
    createWarmup: s.createWarmup,
    targets: TARGETS,
    loadSamples: state.loadSamples,
    wallSeconds: (performance.now() - started) / 1000,
  });
  process.stdout.write(`${markdown}\n`);
  for (const row of state.rows) {
    for (const [run, result] of Object.entries({ sequential: row.sequential, load: row.load })) {
      if (failures(result) > 0) {
        errors.push(
          `${row.engine} (${row.scenario.key}) ${run}: ${result.errors} errors (${result.timeouts} timeouts), ` +
            `${result.non2xx} non-2xx; status codes ${JSON.stringify(result.statusCodes)}`,
        );
      }
    }
  }
  for (const setup of state.setups) {
    for (const run of setup.creation.filter((r: CreateRun) => failures(r.result) > 0)) {
      errors.push(
        `${setup.label} creation (${run.method}, ${run.connections} conn.): ${run.result.errors} errors, ` +
          `${run.result.non2xx} non-2xx; status codes ${JSON.stringify(run.result.statusCodes)}`,
      );
    }
  }
  if (state.interrupted) errors.push('interrupted');
  if (errors.length > 0) throw new Error(`benchmark failed; docs/benchmarks.md not updated:\n- ${errors.join('\n- ')}`);
  if (write) {
    writeSection('tickets', markdown);
    log('docs/benchmarks.md updated (section "tickets")');
  }
  return markdown;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchTickets({
    write: process.argv.includes('--write') || ['1', 'true'].includes(process.env.BENCH_WRITE ?? ''),
  }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`\n[bench:tickets] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
