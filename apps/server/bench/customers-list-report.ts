import type { CustomerVolumeTimings } from './customers-volume.js';
import type { LoadResult } from './http.js';
import { loadNote, markdownTable, measuredLine } from './report.js';

/**
 * The markdown of the `customers-list` section of docs/benchmarks.md (see customers-list.ts): per
 * engine one table with, per request, the latency of one user's request (sequential requests on one
 * connection: no queueing), the same with as many connections as the machine has cores, and the
 * throughput run at 10 connections (capacity: there a request mostly waits for the others).
 */

export type Caller = 'admin' | 'agent' | 'lead';
export type Scenario = { key: string; label: string; caller: Caller; query: string; filtered: boolean; path?: string };
export type ListPage = { items: unknown[]; total: number; totalExact: boolean };

export type Row = {
  engine: string;
  scenario: Scenario;
  callerName: string;
  page: ListPage;
  /** Sequential requests on one connection. */
  sequential: LoadResult;
  /** As many connections as cores. */
  perCore: LoadResult;
  /** The throughput run. */
  load: LoadResult;
};

export type Setup = {
  label: string;
  customers: number;
  prepareMs: number;
  usersMs: number;
  volume: CustomerVolumeTimings;
  staffRows: number;
};

export type RunSettings = {
  users: number;
  sequentialRequests: number;
  cores: number;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  targetP95Ms: number;
  loadSamples: number[];
  wallSeconds: number;
};

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const seconds = (value: number) => (value / 1000).toFixed(1);
const scopes: Record<Caller, string> = { admin: 'all', agent: 'own', lead: 'team' };

export const failures = (r: LoadResult) => r.errors + r.non2xx;
export const meetsTarget = (row: Row, target: number) => row.sequential.p95 < target;

function engineTable(rows: Row[], s: RunSettings): string {
  return markdownTable(
    [
      '',
      'Request (`GET /api/v1/customers?…&page=1&pageSize=20`)',
      'Caller (scope)',
      'Matching',
      '1 conn. p50 ms',
      '**1 conn. p95 ms**',
      '1 conn. p99 ms',
      `${s.cores} conn. p50 ms`,
      `${s.cores} conn. p95 ms`,
      `${s.connections} conn. req/s`,
      `${s.connections} conn. p50 ms`,
      `${s.connections} conn. p95 ms`,
      `${s.connections} conn. p99 ms`,
      'Errors / non-2xx',
    ],
    rows.map(({ scenario, callerName, page, sequential, perCore, load }) => [
      scenario.key,
      scenario.path ? `${scenario.label}: \`GET ${scenario.path}\`` : `${scenario.label}: \`${scenario.query}\``,
      `${callerName} (${scopes[scenario.caller]})`,
      scenario.path ? '' : page.totalExact ? page.total.toLocaleString('en') : `> ${page.total.toLocaleString('en')}`,
      ms(sequential.p50),
      scenario.filtered
        ? `**${ms(sequential.p95)}** ${sequential.p95 < s.targetP95Ms ? '✓' : '✗'}`
        : `**${ms(sequential.p95)}**`,
      ms(sequential.p99),
      ms(perCore.p50),
      ms(perCore.p95),
      Math.round(load.requestsPerSecond).toLocaleString('en'),
      ms(load.p50),
      ms(load.p95),
      ms(load.p99),
      `${sequential.errors + perCore.errors + load.errors} / ${sequential.non2xx + perCore.non2xx + load.non2xx}`,
    ]),
    ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
}

export function render(rows: Row[], setups: Setup[], s: RunSettings): string {
  const engines = [...new Set(rows.map((r) => r.engine))];
  const filtered = rows.filter((r) => r.scenario.filtered);
  const missed = filtered.filter((r) => !meetsTarget(r, s.targetP95Ms));
  const verdict =
    missed.length === 0
      ? `met by all ${filtered.length} filtered first pages.`
      : `met by ${filtered.length - missed.length} of ${filtered.length} filtered first pages; missed by ` +
        `${missed.map((r) => `${r.scenario.key} on ${r.engine} (${ms(r.sequential.p95)} ms)`).join(', ')}.`;
  const tables = engines.flatMap((engine) => [
    `### ${engine}`,
    '',
    engineTable(
      rows.filter((r) => r.engine === engine),
      s,
    ),
    '',
  ]);
  const setupLines = setups.map(
    (x) =>
      `- ${x.label}: ${x.customers.toLocaleString('en')} customers (${x.staffRows.toLocaleString('en')} staff rows, ` +
      `${x.volume.owners} owners); migrate + seed ${seconds(x.prepareMs)} s, bench users ${seconds(x.usersMs)} s, ` +
      `customers inserted ${seconds(x.volume.insertMs)} s, indexes built ${seconds(x.volume.indexMs)} s, ` +
      `VACUUM ANALYZE ${seconds(x.volume.vacuumMs)} s`,
  );
  return [
    '## Customers: list, search and filters at volume',
    '',
    measuredLine(),
    '',
    `- **Data:** the demo organisation plus ${s.users} bench users (teams of about 20 under team leads), then a generated ` +
      'customer archive (`bench/customers-volume.ts`): 83 % companies named city + brand + industry + suffix + branch ' +
      'number, 17 % persons; landline or mobile numbers, e-mail for 45 %; 37 cities in 30 provinces, skewed (上海 ~12 %); ' +
      'grades A 10 % / B 25 % / C 35 % / D 20 % / none 10 %, every A a key customer with a backup on its staff; ' +
      'categories skewed; owners spread evenly over the active agents, callback specialists and field engineers; ' +
      'custom field `industry` on ~35 % of the companies. Loaded with INSERT … SELECT FROM generate_series in chunks ' +
      'of 100,000, secondary indexes built afterwards, then `VACUUM ANALYZE`.',
    '- **Server:** `buildApp` as in production (logging off, jobs off), on 127.0.0.1, session cookie auth. Each ' +
      'response carries the page and `total`, counted up to 10,001 rows (`> 10,000` with `totalExact: false` beyond).',
    '- **Client:** autocannon in a separate process on the same machine, keep-alive connections; every latency is ' +
      'the time from sending a request to its whole response, percentiles over every response of the run. Three ' +
      'runs per request, after one request that checks the answer:',
    `  - **1 conn.:** ${s.sequentialRequests} requests one after the other on one connection (after 1 s of warm-up): ` +
      "the latency of one user's request, nothing queued.",
    `  - **${s.cores} conn.:** ${s.sequentialRequests * s.cores} requests over ${s.cores} connections, one per core.`,
    `  - **${s.connections} conn.:** ${s.warmupSeconds} s warm-up, then ${s.seconds} s at ${s.connections} ` +
      `connections: the capacity of ${s.cores} vCPU. Each connection sends its next request as soon as the last ` +
      `is answered, so ${s.connections} requests are always in the server and a response waits for the others: ` +
      `p50 ≈ ${s.connections} ÷ req/s (Little's law). These percentiles measure throughput, not the latency of a ` +
      'request; PGlite runs every query on the one Node thread, so there the requests queue one behind the other.',
    `- **Target** (issue "Customer archive"): p95 < ${s.targetP95Ms} ms for a filtered first page, judged on the ` +
      `**1 conn. p95** (✓ / ✗ against the filtered requests). The ${s.connections}-connection figures stay in the ` +
      `table as what ${s.cores} vCPU serve under load. Target ${verdict}`,
    ...loadNote(s.loadSamples),
    '',
    ...tables,
    'Setup per engine:',
    '',
    ...setupLines,
    '',
    `The whole run took ${Math.round(s.wallSeconds)} s.`,
  ].join('\n');
}
