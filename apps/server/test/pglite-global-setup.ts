import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { ensureRoles } from '../src/db/seed/base.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
  }
}

/**
 * Migrates one in-memory PGlite database for the run and writes its data directory to a file; each
 * test file starts its own database from that dump (test/helpers.ts `openTestDatabase`), which
 * skips PGlite's initdb and the migrations — the bulk of a test file's set-up time.
 */
export default async function setup(project: TestProject) {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await runMigrations(database);
  await ensureRoles(database.db);
  const dump = await database.dumpDataDir?.();
  await database.close();
  if (!dump) throw new Error('PGlite gave no dump of its data directory');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kefu-pglite-'));
  const file = path.join(dir, 'migrated.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
