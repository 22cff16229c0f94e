import autocannon from 'autocannon';
import type { LoadResult } from './http.js';

/**
 * The POST load generator of the ticket-creation benchmark (tickets-create.ts), run in a child
 * process like loadgen.ts so that autocannon does not share the server's event loop. Receives one
 * `PostLoadOptions`: a fixed list of requests, each with its own body and session cookie, sent once
 * each over `connections` keep-alive connections (after the warm-up list); answers one
 * `PostLoadMessage` and exits.
 */

/** One request: the session's cookies, its CSRF token (double submit) and the JSON body. */
export type PostRequest = { cookie: string; csrf: string; body: string };
export type PostLoadOptions = {
  url: string;
  connections: number;
  /** The measured requests, each sent once. */
  requests: PostRequest[];
  /** Sent first and not measured (JIT, caches, pool). */
  warmup: PostRequest[];
};
export type PostLoadMessage = { ok: true; result: LoadResult } | { ok: false; error: string };

function fire(options: PostLoadOptions, items: PostRequest[], latencies: number[] | null) {
  let next = 0;
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        amount: items.length,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const item = items[next % items.length] as PostRequest;
              next += 1;
              return {
                ...request,
                method: 'POST',
                body: item.body,
                headers: {
                  ...request.headers,
                  'content-type': 'application/json',
                  'accept-language': 'zh-CN',
                  cookie: item.cookie,
                  'x-csrf-token': item.csrf,
                },
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (latencies) instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

async function measure(options: PostLoadOptions): Promise<LoadResult> {
  if (options.warmup.length > 0) await fire(options, options.warmup, null);
  const latencies: number[] = [];
  const started = performance.now();
  const result = await fire(options, options.requests, latencies);
  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats.count ?? 0;
  return {
    requests: result.requests.total,
    seconds,
    requestsPerSecond: result.requests.total / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? (sorted[sorted.length - 1] as number) : Number.NaN,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}

function reply(message: PostLoadMessage): void {
  process.send?.(message, () => process.disconnect());
}

if (!process.send) {
  console.error('bench/tickets-loadgen.ts is started by bench/tickets-create.ts (child process with an IPC channel)');
  process.exit(2);
}
process.on('disconnect', () => process.exit(0));
process.once('message', (options: PostLoadOptions) => {
  measure(options).then(
    (result) => reply({ ok: true, result }),
    (error: unknown) =>
      reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
