import { fork } from 'node:child_process';
import pg from 'pg';
import type { BenchEngine } from './engines.js';
import type { LoadResult } from './http.js';
import { signIn } from './http.js';
import type { PostLoadMessage, PostLoadOptions, PostRequest } from './tickets-loadgen.js';
import { ms } from './tickets-report.js';
import { mulberry32, ticketTexts } from './tickets-texts.js';
import { BENCH_USER_PASSWORD } from './volume.js';

/**
 * Ticket creation throughput: `POST /api/v1/tickets` through the real app against a plain
 * single-row INSERT loop into `tickets` on the same database in the same run, with the same rows
 * (the same bodies), one at a time and at `connections` concurrent connections.
 *
 * - API: autocannon in a child process (tickets-loadgen.ts), a fixed list of requests from 10
 *   agents (own sessions, rotating), bodies drawn from the generated texts: every type (15 %
 *   complaints, with a next-reply time 4 h ahead), 85 % with a customer, the others a caller name
 *   and phone, 40 % assigned to the recording agent, some tags. Each request is what the app does
 *   for a new ticket: session, validation, a transaction with the checks, the row, history,
 *   segmentation (jieba) and the search vector, audit — then the ticket read back, events.
 * - INSERT: `INSERT INTO tickets (…13 columns…) VALUES ($1 … $13)`, parameterized, one statement
 *   and one implicit transaction per row; on PostgreSQL through its own pg pool (one connection,
 *   then `connections`); on PGlite through the app's database handle (one backend: concurrent
 *   statements queue). No search vector, history or audit: the floor of what a row costs.
 */

export type CreateRun = { method: 'api' | 'insert'; connections: number; result: LoadResult };

type Creator = { id: string; username: string; departmentId: string; cookie: string; csrf: string };
type Row = {
  creator: Creator;
  typeKey: string;
  channel: string;
  priority: string;
  subject: string;
  description: string;
  customerId: string | null;
  contactName: string | null;
  contactPhone: string | null;
  assigneeId: string | null;
  tags: string[];
  nextReplyAt: string | null;
};

const CHANNELS = ['phone', 'phone', 'phone', 'wechat', 'wechat', 'web', 'email', 'walk_in'];
const PRIORITIES = ['normal', 'normal', 'normal', 'normal', 'high', 'low', 'urgent'];
const INSERT = `INSERT INTO tickets (type_key, channel, priority, subject, description, customer_id, contact_name,
  contact_phone, department_id, assignee_id, created_by, tags, next_reply_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;

async function creators(engine: BenchEngine, base: string, count: number): Promise<Creator[]> {
  const { rows } = await engine.database.executeSql(
    `SELECT id, username, department_id FROM users
     WHERE username LIKE 'bench%' AND role_key = 'agent' AND is_active AND department_id IS NOT NULL
     ORDER BY username LIMIT $1`,
    [count],
  );
  if (rows.length === 0) throw new Error('no active bench agents');
  return Promise.all(
    rows.map(async (r) => {
      const cookie = await signIn(base, String(r.username), BENCH_USER_PASSWORD);
      const csrf = /(?:^|;\s*)kefu_csrf=([^;]+)/.exec(cookie)?.[1];
      if (!csrf) throw new Error(`sign-in of ${String(r.username)}: no CSRF cookie`);
      return { id: String(r.id), username: String(r.username), departmentId: String(r.department_id), cookie, csrf };
    }),
  );
}

/** `count` new tickets, deterministic per `seed`. */
function makeRows(count: number, seed: number, people: Creator[], customers: string[]): Row[] {
  const r = mulberry32(seed);
  const texts = ticketTexts();
  const pick = <T>(values: readonly T[]) => values[Math.floor(r() * values.length)] as T;
  const inFourHours = new Date(Date.now() + 4 * 3600_000).toISOString();
  return Array.from({ length: count }, () => {
    const text = pick(texts);
    const creator = pick(people);
    const withCustomer = r() < 0.85;
    const tag = r();
    return {
      creator,
      typeKey: text.typeKey,
      channel: pick(CHANNELS),
      priority: text.typeKey === 'complaint' && r() < 0.5 ? 'high' : pick(PRIORITIES),
      subject: text.subject,
      description: text.description,
      customerId: withCustomer ? pick(customers) : null,
      contactName: withCustomer ? null : `${pick([...'王李张刘陈杨黄赵'])}${r() < 0.5 ? '先生' : '女士'}`,
      contactPhone: withCustomer ? null : `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
      assigneeId: r() < 0.4 ? creator.id : null,
      tags: tag < 0.05 ? ['VIP'] : tag < 0.1 ? ['回访'] : [],
      nextReplyAt: text.typeKey === 'complaint' ? inFourHours : null,
    };
  });
}

function toRequest(row: Row): PostRequest {
  const body: Record<string, unknown> = {
    typeKey: row.typeKey,
    channel: row.channel,
    priority: row.priority,
    subject: row.subject,
    description: row.description,
  };
  if (row.customerId) body.customerId = row.customerId;
  else Object.assign(body, { contactName: row.contactName, contactPhone: row.contactPhone });
  if (row.assigneeId) Object.assign(body, { assign: 'manual', assigneeId: row.assigneeId });
  if (row.tags.length > 0) body.tags = row.tags;
  if (row.nextReplyAt) body.nextReplyAt = row.nextReplyAt;
  return { cookie: row.creator.cookie, csrf: row.creator.csrf, body: JSON.stringify(body) };
}

function toParams(row: Row): unknown[] {
  return [
    row.typeKey,
    row.channel,
    row.priority,
    row.subject,
    row.description,
    row.customerId,
    row.contactName,
    row.contactPhone,
    row.creator.departmentId,
    row.assigneeId,
    row.creator.id,
    row.tags,
    row.nextReplyAt,
  ];
}

/** The API run in a child process (bounded: killed if it has not answered in time). */
function postLoad(options: PostLoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./tickets-loadgen.ts', import.meta.url), {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    const finish = (error: Error | null, result?: LoadResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill();
      if (error) reject(error);
      else resolve(result as LoadResult);
    };
    const limitMs = (options.requests.length + options.warmup.length) * 1000 + 30_000;
    const timer = setTimeout(() => finish(new Error(`POST load did not finish within ${limitMs} ms`)), limitMs);
    child.on('message', (message: PostLoadMessage) =>
      message.ok ? finish(null, message.result) : finish(new Error(`POST load failed: ${message.error}`)),
    );
    child.on('error', (error) => finish(error));
    child.on('exit', (code, signal) =>
      finish(new Error(`POST load generator exited early (code ${code}, signal ${signal})`)),
    );
    child.send(options);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

type Execute = (params: unknown[]) => Promise<unknown>;

/** The INSERT loop: `workers` loops sharing one list, each on its own connection (`executors[i]`). */
async function insertLoop(executors: Execute[], rows: Row[]): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    executors.map(async (execute) => {
      for (let i = next++; i < rows.length; i = next++) {
        const t = performance.now();
        try {
          await execute(toParams(rows[i] as Row));
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: rows.length,
    seconds,
    requestsPerSecond: rows.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    errors,
    timeouts: 0,
    non2xx: 0,
    statusCodes: {},
  };
}

async function withExecutors<T>(engine: BenchEngine, count: number, fn: (executors: Execute[]) => Promise<T>) {
  if (engine.config.database.kind !== 'postgres') {
    const execute: Execute = (params) => engine.database.executeSql(INSERT, params);
    return fn(Array.from({ length: count }, () => execute));
  }
  const pool = new pg.Pool({ connectionString: engine.config.database.url, max: count });
  const clients = await Promise.all(Array.from({ length: count }, () => pool.connect()));
  try {
    return await fn(clients.map((client) => (params: unknown[]) => client.query(INSERT, params)));
  } finally {
    for (const client of clients) client.release();
    await pool.end();
  }
}

export type CreateOptions = { rows: number; warmup: number; connections: number; log: (message: string) => void };

/** API then INSERT, sequential then `connections`, each on the same `rows` new tickets. */
export async function benchCreation(engine: BenchEngine, base: string, options: CreateOptions): Promise<CreateRun[]> {
  const { rows: count, warmup, connections, log } = options;
  const people = await creators(engine, base, 10);
  const customerRows = await engine.database.executeSql('SELECT id FROM customers ORDER BY code LIMIT 5000');
  const customers = customerRows.rows.map((r) => String(r.id));
  const runs: CreateRun[] = [];
  for (const [i, conns] of [1, connections].entries()) {
    const rows = makeRows(count, 100 + i, people, customers);
    const warm = makeRows(warmup, 200 + i, people, customers);
    const api = await postLoad({
      url: `${base}/api/v1/tickets`,
      connections: conns,
      requests: rows.map(toRequest),
      warmup: warm.map(toRequest),
    });
    runs.push({ method: 'api', connections: conns, result: api });
    log(`  API, ${conns} conn.: ${api.requestsPerSecond.toFixed(0)} tickets/s, p95 ${ms(api.p95)} ms`);
    const insert = await withExecutors(engine, conns, async (executors) => {
      await insertLoop(executors, warm);
      return insertLoop(executors, rows);
    });
    runs.push({ method: 'insert', connections: conns, result: insert });
    log(`  INSERT, ${conns} conn.: ${insert.requestsPerSecond.toFixed(0)} rows/s, p95 ${ms(insert.p95)} ms`);
  }
  return runs;
}
