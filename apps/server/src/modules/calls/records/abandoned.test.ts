import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { callbacks, callSettings, calls, customers } from '../../../db/schema/index.js';
import { createUser } from '../../../db/seed/factories.js';
import { signedHeaders } from '../../webhooks/index.js';

/** A multipart body: the format field, then the file. */
function form(content: string) {
  const boundary = `----kefu${Math.random().toString(36).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\nasterisk-queue-log\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="queue_log"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** One abandoned stay in a queue_log: entered at `t` (unix seconds), hung up after `wait` seconds. */
const abandon = (id: string, t: number, number: string, wait: number) => [
  `${t}|${id}|support|NONE|ENTERQUEUE||${number}|1`,
  `${t + wait}|${id}|support|NONE|ABANDON|1|1|${wait}`,
];

describe('abandoned calls become callbacks', () => {
  let t: TestApp;
  let admin: Session;
  let customerId: string;
  let specialist: string;
  const now = Math.floor(Date.now() / 1000) - 3600;

  beforeAll(async () => {
    t = await createTestApp({ config: { timezone: 'Asia/Shanghai' } });
    admin = await t.signIn('admin');
    const db = t.database.db;
    specialist = (await createUser(db, { username: 'abspec', displayName: '王回访', roleKey: 'callback_specialist' }))
      .id;
    const [customer] = await db
      .insert(customers)
      .values({ kind: 'person', name: '吴女士', phone: '139 0000 1111', phoneNormalized: '13900001111' })
      .returning({ id: customers.id });
    customerId = customer?.id as string;
  });
  afterAll(async () => t?.close());

  const importLog = async (lines: string[]) => {
    const { payload, contentType } = form(lines.join('\n'));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/calls/imports',
      cookies: admin.cookies,
      headers: { 'x-csrf-token': admin.cookies.kefu_csrf ?? '', 'content-type': contentType },
      payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const callbacksOfCalls = () =>
    t.database.db
      .select({
        customerId: callbacks.customerId,
        sourceKind: callbacks.sourceKind,
        sourceId: callbacks.sourceId,
        status: callbacks.status,
        assigneeId: callbacks.assigneeId,
        dueDate: callbacks.dueDate,
        deadlineAt: callbacks.deadlineAt,
      })
      .from(callbacks)
      .where(eq(callbacks.sourceKind, 'call'));
  const callIdOf = async (externalId: string) =>
    (await t.database.db.select({ id: calls.id }).from(calls).where(eq(calls.externalId, externalId)))[0]?.id;

  it('an imported abandoned call over the threshold from a customer’s number → one callback, also on re-import', async () => {
    const log = [
      ...abandon(`${now}.1`, now, '13900001111', 45), // the customer, 45 s ≥ 30 s
      ...abandon(`${now}.2`, now + 10, '13700000000', 60), // nobody we know: no callback
    ];
    await importLog(log);
    const made = await callbacksOfCalls();
    expect(made).toEqual([
      expect.objectContaining({
        customerId,
        sourceKind: 'call',
        sourceId: await callIdOf(`${now}.1`),
        status: 'pending',
        assigneeId: specialist,
      }),
    ]);
    // Due today, by the end of a working day at the latest (the same working day, or the next one).
    expect(made[0]?.deadlineAt).not.toBeNull();
    const listed = await admin.get('/api/v1/callbacks?status=pending');
    expect(listed.statusCode, listed.body).toBe(200);
    const item = listed.json().items.find((i: { sourceKind: string }) => i.sourceKind === 'call');
    expect(item).toMatchObject({ sourceLabel: '未接来电回拨', purpose: expect.stringContaining('回拨') });
    const events = await t.database.db.execute<{ name: string }>(
      sql`SELECT name FROM outbox_events WHERE name IN ('callback.scheduled', 'callback.assigned') ORDER BY id`,
    );
    expect(events.rows.map((e) => e.name)).toEqual(['callback.scheduled', 'callback.assigned']);
    // The abandoned caller nobody matched is listed among the calls instead.
    const unlinked = await admin.get('/api/v1/calls?outcome=abandoned&linked=false');
    expect(unlinked.statusCode, unlinked.body).toBe(200);
    expect(unlinked.json().items.map((c: { externalId: string }) => c.externalId)).toEqual([`${now}.2`]);
    const linked = await admin.get('/api/v1/calls?outcome=abandoned&linked=true');
    expect(linked.json().items.map((c: { externalId: string }) => c.externalId)).toEqual([`${now}.1`]);
    // The same file again: still one.
    await importLog(log);
    expect(await callbacksOfCalls()).toHaveLength(1);
  });

  it('makes none for a short abandon, an old call, or when the threshold is off; one pending per customer', async () => {
    await t.database.db.delete(callbacks).where(eq(callbacks.sourceKind, 'call'));
    // Under the threshold (10 s < 30 s) and older than 7 days: none.
    await importLog([
      ...abandon(`${now}.3`, now + 100, '13900001111', 10),
      ...abandon(`${now - 8 * 86_400}.4`, now - 8 * 86_400, '13900001111', 120),
    ]);
    expect(await callbacksOfCalls()).toEqual([]);
    // Threshold off: none.
    await t.database.db.update(callSettings).set({ abandonCallbackSeconds: null }).where(eq(callSettings.id, 1));
    await importLog(abandon(`${now}.5`, now + 200, '13900001111', 90));
    expect(await callbacksOfCalls()).toEqual([]);
    await t.database.db.update(callSettings).set({ abandonCallbackSeconds: 30 }).where(eq(callSettings.id, 1));
    // Two abandoned calls of the customer in one file: one callback (the caller is owed one call).
    await importLog([
      ...abandon(`${now}.6`, now + 300, '13900001111', 40),
      ...abandon(`${now}.7`, now + 400, '13900001111', 50),
    ]);
    expect(await callbacksOfCalls()).toHaveLength(1);
  });

  it('a live `abandoned` event of a customer’s call → one callback', async () => {
    await t.database.db.delete(callbacks).where(eq(callbacks.sourceKind, 'call'));
    const secret = (await admin.put('/api/v1/calls/webhook', {})).json().secret as string;
    const send = async (body: object) => {
      const text = JSON.stringify(body);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/calls/events',
        headers: { 'content-type': 'application/json', ...signedHeaders([secret], randomUUID(), new Date(), text) },
        payload: text,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const call = { callId: `${now}.9`, queue: 'support', callerNumber: '13900001111' };
    await send({ ...call, type: 'ringing', agent: 'PJSIP/8001' });
    expect(await callbacksOfCalls()).toEqual([]);
    const { callId } = await send({ ...call, type: 'abandoned', waitSeconds: 50 });
    await send({ ...call, type: 'abandoned', waitSeconds: 50 }); // repeated: nothing new
    expect(await callbacksOfCalls()).toEqual([
      expect.objectContaining({ customerId, sourceKind: 'call', sourceId: callId, status: 'pending' }),
    ]);
  });
});
