import type { LoadResult } from './http.js';
import { loadNote, markdownTable, measuredLine } from './report.js';
import type { CreateRun } from './tickets-create.js';
import type { TicketVolumeTimings } from './tickets-volume.js';

/**
 * The markdown of the `tickets` section of docs/benchmarks.md (see tickets.ts): per engine the
 * ticket-creation throughput (API against a plain INSERT loop) and the queue and search requests,
 * each with the latency of one user's request (sequential requests on one connection — what the
 * targets are judged on) and the 10-connection throughput run (capacity).
 */

export type Caller = 'admin' | 'agent' | 'lead';
export type Scenario = {
  key: string;
  label: string;
  caller: Caller;
  query: string;
  kind: 'queue' | 'search';
};
export type ListPage = { items: unknown[]; total: number; totalExact: boolean };

export type Row = {
  engine: string;
  scenario: Scenario;
  callerName: string;
  page: ListPage;
  sequential: LoadResult;
  load: LoadResult;
};

export type Setup = {
  label: string;
  tickets: number;
  customers: number;
  prepareMs: number;
  usersMs: number;
  customersMs: number;
  volume: TicketVolumeTimings;
  creation: CreateRun[];
};

export type RunSettings = {
  users: number;
  sequentialRequests: number;
  sequentialSeconds: number;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  createRows: number;
  createWarmup: number;
  targets: Record<Scenario['kind'], number>;
  loadSamples: number[];
  wallSeconds: number;
};

/** Milliseconds for tables and logs; '—' when a run had no response (NaN arrives as null over IPC). */
export const ms = (value: number | null) =>
  value === null || !Number.isFinite(value)
    ? '—'
    : value >= 100
      ? value.toFixed(0)
      : value < 1
        ? value.toFixed(2)
        : value.toFixed(1);
const seconds = (value: number) => (value / 1000).toFixed(1);
const scopes: Record<Caller, string> = { admin: 'all', agent: 'own', lead: 'team' };
const mark = (value: number, target: number) => `${ms(value)} ${value < target ? '✓' : '✗'}`;

/** Errors, non-2xx responses, and a run without a single response. */
export const failures = (r: LoadResult) => r.errors + r.non2xx + (r.requests === 0 ? 1 : 0);
export const meetsTarget = (row: Row, s: RunSettings) => row.sequential.p95 < s.targets[row.scenario.kind];

function listTable(rows: Row[], s: RunSettings): string {
  return markdownTable(
    [
      '',
      'Request (`GET /api/v1/tickets?…&page=1&pageSize=20`)',
      'Caller (scope)',
      'Matching',
      'Target p95',
      '1 conn. requests',
      '1 conn. p50 ms',
      '**1 conn. p95 ms**',
      '1 conn. p99 ms',
      `${s.connections} conn. req/s`,
      `${s.connections} conn. p50 ms`,
      `${s.connections} conn. p95 ms`,
      `${s.connections} conn. p99 ms`,
      'Errors / non-2xx',
    ],
    rows.map(({ scenario, callerName, page, sequential, load }) => {
      const target = s.targets[scenario.kind];
      return [
        scenario.key,
        `${scenario.label}: \`${scenario.query}\``,
        `${callerName} (${scopes[scenario.caller]})`,
        page.totalExact ? page.total.toLocaleString('en') : `> ${page.total.toLocaleString('en')}`,
        `< ${target} ms`,
        String(sequential.requests),
        ms(sequential.p50),
        `**${mark(sequential.p95, target)}**`,
        ms(sequential.p99),
        Math.round(load.requestsPerSecond).toLocaleString('en'),
        ms(load.p50),
        mark(load.p95, target),
        ms(load.p99),
        `${sequential.errors + load.errors} / ${sequential.non2xx + load.non2xx}`,
      ];
    }),
    ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

function creationTable(runs: CreateRun[]): string {
  const rate = (method: CreateRun['method'], connections: number) =>
    runs.find((r) => r.method === method && r.connections === connections)?.result.requestsPerSecond ?? Number.NaN;
  return markdownTable(
    ['Method', 'Connections', 'Rows', 'Rows/s', 'p50 ms', 'p95 ms', 'p99 ms', 'INSERT ÷ API', 'Errors / non-2xx'],
    runs.map(({ method, connections, result }) => [
      method === 'api' ? '`POST /api/v1/tickets`' : 'single-row `INSERT`',
      String(connections),
      result.requests.toLocaleString('en'),
      Math.round(result.requestsPerSecond).toLocaleString('en'),
      ms(result.p50),
      ms(result.p95),
      ms(result.p99),
      method === 'insert' ? `**${(rate('insert', connections) / rate('api', connections)).toFixed(1)} ×**` : '',
      `${result.errors} / ${result.non2xx}`,
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

export function render(rows: Row[], setups: Setup[], s: RunSettings): string {
  const engines = [...new Set(setups.map((x) => x.label))];
  const missed = rows.filter((r) => !meetsTarget(r, s));
  const verdict =
    missed.length === 0
      ? `met by all ${rows.length} requests on every engine.`
      : `met by ${rows.length - missed.length} of ${rows.length} requests; missed by ` +
        `${missed.map((r) => `${r.scenario.key} on ${r.engine} (${ms(r.sequential.p95)} ms)`).join(', ')}.`;
  const sections = engines.flatMap((engine) => {
    const setup = setups.find((x) => x.label === engine);
    const own = rows.filter((r) => r.engine === engine);
    return [
      `### ${engine}: ${setup ? setup.tickets.toLocaleString('en') : '?'} tickets`,
      '',
      ...(setup && setup.creation.length > 0 ? ['Creation:', '', creationTable(setup.creation), ''] : []),
      ...(own.length > 0 ? ['Queues and search:', '', listTable(own, s), ''] : []),
    ];
  });
  const setupLines = setups.map(
    (x) =>
      `- ${x.label}: ${x.tickets.toLocaleString('en')} tickets (${x.volume.messages.toLocaleString('en')} messages, ` +
      `${x.volume.people} assignees, ${x.customers.toLocaleString('en')} customers); migrate + seed ${seconds(x.prepareMs)} s, ` +
      `bench users ${seconds(x.usersMs)} s, customers ${seconds(x.customersMs)} s, text pools ${seconds(x.volume.poolMs)} s, ` +
      `tickets inserted ${seconds(x.volume.insertMs)} s, indexes built ${seconds(x.volume.indexMs)} s, ` +
      `VACUUM ANALYZE ${seconds(x.volume.vacuumMs)} s`,
  );
  return [
    '## Tickets: creation, queues and search at volume',
    '',
    measuredLine(),
    '',
    `- **Data:** the demo organisation plus ${s.users} bench users (teams of about 20 under team leads), customers ` +
      '(`bench/customers-volume.ts`), then generated tickets (`bench/tickets-volume.ts`, INSERT … SELECT FROM ' +
      'generate_series in chunks, secondary indexes built afterwards — the same set the migrations create — then ' +
      '`VACUUM ANALYZE`): subjects and descriptions (50–300 characters) drawn from a pool of 4,000 generated Chinese ' +
      'texts (repairs, installation, delivery, billing, complaints about attitude and broken promises, consultations, ' +
      'suggestions), search vectors from the pool texts segmented once with jieba (`toIndexText`), as the app stores ' +
      'them; service 42 % / consultation 33 % / complaint 15 % / suggestion 5 % / other 5 %; created evenly over two ' +
      'years in number order (the physical order of the table is the order of creation, as in production); closed 80 %, ' +
      'resolved 7 %, feedback 5 %, merged 1 %, open (received, classified, investigating) 6.5 % — 37 % of the last 120 ' +
      "days' tickets, 0.5 % of the older ones; assigned evenly over the active agents, callback specialists and field " +
      'engineers, most new tickets unassigned in their department; open complaints with a next-reply time from 3 days ' +
      'overdue to 2 days ahead; 85 % linked to a customer; 15 % with two messages.',
    '- **Server:** `buildApp` as in production (logging off, jobs off), on 127.0.0.1, session cookie auth. A list ' +
      'response carries the page and `total` (counted up to 10,001; a search ranks the newest 2,000 matches).',
    `- **Creation:** ${s.createRows.toLocaleString('en')} new tickets per run (after ${s.createWarmup} unmeasured), ` +
      'by 10 agents in turn: every type (complaints with a next-reply time), 85 % with a customer, 40 % assigned ' +
      'to the recording agent. The API run is the whole request (session, validation, transaction with checks, ' +
      'row, history, jieba + search vector, audit; the ticket read back; events). The INSERT run sends the same rows ' +
      'as a parameterized single-row `INSERT INTO tickets` of 13 columns, one statement (own transaction) per row ' +
      '— no search vector, history or audit — from the benchmark process (PostgreSQL: its own pg connections; ' +
      "PGlite: the app's handle, one backend, so concurrent statements queue). Latency per request or statement; " +
      '**INSERT ÷ API** = how many times more rows per second the bare INSERT writes.',
    '- **Queues and search:** autocannon in a separate process, keep-alive connections, two runs per request after ' +
      'one request that checks the answer:',
    `  - **1 conn.:** ${s.sequentialRequests} requests one after the other on one connection (after 1 s of warm-up; ` +
      `fewer, at least 20, for a request so slow that they would take over ${s.sequentialSeconds} s): ` +
      "the latency of one user's request, nothing queued. **The targets are judged on its p95.**",
    `  - **${s.connections} conn.:** ${s.warmupSeconds} s warm-up, then ${s.seconds} s at ${s.connections} ` +
      `connections: the capacity of the machine. ${s.connections} requests are always in the server, so a response ` +
      `waits for the others (p50 ≈ ${s.connections} ÷ req/s); its p95 is marked against the target too, for ` +
      'information: it measures throughput on 2 vCPU, not the latency of a request.',
    `- **Targets** (issue "Tickets", PostgreSQL at 1,000,000 tickets): queue p95 < ${s.targets.queue} ms, search p95 < ` +
      `${s.targets.search} ms; PGlite is measured at a smaller volume for information. 1 conn. target ${verdict}`,
    ...loadNote(s.loadSamples),
    '',
    ...sections,
    'Setup per engine:',
    '',
    ...setupLines,
    '',
    `The whole run took ${Math.round(s.wallSeconds)} s.`,
  ].join('\n');
}
