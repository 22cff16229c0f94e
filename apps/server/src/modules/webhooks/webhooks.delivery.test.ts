import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_DB, type TestApp } from '../../../test/helpers.js';
import { waitFor } from '../../../test/multi-instance/support.js';
import { buildApp } from '../../app.js';
import { type Database, openDatabase } from '../../db/client.js';
import { recordEvent } from '../../events/outbox.js';
import { Receiver } from './receiver.test-setup.js';
import { DEFAULT_RETRY_SCHEDULE_SECONDS } from './webhooks.settings.js';

/** The production schedule at 1/1000 scale: 10 minutes down = 600 ms. */
const SCALED = DEFAULT_RETRY_SCHEDULE_SECONDS.map((s) => s / 1000);

async function recordCustomerEvents(db: Database['db'], count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (const customerId of ids) await recordEvent(db, 'customer.created', { customerId });
  return ids;
}

/** Per customer: created, then updated (the same record: its events keep their order). */
async function recordCustomerHistories(db: Database['db'], count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  for (const customerId of ids) {
    await db.transaction(async (tx) => {
      await recordEvent(tx, 'customer.created', { customerId });
      await recordEvent(tx, 'customer.updated', { customerId, fields: ['name'] });
    });
  }
  return ids;
}

async function subscribe(admin: Session, url: string) {
  const r = await admin.post('/api/v1/webhooks', { url, events: ['customer.created', 'customer.updated'] });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

/** Each subscription's messages in queue order (seq), as webhook-ids. */
async function queueOrder(db: Database['db'], subscriptionId: string): Promise<string[]> {
  const rows = await db.execute<{ id: string }>(
    sql`SELECT id::text AS id FROM webhook_deliveries WHERE subscription_id = ${subscriptionId}::uuid ORDER BY seq`,
  );
  return rows.rows.map((r) => r.id);
}

describe('webhook delivery: a receiver down for 10 minutes (scaled) gets everything afterwards, in order', () => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await createTestApp({ config: { webhooks: { retryScheduleSeconds: SCALED, pollingIntervalMs: 20 } } });
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
  });

  it('holds the queue behind the failing head and delivers every message once, in order', async () => {
    const admin = await t.signIn('admin');
    const subscriptionId = await subscribe(admin, receiver.url);

    receiver.status = 503;
    const downAt = Date.now();
    const first = await recordCustomerEvents(t.database.db, 10);
    await new Promise((resolve) => setTimeout(resolve, 600 - (Date.now() - downAt)));
    receiver.status = 200;
    const upAt = Date.now();
    const second = await recordCustomerEvents(t.database.db, 10);

    await waitFor('all 20 messages', () => receiver.received.length >= 20, { timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.received).toHaveLength(20);
    expect(receiver.received.every((m) => m.at >= upAt)).toBe(true);
    expect(receiver.bodies().map((b) => b.data.id)).toEqual([...first, ...second]);
    expect(receiver.received.map((m) => m.id)).toEqual(await queueOrder(t.database.db, subscriptionId));

    const head = await t.database.db.execute<{ attempts: number; status: string }>(sql`
      SELECT attempts, status FROM webhook_deliveries WHERE subscription_id = ${subscriptionId}::uuid
      ORDER BY seq LIMIT 1`);
    expect(head.rows[0]?.status).toBe('delivered');
    expect(head.rows[0]?.attempts).toBeGreaterThan(1);
    const sub = (await admin.get(`/api/v1/webhooks/${subscriptionId}`)).json();
    expect(sub).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });
});

describe.runIf(TEST_DB === 'postgres')('webhook delivery across two instances and a restart (PostgreSQL)', () => {
  let t: TestApp;
  const others: { app: FastifyInstance; database: Database }[] = [];
  const receivers: Receiver[] = [];

  afterAll(async () => {
    for (const o of others) {
      await o.app.close().catch(() => {});
      await o.database.close().catch(() => {});
    }
    await t?.close();
    for (const r of receivers) await r.stop();
  });

  async function instance(): Promise<{ app: FastifyInstance; database: Database }> {
    const database = await openDatabase({ kind: 'postgres', url: t.database.url as string, poolSize: 5 });
    const app = await buildApp(t.config, { database });
    await app.ready();
    const o = { app, database };
    others.push(o);
    return o;
  }

  beforeAll(async () => {
    t = await createTestApp({ config: { webhooks: { pollingIntervalMs: 50, concurrency: 2 } } });
  });

  it('sends every message exactly once, in order per subscription', { timeout: 120_000 }, async () => {
    const admin = await t.signIn('admin');
    const subscriptions: { id: string; receiver: Receiver }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const receiver = await new Receiver().start();
      receiver.delayMs = 2;
      receivers.push(receiver);
      subscriptions.push({ id: await subscribe(admin, receiver.url), receiver });
    }
    const b = await instance();
    const total = () => subscriptions.reduce((n, s) => n + s.receiver.received.length, 0);

    const events = await recordCustomerHistories(t.database.db, 100);
    await waitFor('some delivered', () => total() >= 180, { timeoutMs: 30_000 });
    // Restart one instance while messages are flowing: it finishes its request in flight, releases
    // its leases, and a new instance takes its place.
    await b.app.close();
    events.push(...(await recordCustomerHistories(t.database.db, 100)));
    await instance();
    events.push(...(await recordCustomerHistories(t.database.db, 100)));

    await waitFor('all delivered', () => total() >= 3 * 2 * events.length, { timeoutMs: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const { id, receiver } of subscriptions) {
      const ids = receiver.received.map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(2 * events.length);
      // Received in queue order (head of line); the queue is in fan-out order: per record the order
      // its events happened (created before updated), across records whichever instance fanned out first.
      expect(ids).toEqual(await queueOrder(t.database.db, id));
      const seen = receiver.bodies().map((m) => `${m.data.id}:${m.type}`);
      expect(new Set(seen.map((k) => k.split(':')[0]))).toEqual(new Set(events));
      for (const customerId of events) {
        expect(seen.indexOf(`${customerId}:customer.created`)).toBeLessThan(
          seen.indexOf(`${customerId}:customer.updated`),
        );
      }
    }
    const states = await t.database.db.execute<{ status: string; attempts: number; n: number }>(sql`
      SELECT status, attempts, count(*)::int AS n FROM webhook_deliveries GROUP BY 1, 2`);
    expect(states.rows).toEqual([{ status: 'delivered', attempts: 1, n: 3 * 2 * events.length }]);
  });
});
