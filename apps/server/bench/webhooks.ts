import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { buildApp } from '../src/app.js';
import { prepareDatabase } from '../src/db/bootstrap.js';
import { recordEvent } from '../src/events/outbox.js';
import { openEngine } from './engines.js';
import { loadNote, markdownTable, measuredLine, writeSection } from './report.js';

/**
 * Outbound webhooks end to end on PostgreSQL (`npm run bench -- webhooks [--write]`, section
 * `webhooks` of docs/benchmarks.md): the app as in production (outbox dispatcher, fan-out
 * listener, deliverer) on a migrated database, BENCH_WEBHOOKS_SUBSCRIPTIONS subscriptions (default
 * 1) to `customer.created` pointing at a local node:http receiver, and BENCH_WEBHOOKS_EVENTS
 * events (default 10,000) recorded at BENCH_WEBHOOKS_RATE per second (default 100), each in its
 * own committed transaction (`recordEvent`, as a use case records it). Latency: from the event's
 * commit (the recording transaction resolved) to the receiver having read the whole signed
 * message, on the same clock (the receiver runs in the benchmark's process). Every message must
 * arrive exactly once and verify; target (issue 13): p95 < 1 s at 100 events/s.
 */

const EVENTS = Number(process.env.BENCH_WEBHOOKS_EVENTS ?? 10_000);
const RATE = Number(process.env.BENCH_WEBHOOKS_RATE ?? 100);
const SUBSCRIPTIONS = Number(process.env.BENCH_WEBHOOKS_SUBSCRIPTIONS ?? 1);
const log = (message: string) => process.stderr.write(`[bench:webhooks] ${message}\n`);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Receiver = { url: string; arrivals: Map<string, number[]>; close(): Promise<void> };

async function startReceiver(): Promise<Receiver> {
  const arrivals = new Map<string, number[]>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const at = performance.now();
      const key = `${request.url}|${JSON.parse(Buffer.concat(chunks).toString('utf8')).data.id}`;
      arrivals.set(key, [...(arrivals.get(key) ?? []), at]);
      response.writeHead(204);
      response.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function benchWebhooks({ write }: { write: boolean }): Promise<void> {
  const load = [os.loadavg()[0] ?? 0];
  const engine = await openEngine('postgres');
  const receiver = await startReceiver();
  const logger = pino({ level: 'silent' });
  try {
    const config = {
      ...engine.config,
      seedDemo: false,
      outbound: { allowPrivate: true },
    };
    const { database } = engine;
    await prepareDatabase(database, config, logger);
    const app = await buildApp(config, { database });
    await app.ready();
    const admin = await database.db.execute<{ id: string }>(sql`SELECT id FROM users WHERE username = 'admin'`);
    const ownerId = admin.rows[0]?.id;
    if (!ownerId) throw new Error('no admin');
    const paths: string[] = [];
    for (let i = 0; i < SUBSCRIPTIONS; i += 1) {
      paths.push(`/hook-${i}`);
      await database.db.execute(sql`
        INSERT INTO webhook_subscriptions (url, events, secret, owner_id)
        VALUES (${`${receiver.url}/hook-${i}`}, ARRAY['customer.created'],
                ${'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'}, ${ownerId}::uuid)`);
    }

    log(`${EVENTS} events at ${RATE}/s to ${SUBSCRIPTIONS} subscription(s)`);
    const committed = new Map<string, number>();
    const pending: Promise<void>[] = [];
    const start = performance.now();
    for (let i = 0; i < EVENTS; i += 1) {
      const due = start + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const customerId = randomUUID();
      pending.push(
        recordEvent(database.db, 'customer.created', { customerId }).then(() => {
          committed.set(customerId, performance.now());
        }),
      );
      if (i % 1000 === 999) {
        log(`${i + 1} recorded, ${[...receiver.arrivals.values()].length} received`);
        load.push(os.loadavg()[0] ?? 0);
      }
    }
    await Promise.all(pending);
    const recordedAt = performance.now();
    const expected = EVENTS * SUBSCRIPTIONS;
    const deadline = Date.now() + 120_000;
    while (receiver.arrivals.size < expected && Date.now() < deadline) await sleep(50);
    const finished = Math.max(...[...receiver.arrivals.values()].map((a) => a[0] ?? 0));
    load.push(os.loadavg()[0] ?? 0);

    const latencies: number[] = [];
    let duplicates = 0;
    let missing = 0;
    for (const [customerId, at] of committed) {
      for (const path of paths) {
        const arrivals = receiver.arrivals.get(`${path}|${customerId}`);
        if (!arrivals?.[0]) {
          missing += 1;
          continue;
        }
        duplicates += arrivals.length - 1;
        latencies.push(arrivals[0] - at);
      }
    }
    const attempts = await database.db.execute<{ status: string; n: number; retried: number }>(sql`
      SELECT status, count(*)::int AS n, count(*) FILTER (WHERE attempts > 1)::int AS retried
      FROM webhook_deliveries GROUP BY status`);
    const stages = await database.db.execute<{
      fan_out_p50: number;
      fan_out_p95: number;
      send_p50: number;
      send_p95: number;
    }>(sql`
      SELECT
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - e.created_at)) * 1000 AS fan_out_p50,
        percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - e.created_at)) * 1000 AS fan_out_p95,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.delivered_at - d.created_at)) * 1000 AS send_p50,
        percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM d.delivered_at - d.created_at)) * 1000 AS send_p95
      FROM webhook_deliveries d JOIN outbox_events e ON e.id = d.event_id::bigint`);
    const stage = stages.rows[0];
    await app.close();

    const sorted = latencies.sort((a, b) => a - b);
    const ms = (v: number) => v.toFixed(0);
    const seconds = (finished - start) / 1000;
    const throughput = latencies.length / seconds;
    log(
      `fan-out p50 ${ms(Number(stage?.fan_out_p50))} p95 ${ms(Number(stage?.fan_out_p95))}; send p50 ${ms(Number(stage?.send_p50))} p95 ${ms(Number(stage?.send_p95))}`,
    );
    log(
      `delivered ${latencies.length}/${expected} (missing ${missing}, duplicates ${duplicates}); ` +
        `p50 ${ms(percentile(sorted, 0.5))} ms, p95 ${ms(percentile(sorted, 0.95))} ms; ${throughput.toFixed(1)}/s`,
    );
    const markdown = [
      '## Webhooks: signed deliveries from event commit to receipt',
      '',
      measuredLine(),
      '',
      `- ${engine.label}; the app as in production (outbox dispatcher → fan-out listener → deliverer, one instance), ${SUBSCRIPTIONS} subscription(s) to \`customer.created\` at a local node:http receiver (same process, answers 204).`,
      `- ${EVENTS.toLocaleString('en-US')} events recorded at ${RATE}/s, each in its own committed transaction; latency from the commit to the receiver having read the signed message. Target (issue 13): p95 < 1 s at 100 events/s.`,
      `- Where the time goes (database clock): event row → message queued (fan-out) p50 ${ms(Number(stage?.fan_out_p50))} ms, p95 ${ms(Number(stage?.fan_out_p95))} ms; queued → delivered p50 ${ms(Number(stage?.send_p50))} ms, p95 ${ms(Number(stage?.send_p95))} ms.`,
      `- Recording took ${((recordedAt - start) / 1000).toFixed(1)} s; the last message arrived ${((finished - recordedAt) / 1000).toFixed(2)} s after the last commit. Deliveries: ${attempts.rows.map((r) => `${r.n} ${r.status} (${r.retried} retried)`).join(', ')}; missing ${missing}, duplicates ${duplicates}.`,
      `- Target p95 < 1 s: ${percentile(sorted, 0.95) < 1000 ? 'met' : 'not met in this run'}. Both stages share the database and one Node process with the benchmark's own writes and the receiver; each message is one HTTP request plus one statement (its record overlaps the next request), and a subscription's messages go one at a time (in order), so one subscription's ceiling is about 1 / (request + statement).`,
      ...loadNote(load),
      '',
      markdownTable(
        ['messages', 'throughput (msg/s)', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)', 'max (ms)'],
        [
          [
            latencies.length.toLocaleString('en-US'),
            throughput.toFixed(1),
            ms(percentile(sorted, 0.5)),
            ms(percentile(sorted, 0.95)),
            ms(percentile(sorted, 0.99)),
            ms(sorted[sorted.length - 1] ?? 0),
          ],
        ],
        ['r', 'r', 'r', 'r', 'r', 'r'],
      ),
    ].join('\n');
    process.stdout.write(`${markdown}\n`);
    if (write) writeSection('webhooks', markdown);
    if (missing > 0 || duplicates > 0) throw new Error(`${missing} missing, ${duplicates} duplicate messages`);
  } finally {
    await receiver.close();
    await engine.close();
  }
}
