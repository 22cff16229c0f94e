import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Arbitrary constant shared by every Kefu instance: "kefu" in ASCII. */
const MIGRATION_LOCK_KEY = 0x6b656675;

/**
 * Applies pending migrations under a session-level advisory lock held on one connection, so that
 * several instances starting together migrate once: the first holds the lock, the others wait and
 * then find nothing left to do. drizzle applies all pending migrations in one transaction.
 */
export async function runMigrations(database: Database): Promise<{ applied: number }> {
  let before = 0;
  await database.withSession(async (db) => {
    await db.execute(sql`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      // Counted under the lock: read before it, an instance that waited would count the
      // migrations another instance applied meanwhile as its own.
      before = await countApplied(database);
      if (database.kind === 'pglite') {
        await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
      } else {
        await migratePg(db, { migrationsFolder: MIGRATIONS_FOLDER });
      }
    } finally {
      await db.execute(sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
  const after = await countApplied(database);
  return { applied: after - before };
}

export function journalEntries(): { tag: string }[] {
  const journal = JSON.parse(fs.readFileSync(`${MIGRATIONS_FOLDER}/meta/_journal.json`, 'utf8')) as {
    entries: { tag: string }[];
  };
  return journal.entries;
}

export async function countApplied(database: Database): Promise<number> {
  const exists = await database.executeSql(
    "SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present",
    [],
  );
  if (!exists.rows[0]?.present) return 0;
  const result = await database.executeSql('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations', []);
  return Number(result.rows[0]?.n ?? 0);
}

export async function migrationState(database: Database) {
  const known = journalEntries();
  const applied = await countApplied(database);
  return { applied, known: known.length, latest: known.at(-1)?.tag ?? null, pending: known.length - applied };
}
