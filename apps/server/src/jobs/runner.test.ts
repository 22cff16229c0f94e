import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../test/helpers.js';
import { defineJob } from './definition.js';
import { JobRunner } from './runner.js';

const probe = (retryLimit: number, expireInSeconds: number) =>
  defineJob({
    name: 'test.queue-options',
    schema: z.object({}),
    retryLimit,
    expireInSeconds,
    handler: async () => undefined,
  });

async function queueRow(t: TestApp) {
  const { rows } = await t.database.executeSql(
    'SELECT retry_limit, expire_seconds, updated_on FROM pgboss.queue WHERE name = $1',
    ['test.queue-options'],
  );
  return rows[0] as { retry_limit: number; expire_seconds: number; updated_on: Date | null } | undefined;
}

describe('job runner: queue declarations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { jobs: { enabled: true, pollingIntervalSeconds: 2 } }, jobs: [probe(1, 60)] });
  });
  afterAll(async () => t?.close());

  /** A second instance of a later release, on the same database, declaring the queue again. */
  async function bootWith(definition: ReturnType<typeof probe>) {
    const runner = new JobRunner({
      database: t.database,
      config: t.app.deps.config,
      logger: t.app.log as never,
      definitions: [definition],
    });
    await runner.start(t.app.deps, { workers: false });
    await runner.stop();
  }

  it('a release that changes a job’s retries and expiry updates the existing queue, and leaves it alone otherwise', async () => {
    expect(await queueRow(t)).toMatchObject({ retry_limit: 1, expire_seconds: 60 });

    await bootWith(probe(5, 120));
    const updated = await queueRow(t);
    expect(updated).toMatchObject({ retry_limit: 5, expire_seconds: 120 });

    await bootWith(probe(5, 120));
    expect((await queueRow(t))?.updated_on).toEqual(updated?.updated_on);
  });
});
