import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config/config.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { ensureAdmin, ensureRoles } from '../src/db/seed/base.js';
import type { JobDefinition } from '../src/jobs/definition.js';
import type { ChannelAdapter } from '../src/lib/channel-adapter.js';

export const TEST_DB = (process.env.KEFU_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
export const ADMIN_PASSWORD = 'Admin12345';

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', KEFU_ADMIN_PASSWORD: ADMIN_PASSWORD });
  const outbox = { ...base.outbox, pollingIntervalMs: 200, coalesceMs: 10, retryBaseMs: 10, retryMaxMs: 100 };
  const outbound = { allowPrivate: true };
  return { ...base, jobs: { enabled: false, pollingIntervalSeconds: 0.5 }, outbox, outbound, ...overrides };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export type TestDatabase = Database & { url: string | null; drop(): Promise<void> };

/**
 * A fresh, migrated database for one test file: an in-memory PGlite started from the migrated dump
 * made by the global setup, or on PostgreSQL a new database cloned from the migrated template made
 * by its global setup. (Without a dump — a file run outside the pglite project — it migrates itself.)
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB === 'pglite') {
    const dump = inject('pgliteDump');
    const loadDataDir = dump ? new Blob([fs.readFileSync(dump)]) : undefined;
    const database = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir });
    // A no-op on the dump (every migration is recorded); the whole work without one.
    await runMigrations(database);
    await ensureRoles(database.db);
    return { ...database, url: null, drop: () => database.close() };
  }
  const serverUrl = inject('postgresUrl');
  const name = `kefu_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE kefu_template`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
  return {
    ...database,
    url,
    async drop() {
      await database.close();
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  /** Signs in and returns a client that sends the session cookie and CSRF header. */
  signIn(username: string, password?: string): Promise<Session>;
  close(): Promise<void>;
};

export async function createTestApp(
  options: { config?: Partial<Config>; jobs?: JobDefinition[]; channels?: ChannelAdapter[] } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  await ensureAdmin(database.db, ADMIN_PASSWORD);
  let config = testConfig(options.config);
  if (database.url) {
    // As in production with DATABASE_URL: files in PostgreSQL unless the test chose a store.
    config = { ...config, database: { kind: 'postgres', url: database.url } };
    if (!options.config?.files) config = { ...config, files: postgresFiles() };
  }
  const app = await buildApp(config, { database, jobs: options.jobs, channels: options.channels });
  await app.ready();
  return {
    app,
    database,
    config,
    signIn: (username, password = username === 'admin' ? ADMIN_PASSWORD : 'Passw0rd!') =>
      Session.signIn(app, username, password),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * The default file store of the database under test — a directory on PGlite, PostgreSQL itself on
 * postgres — with this instance's local files (spool, directory store) under `dir`.
 */
export function testFiles(dir: string): Config['files'] {
  const spoolDir = path.join(dir, '.tmp');
  return TEST_DB === 'postgres'
    ? { store: { kind: 'database' }, spoolDir }
    : { store: { kind: 'directory', dir }, spoolDir };
}

/** The file store configuration a PostgreSQL deployment gets by default (`database`). */
export function postgresFiles(): Config['files'] {
  return {
    store: { kind: 'database' },
    spoolDir: loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://x/y' }).files.spoolDir,
  };
}

type Body = Record<string, unknown> | unknown[] | string | undefined;

export class Session {
  private constructor(
    private readonly app: FastifyInstance,
    readonly cookies: Record<string, string>,
    readonly userId: string,
  ) {}

  static async signIn(app: FastifyInstance, username: string, password: string): Promise<Session> {
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (response.statusCode !== 200)
      throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
    const cookies = Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
    return new Session(app, cookies, response.json().user.id);
  }

  inject(method: InjectOptions['method'], url: string, body?: Body, headers: Record<string, string> = {}) {
    return this.app.inject({
      method,
      url,
      cookies: this.cookies,
      headers: { 'x-csrf-token': this.cookies.kefu_csrf ?? '', ...headers },
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
    }) as Promise<LightMyRequestResponse>;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.inject('GET', url, undefined, headers);
  }
  post(url: string, body?: Body, headers?: Record<string, string>) {
    return this.inject('POST', url, body, headers);
  }
  patch(url: string, body?: Body, headers?: Record<string, string>) {
    return this.inject('PATCH', url, body, headers);
  }
  put(url: string, body?: Body, headers?: Record<string, string>) {
    return this.inject('PUT', url, body, headers);
  }
  delete(url: string, headers?: Record<string, string>) {
    return this.inject('DELETE', url, undefined, headers);
  }
}
