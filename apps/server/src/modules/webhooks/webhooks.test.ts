import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { waitFor } from '../../../test/multi-instance/support.js';
import { createUser } from '../../db/seed/factories.js';
import { Receiver } from './receiver.test-setup.js';
import { verifySignature } from './webhooks.signature.js';

const GIVEN_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('webhooks: subscriptions, signed delivery, retries, rotation, scope', () => {
  let t: TestApp;
  let admin: Session;
  let receiver: Receiver;
  let phone = 13900000000;

  beforeAll(async () => {
    receiver = await new Receiver().start();
    t = await createTestApp({
      config: { webhooks: { retryScheduleSeconds: [0.05, 0.05, 0.05], pollingIntervalMs: 50 } },
    });
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  const subscribe = async (body: Record<string, unknown>, s = admin) => {
    const r = await s.post('/api/v1/webhooks', body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; secret: string };
  };
  const newCustomer = async (name: string, s = admin) => {
    phone += 1;
    const r = await s.post('/api/v1/customers', { kind: 'company', name, phone: String(phone) });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const deliveries = async (id: string) => {
    const r = await admin.get(`/api/v1/webhooks/${id}/deliveries?pageSize=100`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json().items as {
      id: string;
      status: string;
      attempts: number;
      eventType: string;
      body: string;
      attemptLog: { ok: boolean; status: number | null; error: string | null }[];
    }[];
  };
  const forCustomer = (r: Receiver, customerId: string) =>
    r.received.filter((m) => JSON.parse(m.body).data.id === customerId);

  it('creates, reads, edits and deletes a subscription; the secret is answered once only', async () => {
    const types = await admin.get('/api/v1/webhooks/event-types');
    expect(types.statusCode).toBe(200);
    expect(types.json().items.map((i: { type: string }) => i.type)).toEqual(
      expect.arrayContaining(['ticket.created', 'complaint.major_reported', 'sla.escalated', 'customer.updated']),
    );

    const created = await subscribe({ url: receiver.url, events: ['ticket.created'], secret: GIVEN_SECRET });
    expect(created.secret).toBe(GIVEN_SECRET);
    const generated = await subscribe({ url: receiver.url, events: ['ticket.created'] });
    expect(generated.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const read = await admin.get(`/api/v1/webhooks/${created.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).not.toHaveProperty('secret');
    expect(JSON.stringify((await admin.get('/api/v1/webhooks')).json())).not.toContain('whsec_');

    const edited = await admin.patch(`/api/v1/webhooks/${created.id}`, { description: '工单同步到 ERP' });
    expect(edited.json()).toMatchObject({ description: '工单同步到 ERP', events: ['ticket.created'] });

    const bad = await admin.post('/api/v1/webhooks', { url: receiver.url, events: ['ticket.created'], secret: 'abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('webhooks.bad_secret');
    const unknown = await admin.post('/api/v1/webhooks', { url: receiver.url, events: ['auth.logged_in'] });
    expect(unknown.statusCode).toBe(400);

    const audit = await t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_type = 'webhook' AND entity_id = ${created.id} ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['webhook.created', 'webhook.updated']);

    for (const id of [created.id, generated.id]) {
      expect((await admin.delete(`/api/v1/webhooks/${id}`)).statusCode).toBe(204);
    }
    expect((await admin.get(`/api/v1/webhooks/${created.id}`)).statusCode).toBe(404);
  });

  it('delivers a public event signed per Standard Webhooks, with the recommended payload', async () => {
    const sub = await subscribe({ url: receiver.url, events: ['customer.created'], secret: GIVEN_SECRET });
    const customerId = await newCustomer('上海申通信息科技有限公司');
    const [message] = await waitFor('the message', () => {
      const got = forCustomer(receiver, customerId);
      return got.length > 0 ? got : undefined;
    });
    if (!message) throw new Error('no message');
    const h = message.headers;
    const headers = {
      'webhook-id': String(h['webhook-id']),
      'webhook-timestamp': String(h['webhook-timestamp']),
      'webhook-signature': String(h['webhook-signature']),
    };
    expect(verifySignature(GIVEN_SECRET, message.body, headers)).toBe(true);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    const body = JSON.parse(message.body);
    expect(body).toEqual({ type: 'customer.created', timestamp: expect.any(String), data: { id: customerId } });
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);

    const log = await waitFor('the delivery recorded', async () => {
      const list = await deliveries(sub.id);
      return list[0]?.status === 'delivered' ? list : undefined;
    });
    expect(log[0]).toMatchObject({ id: headers['webhook-id'], eventType: 'customer.created', attempts: 1 });
    expect(log[0]?.attemptLog).toEqual([expect.objectContaining({ ok: true, status: 200 })]);

    // Redeliver: the same message (same webhook-id) once more.
    const again = await admin.post(`/api/v1/webhooks/${sub.id}/deliveries/${headers['webhook-id']}/redeliver`);
    expect(again.statusCode, again.body).toBe(200);
    await waitFor('the redelivery', () => forCustomer(receiver, customerId).length === 2);
    expect(forCustomer(receiver, customerId).map((m) => m.id)).toEqual([headers['webhook-id'], headers['webhook-id']]);
    const missing = await admin.post(
      `/api/v1/webhooks/${sub.id}/deliveries/00000000-0000-4000-8000-000000000000/redeliver`,
    );
    expect(missing.statusCode).toBe(404);
    await admin.delete(`/api/v1/webhooks/${sub.id}`);
  });

  it('test sends webhook.test now and answers what the receiver said', async () => {
    const sub = await subscribe({ url: receiver.url, events: ['ticket.created'] });
    const ok = await admin.post(`/api/v1/webhooks/${sub.id}/test`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, status: 200, response: 'ok' });
    const message = receiver.received.find((m) => m.id === ok.json().deliveryId);
    expect(JSON.parse(message?.body ?? '{}')).toMatchObject({ type: 'webhook.test', data: { id: sub.id } });
    expect(verifySignature(sub.secret, message?.body ?? '', message?.headers as Record<string, string>)).toBe(true);

    receiver.status = 500;
    const failed = await admin.post(`/api/v1/webhooks/${sub.id}/test`);
    receiver.status = 200;
    expect(failed.json()).toMatchObject({ ok: false, status: 500, response: 'down' });
    const log = await deliveries(sub.id);
    expect(log.map((d) => [d.eventType, d.status])).toEqual([
      ['webhook.test', 'failed'],
      ['webhook.test', 'delivered'],
    ]);
    await admin.delete(`/api/v1/webhooks/${sub.id}`);
  });

  it('after rotating the secret both secrets sign for 24 h', async () => {
    const sub = await subscribe({ url: receiver.url, events: ['customer.created'] });
    const rotated = await admin.post(`/api/v1/webhooks/${sub.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const fresh = rotated.json().secret as string;
    expect(fresh).not.toBe(sub.secret);
    const customerId = await newCustomer('杭州西溪数码有限公司');
    const [message] = await waitFor('the message', () => {
      const got = forCustomer(receiver, customerId);
      return got.length > 0 ? got : undefined;
    });
    const headers = message?.headers as Record<string, string>;
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(verifySignature(sub.secret, message?.body ?? '', headers)).toBe(true);
    expect(verifySignature(fresh, message?.body ?? '', headers)).toBe(true);
    await admin.delete(`/api/v1/webhooks/${sub.id}`);
  });

  it('delivers only what the owner may see (data scope)', async () => {
    const db = t.database.db;
    const owner = await createUser(db, { username: 'hook_owner', roleKey: 'agent' });
    await createUser(db, { username: 'other_agent', roleKey: 'agent' });
    const ownerSession = await t.signIn('hook_owner');
    const other = await t.signIn('other_agent');
    const mine = await new Receiver().start();
    // An agent (scope: own) does not hold webhooks.manage; an administrator could have made the
    // subscription for them, so it is written here directly.
    const rows = await db.execute<{ id: string }>(sql`
      INSERT INTO webhook_subscriptions (url, events, secret, owner_id)
      VALUES (${mine.url}, ARRAY['customer.created'], ${GIVEN_SECRET}, ${owner.id}) RETURNING id`);
    const adminSub = await subscribe({ url: receiver.url, events: ['customer.created'] });
    const own = await newCustomer('北京自有客户有限公司', ownerSession);
    const foreign = await newCustomer('北京他人客户有限公司', other);
    await waitFor('the administrator got both', () => forCustomer(receiver, foreign).length === 1);
    await waitFor('the owner got theirs', () => forCustomer(mine, own).length === 1);
    await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(forCustomer(mine, foreign)).toHaveLength(0);
    const queued = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM webhook_deliveries WHERE subscription_id = ${rows.rows[0]?.id}::uuid`,
    );
    expect(queued.rows[0]?.n).toBe(1);
    await mine.stop();
    await admin.delete(`/api/v1/webhooks/${adminSub.id}`);
    await db.execute(sql`DELETE FROM webhook_subscriptions WHERE id = ${rows.rows[0]?.id}::uuid`);
  });

  it('retries, then disables the subscription and tells its owner; enabling delivers the rest in order', async () => {
    const down = await new Receiver().start();
    down.status = 503;
    const sub = await subscribe({ url: down.url, events: ['customer.created'] });
    const ids: string[] = [];
    for (const name of ['广州一号客户', '广州二号客户', '广州三号客户']) ids.push(await newCustomer(name));
    await waitFor('the subscription disabled', async () => {
      const r = await admin.get(`/api/v1/webhooks/${sub.id}`);
      return r.json().enabled === false ? r : undefined;
    });
    const view = (await admin.get(`/api/v1/webhooks/${sub.id}`)).json();
    expect(view.disabledReason).toContain('4 attempts failed');
    const log = await deliveries(sub.id);
    const head = log.find((d) => JSON.parse(d.body).data.id === ids[0]);
    expect(head).toMatchObject({ status: 'failed', attempts: 4 });
    expect(head?.attemptLog.map((a) => a.status)).toEqual([503, 503, 503, 503]);
    expect(log.filter((d) => d.status === 'pending')).toHaveLength(2);

    const notices = await t.database.db.execute<{ subject: string }>(sql`
      SELECT subject FROM notifications WHERE topic = 'webhooks.disabled' AND recipient = ${admin.userId}`);
    expect(notices.rows).toHaveLength(1);
    expect(notices.rows[0]?.subject).toContain(down.url);

    down.status = 200;
    const enabled = await admin.patch(`/api/v1/webhooks/${sub.id}`, { enabled: true });
    expect(enabled.json()).toMatchObject({ enabled: true, disabledReason: null, consecutiveFailures: 0 });
    await waitFor('all three', () => down.received.length === 3);
    expect(down.bodies().map((b) => b.data.id)).toEqual(ids);
    await down.stop();
    await admin.delete(`/api/v1/webhooks/${sub.id}`);
  });

  it('is for holders of webhooks.manage only', async () => {
    await createUser(t.database.db, { username: 'plain_agent', roleKey: 'agent' });
    const agent = await t.signIn('plain_agent');
    expect((await agent.get('/api/v1/webhooks')).statusCode).toBe(403);
    expect((await agent.post('/api/v1/webhooks', { url: receiver.url, events: ['ticket.created'] })).statusCode).toBe(
      403,
    );
  });
});
