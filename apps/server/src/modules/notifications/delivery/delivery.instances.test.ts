import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_DB, type TestApp } from '../../../../test/helpers.js';
import { waitFor } from '../../../../test/multi-instance/support.js';
import { buildApp } from '../../../app.js';
import { type Database, openDatabase } from '../../../db/client.js';
import { queueNotifications } from '../index.js';
import { RecordingAdapter } from './delivery.test-setup.js';
import type { NotificationInput } from './queue.service.js';

/**
 * Exactly once across instances: three app instances on one PostgreSQL database run the delivery
 * jobs of the same messages (one of them restarted while messages flow); every message reaches the
 * peer once, with one attempt logged.
 */
describe.runIf(TEST_DB === 'postgres')('notification delivery across instances and a restart (PostgreSQL)', () => {
  let t: TestApp;
  const peer = new RecordingAdapter('email');
  const others: { app: FastifyInstance; database: Database }[] = [];

  beforeAll(async () => {
    peer.delayMs = 2;
    t = await createTestApp({ config: { jobs: { enabled: true, pollingIntervalSeconds: 0.2 } }, channels: [peer] });
  });
  afterAll(async () => {
    for (const o of others) {
      await o.app.close().catch(() => {});
      await o.database.close().catch(() => {});
    }
    await t?.close();
  });

  async function instance() {
    const database = await openDatabase({ kind: 'postgres', url: t.database.url as string, poolSize: 5 });
    const app = await buildApp(t.config, { database, channels: [peer] });
    await app.ready();
    const o = { app, database };
    others.push(o);
    return o;
  }

  const queue = (from: number, count: number) =>
    t.database.db.transaction((tx) =>
      queueNotifications(
        tx,
        Array.from(
          { length: count },
          (_, i): NotificationInput => ({
            channel: 'email',
            recipient: `c${from + i}@example.com`,
            topic: 'general',
            subject: '标题',
            body: `正文 ${from + i}`,
          }),
        ),
      ),
    );

  it('sends every message once, whichever instance runs its job', { timeout: 120_000 }, async () => {
    const admin = await t.signIn('admin');
    const body = { enabled: true, ratePerMinute: 10_000, quietHours: [], maxAttempts: 8 };
    expect((await admin.inject('PUT', '/api/v1/notification-channels/email', body)).statusCode).toBe(200);
    const b = await instance();
    await instance();
    const ids = [...(await queue(0, 100))];
    await waitFor('some sent', () => peer.sent.length >= 40, { timeoutMs: 30_000 });
    // A restart while messages flow: the instance stops its job runner (finishing its tries) and a new one starts.
    await b.app.close();
    ids.push(...(await queue(100, 100)));
    await instance();
    ids.push(...(await queue(200, 100)));

    const sent = async () =>
      (
        await t.database.db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM notifications WHERE channel = 'email' AND status = 'sent'`,
        )
      ).rows[0]?.n;
    await waitFor('all sent', async () => (await sent()) === ids.length, { timeoutMs: 90_000 });
    await new Promise((resolve) => setTimeout(resolve, 500)); // any duplicate job has run by now

    const received = peer.sent.map((m) => m.id);
    expect(received).toHaveLength(ids.length);
    expect(new Set(received)).toEqual(new Set(ids));
    const attempts = await t.database.db.execute<{ attempts: number; n: number }>(sql`
      SELECT a.n AS attempts, count(*)::int AS n
      FROM (SELECT notification_id, count(*)::int AS n FROM notification_attempts GROUP BY 1) a
      GROUP BY 1`);
    expect(attempts.rows).toEqual([{ attempts: 1, n: ids.length }]);
  });
});
