import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { waitFor } from '../../../test/multi-instance/support.js';
import { recordEvent } from '../../events/outbox.js';
import { Receiver } from './receiver.test-setup.js';
import { outboundTesting } from './webhooks.deliverer.js';

/** SSRF: without KEFU_WEBHOOK_ALLOW_PRIVATE, private, loopback and link-local targets are refused. */
describe('webhooks: private targets are refused unless allowed', () => {
  let t: TestApp;
  let admin: Session;
  let receiver: Receiver;

  beforeAll(async () => {
    receiver = await new Receiver().start();
    t = await createTestApp({
      config: {
        outbound: { allowPrivate: false },
        webhooks: { retryScheduleSeconds: [60], pollingIntervalMs: 50 },
      },
    });
    admin = await t.signIn('admin');
    // A name that resolves to an intranet address (offline: the resolver is injected).
    outboundTesting.resolve = async (host) =>
      host === 'intranet.example.test' ? [{ address: '10.20.30.40', family: 4 }] : [];
  });
  afterAll(async () => {
    outboundTesting.resolve = undefined;
    await t.close();
    await receiver.stop();
  });

  it.each([
    ['loopback', 'http://127.0.0.1:8080/hook'],
    ['cloud metadata (link-local)', 'http://169.254.169.254/latest/meta-data/'],
    ['IPv4-mapped loopback', 'http://[::ffff:127.0.0.1]/hook'],
    ['a name resolving to 10.x', 'http://intranet.example.test/hook'],
    ['private 192.168.x', 'https://192.168.1.10/hook'],
  ])('refuses a subscription to %s', async (_what, url) => {
    const r = await admin.post('/api/v1/webhooks', { url, events: ['ticket.created'] });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().code).toBe('outbound.blocked_address');
  });

  it('refuses to send to a stored private target (the address is checked again at each delivery)', async () => {
    const rows = await t.database.db.execute<{ id: string }>(sql`
      INSERT INTO webhook_subscriptions (url, events, secret, owner_id)
      VALUES (${receiver.url}, ARRAY['customer.created'], ${'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'}, ${admin.userId})
      RETURNING id`);
    const id = rows.rows[0]?.id as string;
    const test = await admin.post(`/api/v1/webhooks/${id}/test`);
    expect(test.json()).toMatchObject({ ok: false, status: null });
    expect(test.json().response).toContain('outbound.blocked_address');

    await recordEvent(t.database.db, 'customer.created', { customerId: randomUUID() });
    const attempt = await waitFor('the refused attempt', async () => {
      const r = await t.database.db.execute<{ error: string }>(sql`
        SELECT a.error FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id
        WHERE d.subscription_id = ${id}::uuid AND d.event_type = 'customer.created'`);
      return r.rows[0];
    });
    expect(attempt.error).toContain('outbound.blocked_address');

    await t.database.db.execute(
      sql`UPDATE webhook_subscriptions SET url = 'http://intranet.example.test/hook' WHERE id = ${id}::uuid`,
    );
    const named = await admin.post(`/api/v1/webhooks/${id}/test`);
    expect(named.json().response).toContain('10.20.30.40');
    expect(receiver.received).toHaveLength(0);
  });
});
