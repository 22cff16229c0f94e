import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DB, type TestApp } from '../../../test/helpers.js';
import { analyzeDatabase } from './maintenance.jobs.js';

/** A table with dead rows and no all-visible page; autovacuum off so only the job can vacuum it. */
async function prepareTable(t: TestApp, table: string): Promise<void> {
  await t.database.executeSql(
    `CREATE TABLE ${table} (id int PRIMARY KEY, v text NOT NULL) WITH (autovacuum_enabled = false)`,
  );
  await t.database.executeSql(`INSERT INTO ${table} SELECT g, 'row ' || g FROM generate_series(1, 2000) g`);
  await t.database.executeSql(`DELETE FROM ${table} WHERE id % 2 = 0`);
}

type TableState = { relpages: number; relallvisible: number; vacuumCount: number; heapFetches: number };

async function tableState(t: TestApp, table: string): Promise<TableState> {
  const { rows } = await t.database.executeSql(
    `SELECT c.relpages, c.relallvisible, coalesce(s.vacuum_count, 0)::int AS vacuum_count
       FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = $1`,
    [table],
  );
  // The capped list counts are index-only scans: rows on pages not marked all-visible are fetched
  // from the heap again ("Heap Fetches").
  const plan = await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_seqscan = off`);
    await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
    const explain = sql.raw(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT count(*) FROM ${table} WHERE id > 0`);
    return (await tx.execute(explain)).rows.map((r) => String(r['QUERY PLAN'])).join('\n');
  });
  const row = rows[0] as { relpages: number; relallvisible: number; vacuum_count: number };
  return {
    relpages: row.relpages,
    relallvisible: row.relallvisible,
    vacuumCount: row.vacuum_count,
    heapFetches: Number(/Heap Fetches: (\d+)/.exec(plan)?.[1] ?? Number.NaN),
  };
}

async function waitForCompletion(t: TestApp, jobId: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { rows } = await t.database.executeSql('SELECT state FROM pgboss.job WHERE id = $1', [jobId]);
    const state = rows[0]?.state;
    if (state === 'completed') return;
    if (state === 'failed' || Date.now() > deadline) throw new Error(`job ${jobId} ended as ${String(state)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('maintenance: the nightly vacuum job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { jobs: { enabled: true, pollingIntervalSeconds: 0.5 } } });
  });
  afterAll(async () => t?.close());

  it('runs outside a transaction through the job runner: VACUUM on PGlite, nothing on PostgreSQL', async () => {
    await prepareTable(t, 'mt_vacuum_runner');
    const before = await tableState(t, 'mt_vacuum_runner');
    expect(before).toMatchObject({ relallvisible: 0, vacuumCount: 0 });
    expect(before.heapFetches).toBeGreaterThanOrEqual(1000);

    const jobId = await t.app.deps.jobs.send('maintenance.analyze', {});
    expect(jobId).toBeTruthy();
    await waitForCompletion(t, jobId as string);
    // No transaction, hence no exactly-once marker.
    const markers = await t.database.executeSql('SELECT count(*)::int AS n FROM job_runs WHERE job_id = $1', [jobId]);
    expect(markers.rows[0]?.n).toBe(0);

    const after = await tableState(t, 'mt_vacuum_runner');
    if (TEST_DB === 'pglite') {
      // Every page all-visible (the visibility map is set), counted by index alone.
      expect(after.relpages).toBeGreaterThan(0);
      expect(after).toMatchObject({ relallvisible: after.relpages, vacuumCount: 1, heapFetches: 0 });
    } else {
      // PostgreSQL: left to autovacuum (off for this table), so the table is as it was.
      expect(after).toMatchObject({ relallvisible: 0, vacuumCount: 0 });
    }
  });

  it.runIf(TEST_DB === 'pglite')('waits for a transaction open on the shared PGlite connection', async () => {
    await prepareTable(t, 'mt_vacuum_wait');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inside!: () => void;
    const opened = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const open = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO mt_vacuum_wait VALUES (5000, 'in the open transaction')`);
      inside();
      await gate;
    });
    await opened;
    let vacuumed = false;
    const job = analyzeDatabase
      .handler({ data: {}, jobId: '00000000-0000-4000-8000-00000000ac01', deps: t.app.deps })
      .then(() => {
        vacuumed = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(vacuumed).toBe(false); // queued behind the transaction, not run inside it
    release();
    await open;
    await job;
    const after = await tableState(t, 'mt_vacuum_wait');
    expect(after).toMatchObject({ relallvisible: after.relpages, vacuumCount: 1, heapFetches: 0 });
    const { rows } = await t.database.executeSql('SELECT count(*)::int AS n FROM mt_vacuum_wait');
    expect(rows[0]?.n).toBe(1001);
  });
});
