import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { signedHeaders } from '../webhooks.signature.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

describe('inbound events: a signed message opens a ticket', () => {
  let t: TestApp;
  let admin: Session;
  let sourceId: string;
  let customerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signIn('admin');
    const customer = await admin.post('/api/v1/customers', { kind: 'person', name: '王女士', phone: '13800138000' });
    expect(customer.statusCode, customer.body).toBe(201);
    customerId = customer.json().id;
  });
  afterAll(() => t.close());

  const event = (subject = '热水器不出热水') => ({
    type: 'ticket.requested',
    timestamp: new Date().toISOString(),
    data: {
      subject,
      description: '小程序报修：今早开始热水器不出热水，显示 E1。',
      contact: { name: '王女士', phone: '138 0013 8000' },
      priority: 'high',
    },
  });
  const send = (body: string, headers: Record<string, string>, id = sourceId) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/inbound/${id}`,
      headers: { 'content-type': 'application/json', ...headers },
      payload: body,
    });
  const ticketCount = async () =>
    (await t.database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM tickets`)).rows[0]?.n;

  it('manages inbound sources; the secret is answered once only', async () => {
    const created = await admin.post('/api/v1/inbound-sources', { name: '微信小程序报修', secret: SECRET });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: '微信小程序报修', secret: SECRET, enabled: true });
    sourceId = created.json().id;
    const generated = await admin.post('/api/v1/inbound-sources', { name: '官网表单', priority: 'low' });
    expect(generated.json().secret).toMatch(/^whsec_/);
    const list = await admin.get('/api/v1/inbound-sources');
    expect(list.json().items).toHaveLength(2);
    expect(list.body).not.toContain('whsec_');
    const patched = await admin.patch(`/api/v1/inbound-sources/${generated.json().id}`, { enabled: false });
    expect(patched.json()).toMatchObject({ enabled: false, priority: 'low' });
    expect((await admin.delete(`/api/v1/inbound-sources/${generated.json().id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/inbound-sources/${generated.json().id}`)).statusCode).toBe(404);
    const bad = await admin.post('/api/v1/inbound-sources', { name: 'x', secret: 'plain' });
    expect(bad.json().code).toBe('webhooks.bad_secret');
  });

  it('a valid message is 201 and opens a ticket for the customer matched by phone', async () => {
    const body = JSON.stringify(event());
    const r = await send(body, signedHeaders([SECRET], `msg_${randomUUID()}`, new Date(), body));
    expect(r.statusCode, r.body).toBe(201);
    const { ticketId, number } = r.json();
    expect(r.json().customerId).toBe(customerId);
    const ticket = await admin.get(`/api/v1/tickets/${ticketId}`);
    expect(ticket.statusCode).toBe(200);
    expect(ticket.json()).toMatchObject({
      number,
      subject: '热水器不出热水',
      channel: 'api',
      priority: 'high',
      status: 'received',
    });
    expect(ticket.json().customer?.id ?? ticket.json().customerId).toBe(customerId);
  });

  it('a tampered, stale, unsigned or replayed message is refused and creates nothing', async () => {
    const before = await ticketCount();
    const body = JSON.stringify(event('篡改测试'));
    const id = `msg_${randomUUID()}`;
    const headers = signedHeaders([SECRET], id, new Date(), body);

    const tampered = await send(body.replace('篡改测试', '已被篡改'), headers);
    expect(tampered.statusCode).toBe(401);
    expect(tampered.json().code).toBe('webhooks.signature_invalid');

    const stale = new Date(Date.now() - 6 * 60_000);
    const old = await send(body, signedHeaders([SECRET], `msg_${randomUUID()}`, stale, body));
    expect(old.statusCode).toBe(401);

    const wrongKey = await send(body, signedHeaders([`whsec_${'A'.repeat(43)}=`], id, new Date(), body));
    expect(wrongKey.statusCode).toBe(401);
    const unsigned = await send(body, {});
    expect(unsigned.statusCode).toBe(401);
    expect(await ticketCount()).toBe(before);

    expect((await send(body, headers)).statusCode).toBe(201);
    const replay = await send(body, headers);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().code).toBe('webhooks.replayed');
    expect(await ticketCount()).toBe((before ?? 0) + 1);

    const unknown = await send(body, headers, randomUUID());
    expect(unknown.statusCode).toBe(404);
    const huge = JSON.stringify({ ...event(), data: { ...event().data, description: 'x'.repeat(70_000) } });
    const tooBig = await send(huge, signedHeaders([SECRET], `msg_${randomUUID()}`, new Date(), huge));
    expect(tooBig.statusCode).toBe(413);
    expect(await ticketCount()).toBe((before ?? 0) + 1);
  });

  it('documents the endpoint in OpenAPI with a request example', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const op = doc.paths['/api/v1/inbound/{sourceId}']?.post;
    expect(op?.operationId).toBe('receiveInboundEvent');
    expect(JSON.stringify(doc)).toContain('热水器不出热水');
  });
});
