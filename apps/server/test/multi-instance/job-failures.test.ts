import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUser } from '../../src/db/seed/factories.js';
import { defineJob } from '../../src/jobs/definition.js';
import { createTestApp, type TestApp } from '../helpers.js';
import { waitFor } from './support.js';

/** Fails until the test repairs it; every attempt is counted, the effect is written on success. */
let repaired = false;
const attempts = new Map<string, number>();
const flakyJob = defineJob({
  name: 'test.flaky',
  schema: z.object({ key: z.string() }),
  retryLimit: 1,
  retryDelaySeconds: 0,
  async handler({ data, tx }) {
    attempts.set(data.key, (attempts.get(data.key) ?? 0) + 1);
    await tx.execute(sql`INSERT INTO mi_flaky_effects (job_key) VALUES (${data.key})`);
    // Thrown after a write: the write must roll back with the job's marker.
    if (!repaired) throw new Error(`flaky ${data.key} is broken`);
  },
});

describe('failed jobs are visible and retryable', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ jobs: [flakyJob], config: { jobs: { enabled: true, pollingIntervalSeconds: 0.5 } } });
    await t.database.executeSql('CREATE TABLE mi_flaky_effects (job_key text NOT NULL)', []);
  });
  afterAll(async () => t?.close());

  it('lists a job failed after its retries, retries it on request, and keeps agents out', async () => {
    const id = await t.app.deps.jobs.send('test.flaky', { key: 'k1' });
    expect(id).toBeTruthy();
    const admin = await t.signIn('admin');

    // One try plus retryLimit (1) retries, then failed.
    const failed = await waitFor(
      'the job to show as failed',
      async () => {
        const r = await admin.get('/api/v1/jobs?state=failed');
        expect(r.statusCode).toBe(200);
        return (r.json().items as { id: string; state: string; name: string; output: unknown }[]).find(
          (j) => j.id === id,
        );
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(failed).toMatchObject({ name: 'test.flaky', state: 'failed', retryCount: 1 });
    expect(JSON.stringify(failed.output)).toContain('flaky k1 is broken');
    expect(attempts.get('k1')).toBe(2);
    const effects = async () =>
      (await t.database.executeSql('SELECT count(*)::int AS n FROM mi_flaky_effects', [])).rows[0]?.n;
    expect(await effects()).toBe(0);

    // An agent can neither see nor retry jobs.
    await createUser(t.database.db, { username: 'jobs_agent', roleKey: 'agent' });
    const agent = await t.signIn('jobs_agent');
    const agentList = await agent.get('/api/v1/jobs?state=failed');
    expect(agentList.statusCode).toBe(403);
    expect(agentList.json().code).toBe('forbidden');
    expect((await agent.post(`/api/v1/jobs/${id}/retry`)).statusCode).toBe(403);
    expect(attempts.get('k1')).toBe(2);

    repaired = true;
    const retried = await admin.post(`/api/v1/jobs/${id}/retry`);
    expect(retried.statusCode).toBe(204);
    await waitFor(
      'the retried job to complete',
      async () => {
        const r = await admin.get('/api/v1/jobs?state=completed');
        return (r.json().items as { id: string }[]).some((j) => j.id === id);
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
    expect(attempts.get('k1')).toBe(3);
    expect(await effects()).toBe(1);
    const { rows } = await t.database.executeSql('SELECT count(*)::int AS n FROM job_runs WHERE job_id = $1', [id]);
    expect(rows[0]?.n).toBe(1);

    // The retry is audited; an unknown job is a 404 problem.
    const audit = await admin.get('/api/v1/audit?action=job.retried');
    expect(JSON.stringify(audit.json())).toContain(id as string);
    const unknown = await admin.post('/api/v1/jobs/00000000-0000-4000-8000-000000000000/retry');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('jobs.not_found');
  });
});
