import { fork } from 'node:child_process';

export type LoadOptions = {
  url: string;
  headers: Record<string, string>;
  connections: number;
  /** Measured duration. */
  seconds: number;
  /** Measure this many requests instead of a duration (`seconds` is then ignored). */
  requests?: number;
  /** A first run of this length whose figures are thrown away (JIT, caches, pool). */
  warmupSeconds: number;
};

export type LoadResult = {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Connection errors (including timeouts). */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
};

export type LoadgenMessage = { ok: true; result: LoadResult } | { ok: false; error: string };

/** Signs in with username and password; returns the `Cookie` header of the session. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  }
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (!cookies.some((c) => c?.startsWith('kefu_session=')))
    throw new Error(`sign-in of ${username}: no session cookie`);
  return cookies.join('; ');
}

/** One authenticated GET, checked for 200; returns the parsed body (the benchmark's sanity check). */
export async function getJson<T>(url: string, headers: Record<string, string>): Promise<T> {
  const response = await fetch(url, { headers });
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Runs autocannon against `url` for a warm-up and then a measured run, in a child process (see
 * loadgen.ts). Bounded: the child is killed if it has not answered well after the expected time.
 */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./loadgen.ts', import.meta.url), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    const finish = (error: Error | null, result?: LoadResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null && child.signalCode === null) child.kill();
      if (error) reject(error);
      else resolve(result as LoadResult);
    };
    // A counted run: a request may take up to a second before the run counts as stuck.
    const measuredMs = options.requests ? options.requests * 1000 : options.seconds * 1000;
    const limitMs = measuredMs + options.warmupSeconds * 1000 + 30_000;
    const timer = setTimeout(() => finish(new Error(`load generator did not finish within ${limitMs} ms`)), limitMs);
    child.on('message', (message: LoadgenMessage) => {
      if (message.ok) finish(null, message.result);
      else finish(new Error(`load generator failed: ${message.error}`));
    });
    child.on('error', (error) => finish(error));
    child.on('exit', (code, signal) =>
      finish(new Error(`load generator exited early (code ${code}, signal ${signal})`)),
    );
    child.send(options);
  });
}
