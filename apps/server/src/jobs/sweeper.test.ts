import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { currentProcess } from '../lib/process-liveness.js';
import { defineJob } from './definition.js';

/** Never run by a worker here (sent to start in an hour); the test makes it `active` by hand. */
const abandonedCalls: string[] = [];
const recorded = defineJob({
  name: 'test.sweep_recorded',
  schema: z.object({ key: z.string() }),
  retryLimit: 0,
  handler: async () => undefined,
  async onAbandoned({ data }) {
    abandonedCalls.push(data.key);
  },
});
const retried = defineJob({
  name: 'test.sweep_retried',
  schema: z.object({ key: z.string() }),
  retryLimit: 2,
  handler: async () => undefined,
});

/** A PID of this host that no longer runs: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

describe('jobs abandoned by a stopped worker are settled by the sweeper', () => {
  let t: TestApp;
  const me = currentProcess();

  beforeAll(async () => {
    t = await createTestApp({
      jobs: [recorded, retried],
      config: { jobs: { enabled: true, pollingIntervalSeconds: 0.5 } },
    });
  });
  afterAll(async () => t?.close());

  /** An active job started `startedSecondsAgo` ago, with a lease (owner, heartbeat age) or none. */
  async function activeJob(
    name: string,
    key: string,
    lease: { owner: object; heartbeatSecondsAgo: number } | null,
    startedSecondsAgo = 60,
  ) {
    const id = (await t.app.deps.jobs.send(name, { key }, { startAfter: new Date(Date.now() + 3_600_000) })) as string;
    await t.database.executeSql(
      `UPDATE pgboss.job SET state = 'active', started_on = now() - make_interval(secs => $2) WHERE id = $1`,
      [id, startedSecondsAgo],
    );
    if (lease) {
      await t.database.executeSql(
        `INSERT INTO job_leases (job_id, name, owner, heartbeat_at)
         VALUES ($1, $2, $3, now() - make_interval(secs => $4))`,
        [id, name, JSON.stringify(lease.owner), lease.heartbeatSecondsAgo],
      );
    }
    return id;
  }

  async function job(id: string) {
    const { rows } = await t.database.executeSql(
      'SELECT state::text AS state, output, retry_count AS "retryCount" FROM pgboss.job WHERE id = $1',
      [id],
    );
    return rows[0] as { state: string; output: { code?: string; message?: string } | null; retryCount: number };
  }

  async function marker(id: string) {
    const { rows } = await t.database.executeSql('SELECT count(*)::int AS n FROM job_runs WHERE job_id = $1', [id]);
    return rows[0]?.n as number;
  }

  it('fails at once a job whose worker process on this host is gone, calling onAbandoned once', async () => {
    const dead = { ...me, pid: deadPid(), nonce: 'dead' };
    // Heartbeat fresh: the dead PID alone is enough, no waiting for staleness.
    const id = await activeJob('test.sweep_recorded', 'dead-owner', { owner: dead, heartbeatSecondsAgo: 0 });

    await t.app.deps.jobs.sweep();
    const after = await job(id);
    expect(after.state).toBe('failed');
    expect(after.output).toMatchObject({ code: 'jobs.interrupted' });
    expect(abandonedCalls.filter((k) => k === 'dead-owner')).toHaveLength(1);
    expect(await marker(id)).toBe(1);

    await t.app.deps.jobs.sweep();
    expect(abandonedCalls.filter((k) => k === 'dead-owner')).toHaveLength(1);
    const { rows } = await t.database.executeSql('SELECT count(*)::int AS n FROM job_leases WHERE job_id = $1', [id]);
    expect(rows[0]?.n).toBe(0);
  });

  it('treats a PID reused by another process as a dead holder', async () => {
    // This process's PID, but another start time: the holder that had this PID is gone.
    const reused = { ...me, start: '1', nonce: 'reused' };
    const id = await activeJob('test.sweep_recorded', 'pid-reused', { owner: reused, heartbeatSecondsAgo: 0 });
    await t.app.deps.jobs.sweep();
    expect((await job(id)).state).toBe('failed');
    expect(abandonedCalls).toContain('pid-reused');
  });

  it('leaves alone a job whose worker is alive: this process, however old its heartbeat', async () => {
    const id = await activeJob('test.sweep_recorded', 'alive-here', { owner: me, heartbeatSecondsAgo: 600 });
    await t.app.deps.jobs.sweep();
    expect((await job(id)).state).toBe('active');
    expect(abandonedCalls).not.toContain('alive-here');
  });

  it('judges a worker on another host by its heartbeat: fresh is alive, 30 s old is gone', async () => {
    const elsewhere = { ...me, host: 'another-host.example', nonce: 'elsewhere' };
    const id = await activeJob('test.sweep_recorded', 'other-host', { owner: elsewhere, heartbeatSecondsAgo: 2 });
    await t.app.deps.jobs.sweep();
    expect((await job(id)).state).toBe('active');

    await t.database.executeSql(
      `UPDATE job_leases SET heartbeat_at = now() - interval '31 seconds' WHERE job_id = $1`,
      [id],
    );
    await t.app.deps.jobs.sweep();
    expect((await job(id)).state).toBe('failed');
    expect(abandonedCalls).toContain('other-host');
  });

  it('without a lease: gone once it started over 30 s ago, not while it may be just starting', async () => {
    const fresh = await activeJob('test.sweep_recorded', 'no-lease-fresh', null, 1);
    const old = await activeJob('test.sweep_recorded', 'no-lease-old', null, 45);
    await t.app.deps.jobs.sweep();
    expect((await job(fresh)).state).toBe('active');
    expect((await job(old)).state).toBe('failed');
  });

  it('completes, without onAbandoned, a job whose effects had committed before its worker died', async () => {
    const dead = { ...me, pid: deadPid(), nonce: 'dead-2' };
    const id = await activeJob('test.sweep_recorded', 'committed', { owner: dead, heartbeatSecondsAgo: 0 });
    await t.database.executeSql(`INSERT INTO job_runs (job_id, name) VALUES ($1, 'test.sweep_recorded')`, [id]);
    await t.app.deps.jobs.sweep();
    expect((await job(id)).state).toBe('completed');
    expect(abandonedCalls).not.toContain('committed');
  });

  it('hands a job without onAbandoned back to pg-boss for a retry, with no marker left', async () => {
    const dead = { ...me, pid: deadPid(), nonce: 'dead-3' };
    const id = await activeJob('test.sweep_retried', 'retry-me', { owner: dead, heartbeatSecondsAgo: 0 });
    await t.app.deps.jobs.sweep();
    // Retried after its retry delay (30 s), by whichever worker fetches it then.
    const after = await job(id);
    expect(after.state).toBe('retry');
    expect(after.output).toMatchObject({ code: 'jobs.interrupted' });
    expect(await marker(id)).toBe(0);
  });
});
