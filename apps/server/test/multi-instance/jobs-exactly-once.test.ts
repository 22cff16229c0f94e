import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/config.js';
import { OutboxDispatcher } from '../../src/events/dispatcher.js';
import { JobRunner } from '../../src/jobs/runner.js';
import type { Deps } from '../../src/lib/deps.js';
import { createFileStore } from '../../src/lib/file-store/index.js';
import { openTestDatabase, TEST_DB, type TestDatabase, testConfig } from '../helpers.js';
import { CREATE_EFFECTS_TABLE, RECORD_KEY_JOB, recordKeyJob } from './fixtures/test-jobs.js';
import { type Child, spawnFixture, waitFor } from './support.js';

/*
 * Why this is exactly-once and not merely at-least-once: pg-boss hands a job to one worker
 * (FOR UPDATE SKIP LOCKED) and, when that worker dies, fails the still-active job by timeout so
 * that another worker runs it again — at-least-once delivery. The JobRunner makes the *effects*
 * exactly-once: it inserts the job's `job_runs` marker (primary key = job id) in the same
 * transaction as the handler's writes. A worker killed before its commit loses marker and effects
 * together (the retry starts clean); a worker killed after its commit but before pg-boss marked
 * the job completed leaves the marker, so the redelivery finds it and does nothing.
 */

const silent = pino({ level: 'silent' });

async function effectCounts(database: TestDatabase) {
  const { rows } = await database.executeSql(
    'SELECT count(*)::int AS total, count(DISTINCT job_key)::int AS distinct_keys FROM mi_job_effects',
    [],
  );
  return rows[0] as { total: number; distinct_keys: number };
}

async function jobStates(database: TestDatabase) {
  const { rows } = await database.executeSql(
    `SELECT count(*) FILTER (WHERE state = 'completed')::int AS completed,
            count(*) FILTER (WHERE retry_count > 0)::int AS retried,
            count(*)::int AS total
       FROM pgboss.job WHERE name = $1`,
    [RECORD_KEY_JOB],
  );
  return rows[0] as { completed: number; retried: number; total: number };
}

async function sendAll(runner: JobRunner, count: number): Promise<void> {
  const keys = Array.from({ length: count }, (_, i) => `key-${i}`);
  for (let i = 0; i < keys.length; i += 50) {
    await Promise.all(keys.slice(i, i + 50).map((key) => runner.send(RECORD_KEY_JOB, { key }, { id: randomUUID() })));
  }
}

function runnerFor(database: TestDatabase, config: Config, worker: string, batchSize: number) {
  const jobs = new JobRunner({
    database,
    config,
    logger: silent,
    definitions: [recordKeyJob(worker, { batchSize })],
  });
  const outbox = new OutboxDispatcher({ database, config, logger: silent });
  const deps: Deps = {
    config,
    database,
    outbox,
    jobs,
    files: createFileStore(config.files.store, database),
    channels: new Map(),
  };
  return { jobs, deps };
}

describe.runIf(TEST_DB === 'postgres')('jobs across two worker processes (PostgreSQL)', () => {
  const JOBS = 1000;
  let database: TestDatabase;
  let producer: JobRunner | undefined;
  const workers: Child[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.executeSql(CREATE_EFFECTS_TABLE, []);
  });

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    await producer?.stop();
    await database?.drop();
  });

  it('runs 1,000 jobs exactly once although one worker is SIGKILLed midway', { timeout: 90_000 }, async () => {
    const url = database.url as string;
    const config = {
      ...testConfig({ jobs: { enabled: false, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 } }),
      database: { kind: 'postgres' as const, url },
    };
    // The producer creates pg-boss's schema and the queue, and only sends (no workers).
    const { jobs, deps } = runnerFor(database, config, 'producer', 1);
    producer = jobs;
    await jobs.start(deps, { workers: false });
    await sendAll(jobs, JOBS);
    expect((await jobStates(database)).total).toBe(JOBS);

    const env = { DATABASE_URL: url, JOB_DELAY_MS: '2', JOB_BATCH_SIZE: '20' };
    const a = spawnFixture('job-worker.ts', { ...env, WORKER_NAME: 'worker-a' });
    const b = spawnFixture('job-worker.ts', { ...env, WORKER_NAME: 'worker-b' });
    workers.push(a, b);
    const t0 = Date.now();
    await Promise.all([a.waitForOutput(/ready/), b.waitForOutput(/ready/)]);
    const readyMs = Date.now() - t0;

    // Kill A once ~300 jobs are done, at a moment when A is inside a job's open transaction (its
    // connection "idle in transaction" while the handler lingers) and has committed other jobs of
    // its batch that pg-boss does not know as completed yet. So the kill leaves both cases behind:
    // effects that roll back, and effects committed but due for redelivery.
    await waitFor(
      '300 completions with worker A in the middle of a batch',
      async () => {
        const { rows } = await database.executeSql(
          `SELECT (SELECT count(*)::int FROM mi_job_effects) AS done,
                  (SELECT count(*)::int FROM pg_stat_activity
                    WHERE application_name = 'worker-a' AND state = 'idle in transaction') AS a_in_job,
                  (SELECT count(*)::int FROM mi_job_effects e JOIN pgboss.job j ON j.data->>'key' = e.job_key
                    WHERE j.name = $1 AND j.state = 'active' AND e.worker = 'worker-a') AS a_committed_active`,
          [RECORD_KEY_JOB],
        );
        const r = rows[0] as { done: number; a_in_job: number; a_committed_active: number };
        return r.done >= 300 && r.a_in_job > 0 && r.a_committed_active > 0;
      },
      { timeoutMs: 45_000, intervalMs: 20 },
    );
    a.process.kill('SIGKILL');
    await a.exited;
    const killedAt = Date.now();
    const firstPhaseMs = killedAt - t0 - readyMs;

    // The server notices the dead connections and rolls back A's open transaction.
    await waitFor('worker A connections to go away', async () => {
      const { rows } = await database.executeSql(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'worker-a'",
        [],
      );
      return rows[0]?.n === 0;
    });
    const { rows: byA } = await database.executeSql(
      "SELECT count(*)::int AS n FROM mi_job_effects WHERE worker = 'worker-a'",
      [],
    );
    const doneByA = byA[0]?.n as number;

    // B finishes everything, including A's in-flight jobs: B's sweeper sees that A's process is
    // gone (or pg-boss's expiry, 3 s, comes first) and they are retried or, done, completed.
    await waitFor('all jobs completed', async () => (await jobStates(database)).completed === JOBS, {
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    const recoveryMs = Date.now() - killedAt;

    const counts = await effectCounts(database);
    expect(counts).toEqual({ total: JOBS, distinct_keys: JOBS });
    const { rows: markers } = await database.executeSql('SELECT count(*)::int AS n FROM job_runs WHERE name = $1', [
      RECORD_KEY_JOB,
    ]);
    expect(markers[0]?.n).toBe(JOBS);
    // Both workers did part of the work; A's committed effects are final, the rest is B's.
    expect(doneByA).toBeGreaterThan(0);
    const { rows: afterKill } = await database.executeSql(
      "SELECT count(*)::int AS n FROM mi_job_effects WHERE worker = 'worker-a'",
      [],
    );
    expect(afterKill[0]?.n).toBe(doneByA);
    // A's in-flight jobs were redelivered (pg-boss counted a retry), among them jobs whose effects
    // A had committed: their redelivery — or B's sweeper, which completes such a job at once —
    // found the job_runs marker and did nothing.
    expect((await jobStates(database)).retried).toBeGreaterThan(0);
    const { rows: deduplicated } = await database.executeSql(
      `SELECT count(*)::int AS n FROM mi_job_effects e JOIN pgboss.job j ON j.data->>'key' = e.job_key
        WHERE j.name = $1 AND (j.retry_count > 0 OR j.output ? 'recovered') AND e.worker = 'worker-a'`,
      [RECORD_KEY_JOB],
    );
    expect(deduplicated[0]?.n).toBeGreaterThan(0);
    expect(b.running).toBe(true);
    console.log(
      `[multi-instance] workers ready in ${readyMs} ms; SIGKILL of A after ${firstPhaseMs} ms (A did ${doneByA}, ${deduplicated[0]?.n} of them redelivered and skipped); B finished ${recoveryMs} ms later`,
    );
  });
});

describe.runIf(TEST_DB === 'pglite')('jobs in-process on PGlite', () => {
  let database: TestDatabase;
  const runners: JobRunner[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.executeSql(CREATE_EFFECTS_TABLE, []);
  });
  afterAll(async () => {
    for (const runner of runners) await runner.stop();
    await database?.drop();
  });

  it('runs 200 jobs exactly once with two runners on one PGlite', async () => {
    const config = testConfig();
    const first = runnerFor(database, config, 'runner-1', 10);
    const second = runnerFor(database, config, 'runner-2', 10);
    runners.push(first.jobs, second.jobs);
    await first.jobs.start(first.deps);
    await second.jobs.start(second.deps);
    await sendAll(first.jobs, 200);

    await waitFor('200 jobs completed', async () => (await jobStates(database)).completed === 200, {
      timeoutMs: 30_000,
      intervalMs: 100,
    });
    expect(await effectCounts(database)).toEqual({ total: 200, distinct_keys: 200 });
    const { rows } = await database.executeSql('SELECT count(*)::int AS n FROM job_runs WHERE name = $1', [
      RECORD_KEY_JOB,
    ]);
    expect(rows[0]?.n).toBe(200);
  });
});
