import autocannon from 'autocannon';
import type { LoadgenMessage, LoadOptions, LoadResult } from './http.js';

/**
 * The load generator, run by `http.ts` in a child process so that autocannon and the server under
 * test do not share one event loop (PGlite runs on the server's main thread). Receives one
 * `LoadOptions`, answers one `LoadgenMessage`, exits.
 */

/** One autocannon run: for `seconds`, or for `requests` requests when given. */
function fire(
  options: LoadOptions,
  seconds: number,
  latencies: number[] | null,
  requests?: number,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        headers: options.headers,
        connections: options.connections,
        ...(requests ? { amount: requests } : { duration: seconds }),
        timeout: 10,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (latencies) {
      // Raw response times (ms, sub-millisecond resolution); autocannon's histogram rounds to whole
      // milliseconds and has no p95.
      instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    }
  });
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

async function measure(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await fire(options, options.warmupSeconds, null);
  const latencies: number[] = [];
  const result = await fire(options, options.seconds, latencies, options.requests);
  const sorted = Float64Array.from(latencies).sort();
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats.count ?? 0;
  return {
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
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

function reply(message: LoadgenMessage): void {
  process.send?.(message, () => process.disconnect());
}

if (!process.send) {
  console.error('bench/loadgen.ts is started by bench/http.ts (child process with an IPC channel)');
  process.exit(2);
}
// Never outlive the benchmark: a parent that goes away takes the load generator with it.
process.on('disconnect', () => process.exit(0));
process.once('message', (options: LoadOptions) => {
  measure(options).then(
    (result) => reply({ ok: true, result }),
    (error: unknown) =>
      reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
