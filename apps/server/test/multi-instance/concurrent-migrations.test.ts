import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { journalEntries } from '../../src/db/migrate.js';
import { TEST_DB } from '../helpers.js';
import { type Child, createEmptyDatabase, spawnFixture } from './support.js';

describe.runIf(TEST_DB === 'postgres')('concurrent migrations (PostgreSQL)', () => {
  const children: Child[] = [];
  let drop: (() => Promise<void>) | undefined;

  afterAll(async () => {
    await Promise.all(children.map((c) => c.kill('SIGKILL')));
    await drop?.();
  });

  it('three processes preparing one empty database at once apply each migration once and seed once', {
    timeout: 180_000,
  }, async () => {
    // A brand-new database (not a clone of the migrated template): no drizzle schema, no tables.
    const fresh = await createEmptyDatabase(inject('postgresUrl'), 'kefu_mig');
    drop = fresh.drop;

    for (let i = 0; i < 3; i++) children.push(spawnFixture('migrate.ts', { DATABASE_URL: fresh.url }));
    const results = await Promise.all(children.map((c) => c.exited));
    for (const [i, result] of results.entries()) {
      expect(result, `process ${i} stderr: ${children[i]?.stderr}`).toEqual({ code: 0, signal: null });
    }

    const journal = journalEntries();
    // Exactly one process found the migrations pending; the others waited on the advisory lock
    // and then found nothing to do.
    const applied = children.map((c) => (JSON.parse(c.stdout.trim()) as { applied: number }).applied).sort();
    expect(applied).toEqual([0, 0, journal.length]);

    const client = new pg.Client({ connectionString: fresh.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT count(*)::int AS total, count(DISTINCT hash)::int AS distinct_hashes FROM drizzle.__drizzle_migrations',
      );
      expect(rows[0]).toEqual({ total: journal.length, distinct_hashes: journal.length });
      // The schema is whole: the last migration's objects exist.
      const tables = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.rows[0].n).toBeGreaterThan(0);
      // One admin and each seed once, although all three started on a database without them.
      const admins = await client.query("SELECT count(*)::int AS n FROM users WHERE username = 'admin'");
      expect(admins.rows[0].n).toBe(1);
      const seeds = await client.query('SELECT count(*)::int AS n, count(DISTINCT name)::int AS d FROM seed_runs');
      expect(seeds.rows[0].n).toBe(seeds.rows[0].d);
    } finally {
      await client.end();
    }
  });
});
