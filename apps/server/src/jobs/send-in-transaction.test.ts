import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { waitFor } from '../../test/multi-instance/support.js';
import { defineJob } from './definition.js';

const ran: string[] = [];
const echo = defineJob({
  name: 'test.sent_in_tx',
  schema: z.object({ key: z.string() }),
  async handler({ data }) {
    ran.push(data.key);
  },
});

/** `deps.jobs.send(name, data, { tx })`: the job exists only if the caller's transaction commits. */
describe('jobs sent inside a transaction', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ jobs: [echo], config: { jobs: { enabled: true, pollingIntervalSeconds: 5 } } });
  });
  afterAll(async () => t?.close());

  const queued = async (key: string) => {
    const result = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.sent_in_tx' AND data->>'key' = ${key}`,
    );
    return Number(result.rows[0]?.n);
  };

  it('a rolled-back transaction sends no job', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await t.app.deps.jobs.send('test.sent_in_tx', { key: 'rolled-back' }, { tx });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await queued('rolled-back')).toBe(0);
  });

  it('a committed one sends it, and a worker runs it once', async () => {
    const id = await t.database.db.transaction((tx) =>
      t.app.deps.jobs.send('test.sent_in_tx', { key: 'committed' }, { tx }),
    );
    expect(id).toEqual(expect.any(String));
    expect(await queued('committed')).toBe(1);
    await waitFor('the job to run', () => ran.includes('committed'), { timeoutMs: 20_000 });
    expect(ran.filter((k) => k === 'committed')).toHaveLength(1);
  });
});
