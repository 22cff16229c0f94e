import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, TEST_DB, type TestApp } from '../../test/helpers.js';
import { waitFor } from '../../test/multi-instance/support.js';
import { buildApp } from '../app.js';
import { openDatabase, type Tx } from '../db/client.js';
import type { DurableListener } from './listener.js';
import { recordEvent, registerDurableListeners, unregisterDurableListeners } from './outbox.js';
import { purgeOutbox } from './purge.js';

/**
 * The transactional outbox (ADR 0007) on a real database: recordEvent in the caller's transaction,
 * the dispatcher's retries, back-off and dead letters, order per aggregate, and no double delivery
 * across two instances. Test listeners subscribe to `department.deleted`, which no module listens
 * to, and write their effects into a table of their own in the delivery's transaction.
 */
const EVENT = 'department.deleted' as const;

const effects = (listener: string) => sql`SELECT event_id, seq FROM outbox_test_effects WHERE listener = ${listener}`;

async function effect(tx: Tx, listener: string, eventId: string, seq = 0) {
  await tx.execute(
    sql`INSERT INTO outbox_test_effects (listener, event_id, seq) VALUES (${listener}, ${eventId}::bigint, ${seq})`,
  );
}

function listener(name: string, handle: DurableListener['handle']): DurableListener {
  return { name, events: [EVENT], handle };
}

describe('transactional outbox', () => {
  let t: TestApp;
  let admin: Session;
  const names: string[] = [];
  const db = () => t.database.db;
  const rows = async <T>(q: ReturnType<typeof sql>) => (await db().execute(q)).rows as T[];
  const record = (departmentId: string) => db().transaction((tx) => recordEvent(tx, EVENT, { departmentId }, null));
  const delivery = async (eventId: string, name: string) =>
    (
      await rows<{ status: string; attempts: number }>(
        sql`SELECT status, attempts FROM outbox_deliveries WHERE event_id = ${eventId}::bigint AND listener = ${name}`,
      )
    )[0];
  const register = (...list: DurableListener[]) => {
    registerDurableListeners(list);
    names.push(...list.map((l) => l.name));
  };

  beforeAll(async () => {
    t = await createTestApp({ config: { outbox: { ...testOutbox(), maxAttempts: 4 } } });
    admin = await t.signIn('admin');
    await db().execute(
      sql`CREATE TABLE outbox_test_effects (listener text NOT NULL, event_id bigint NOT NULL, seq int NOT NULL)`,
    );
  });
  afterAll(async () => {
    unregisterDurableListeners(names);
    await t?.close();
  });

  it('a listener that throws 3 times then succeeds delivers once, its effects once', async () => {
    const tries = new Map<string, number>();
    register(
      listener('test.flaky', async ({ tx, event }) => {
        await effect(tx, 'test.flaky', event.id); // rolled back with each failure
        const n = (tries.get(event.id) ?? 0) + 1;
        tries.set(event.id, n);
        if (n <= 3) throw new Error(`flaky failure ${n}`);
      }),
    );
    const event = await record('flaky-1');
    await waitFor('the flaky delivery', async () => (await delivery(event.id, 'test.flaky'))?.status === 'delivered');
    expect(await delivery(event.id, 'test.flaky')).toEqual({ status: 'delivered', attempts: 4 });
    expect(tries.get(event.id)).toBe(4);
    expect(await rows(effects('test.flaky'))).toHaveLength(1);
  });

  it('a listener that always throws lands in the dead-letter list; retry from the list delivers it', async () => {
    let healed = false;
    register(
      listener('test.broken', async ({ tx, event }) => {
        if (!healed) throw new Error('the listener is broken');
        await effect(tx, 'test.broken', event.id);
      }),
    );
    const event = await record('broken-1');
    await waitFor('the dead letter', async () => (await delivery(event.id, 'test.broken'))?.status === 'dead');
    expect(await delivery(event.id, 'test.broken')).toEqual({ status: 'dead', attempts: 4 });

    const list = await admin.get('/api/v1/jobs/dead-letters');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        eventId: event.id,
        listener: 'test.broken',
        eventName: EVENT,
        aggregateType: 'department',
        aggregateId: 'broken-1',
        attempts: 4,
        lastError: expect.stringContaining('the listener is broken'),
      }),
    ]);
    expect((await admin.post('/api/v1/jobs/dead-letters/999999/test.broken/retry', {})).statusCode).toBe(404);

    healed = true;
    const retried = await admin.post(`/api/v1/jobs/dead-letters/${event.id}/test.broken/retry`, {});
    expect(retried.statusCode, retried.body).toBe(204);
    await waitFor(
      'the retried delivery',
      async () => (await delivery(event.id, 'test.broken'))?.status === 'delivered',
    );
    expect(await rows(effects('test.broken'))).toHaveLength(1);
    expect((await admin.get('/api/v1/jobs/dead-letters')).json().total).toBe(0);
    expect((await admin.post(`/api/v1/jobs/dead-letters/${event.id}/test.broken/retry`, {})).statusCode).toBe(404);
  });

  it('delivers in order per aggregate: a later event waits while an earlier one of its aggregate is retried', async () => {
    let failures = 0;
    let deliveredA = false;
    let seq = 0;
    register(
      listener('test.ordered', async ({ tx, event }) => {
        // The first order-a event delivered (the first recorded, if order holds) fails twice.
        if (event.aggregateId === 'order-a' && !deliveredA && failures < 2) {
          failures += 1;
          throw new Error('first event of order-a fails twice');
        }
        if (event.aggregateId === 'order-a') deliveredA = true;
        seq += 1;
        await effect(tx, 'test.ordered', event.id, seq);
      }),
    );
    const recorded: { id: string; aggregate: string }[] = [];
    for (let i = 0; i < 5; i += 1) {
      for (const aggregate of ['order-a', 'order-b']) {
        recorded.push({ id: (await record(aggregate)).id, aggregate });
      }
    }
    await waitFor('every ordered delivery', async () => (await rows(effects('test.ordered'))).length === 10);
    const delivered = await rows<{ event_id: string; seq: number }>(sql`${effects('test.ordered')} ORDER BY seq`);
    for (const aggregate of ['order-a', 'order-b']) {
      const ids = recorded.filter((r) => r.aggregate === aggregate).map((r) => String(r.id));
      const order = delivered.map((d) => String(d.event_id)).filter((id) => ids.includes(id));
      expect(order).toEqual(ids);
    }
    expect(failures).toBe(2);
  });

  it('an event too big for a NOTIFY (8000 bytes; a Chinese character is 3) commits and is delivered', async () => {
    const seen: string[][] = [];
    register({
      name: 'test.big',
      events: ['customer.updated'],
      handle: async ({ event }) => void seen.push((event.payload as { fields: string[] }).fields),
    });
    const fields = Array.from({ length: 400 }, (_, i) => `自定义字段名称${i}`); // ~5,300 characters, ~10,800 bytes
    const customerId = '00000000-0000-4000-8000-000000000001';
    const event = await db().transaction((tx) => recordEvent(tx, 'customer.updated', { customerId, fields }, null));
    await waitFor('the big delivery', async () => (await delivery(event.id, 'test.big'))?.status === 'delivered');
    expect(seen).toContainEqual(fields);
  });

  it('a rolled-back transaction records no event and no delivery', async () => {
    register(listener('test.rollback', async () => {}));
    const before = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM outbox_events`);
    await expect(
      db().transaction(async (tx) => {
        await recordEvent(tx, EVENT, { departmentId: 'rolled-back' }, null);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await rows(sql`SELECT count(*)::int AS n FROM outbox_events`)).toEqual(before);
    expect(
      await rows(sql`SELECT 1 FROM outbox_deliveries WHERE aggregate_id = 'rolled-back' OR listener = 'test.rollback'`),
    ).toEqual([]);
  });

  it('a use case records its event in its own transaction (ticket timeline through the outbox)', async () => {
    const r = await admin.post('/api/v1/departments', { name: '出库测试部' });
    expect(r.statusCode, r.body).toBe(201);
    const recorded = await rows<{ name: string; aggregate_id: string }>(
      sql`SELECT name, aggregate_id FROM outbox_events WHERE name = 'department.created' AND aggregate_id = ${r.json().id}`,
    );
    expect(recorded).toHaveLength(1);
  });

  it('the nightly purge deletes old events whose deliveries are all done, and keeps the others', async () => {
    register(listener('test.purge', async () => {}));
    const old = await record('purge-old');
    const dead = await record('purge-dead');
    const fresh = await record('purge-fresh');
    // Every listener registered so far hears these events too (the flaky one fails three times
    // first, with back-off): wait until all their deliveries are done, not only those due now.
    await waitFor('the purge events delivered', async () => {
      const [left] = await rows<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM outbox_deliveries WHERE status <> 'delivered'
          AND event_id IN (${old.id}::bigint, ${dead.id}::bigint, ${fresh.id}::bigint)`,
      );
      return left?.n === 0;
    });
    await db().execute(sql`UPDATE outbox_deliveries SET status = 'dead' WHERE event_id = ${dead.id}::bigint`);
    await db().execute(
      sql`UPDATE outbox_events SET created_at = now() - interval '8 days' WHERE id IN (${old.id}::bigint, ${dead.id}::bigint)`,
    );
    await purgeOutbox.handler({ data: {}, jobId: 'purge-test', deps: t.app.deps });
    const left = await rows<{ id: string }>(
      sql`SELECT id::text AS id FROM outbox_events WHERE id IN (${old.id}::bigint, ${dead.id}::bigint, ${fresh.id}::bigint) ORDER BY id`,
    );
    expect(left.map((r) => r.id)).toEqual([dead.id, fresh.id]);
  });

  describe.skipIf(TEST_DB !== 'postgres')('two instances on one PostgreSQL', () => {
    it('never deliver the same event to the same listener twice', async () => {
      register(
        listener('test.shared', async ({ tx, event }) => {
          await effect(tx, 'test.shared', event.id);
        }),
      );
      const second = await openDatabase({ kind: 'postgres', url: t.database.url as string });
      const other = await buildApp(t.config, { database: second });
      try {
        const ids: string[] = [];
        for (let i = 0; i < 200; i += 1) ids.push((await record(`shared-${i % 20}`)).id);
        await Promise.all([t.app.deps.outbox.drain(), other.deps.outbox.drain(), t.app.deps.outbox.drain()]);
        await waitFor('every shared delivery', async () => (await rows(effects('test.shared'))).length >= 200);
        const counted = await rows<{ event_id: string; n: number }>(
          sql`SELECT event_id::text, count(*)::int AS n FROM outbox_test_effects WHERE listener = 'test.shared' GROUP BY event_id`,
        );
        expect(counted).toHaveLength(200);
        expect(counted.every((c) => c.n === 1)).toBe(true);
      } finally {
        await other.close();
        await second.close();
      }
    });
  });
});

function testOutbox() {
  return {
    enabled: true,
    pollingIntervalMs: 100,
    coalesceMs: 0,
    batchSize: 20,
    maxAttempts: 8,
    retryBaseMs: 10,
    retryMaxMs: 50,
  };
}
