import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createUser } from '../../../db/seed/factories.js';
import { customers } from '../../customers/customers.tables.js';
import { listDeliveries, queueNotifications, seedNotificationsDemo, sendNow } from '../index.js';
import { RecordingAdapter } from './delivery.test-setup.js';

/** sendNow (a robot's test button), the delivery log read by other modules, and the log's access rules. */
describe('delivery log API and sendNow', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  const robot = new RecordingAdapter('robot');
  const robotId = '11111111-1111-4111-8111-111111111111';
  let sentId: string;
  let inAppId: string;

  beforeAll(async () => {
    t = await createTestApp({ channels: [robot] });
    await createUser(t.database.db, { username: 'agent3' });
    admin = await t.signIn('admin');
    agent = await t.signIn('agent3');
    [inAppId] = (await t.database.db.transaction((tx) =>
      queueNotifications(tx, [
        { channel: 'in_app', recipient: admin.userId, topic: 'general', subject: 's', body: 'b' },
      ]),
    )) as [string];
  });
  afterAll(async () => t?.close());

  it('sends a message in the request and answers with the peer’s reply', async () => {
    const ok = await sendNow(t.app.deps, {
      channel: 'robot',
      recipient: robotId,
      topic: 'robots.test',
      subject: '',
      body: '',
      vars: { robotName: '客服群' },
    });
    expect(ok).toMatchObject({ ok: true, status: 'sent', response: { status: 250, body: '250 OK' }, error: null });
    expect(robot.sent[0]).toMatchObject({
      topic: 'robots.test',
      body: '这是来自客服系统的测试消息（机器人：客服群）。',
    });
    sentId = ok.notificationId;

    robot.script = [
      { ok: false, status: 200, response: '{"code":19021}', error: '19021 sign match fail', retryable: false },
    ];
    const refused = await sendNow(t.app.deps, {
      channel: 'robot',
      recipient: robotId,
      topic: 'robots.test',
      subject: '',
      body: '',
    });
    expect(refused).toMatchObject({ ok: false, status: 'dead', error: '19021 sign match fail' });

    const log = await listDeliveries(t.database.db, { recipient: robotId, channel: 'robot' });
    expect(log.total).toBe(2);
    expect(log.items.map((i) => i.status)).toEqual(['dead', 'sent']); // newest first
  });

  it('lists and shows deliveries to administrators, with filters', async () => {
    const list = await admin.get(`/api/v1/notification-deliveries?channel=robot&recipient=${robotId}&status=sent`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1, items: [{ id: sentId, topic: 'robots.test' }] });
    const one = await admin.get(`/api/v1/notification-deliveries/${sentId}`);
    expect(one.json()).toMatchObject({ id: sentId, status: 'sent', log: [{ attempt: 1, ok: true, status: 250 }] });
    // In-app notifications are not deliveries.
    expect((await admin.get(`/api/v1/notification-deliveries/${inAppId}`)).statusCode).toBe(404);
  });

  it('puts on record which customers a reader of the log saw (ADR 0006): the page, and one message', async () => {
    const [c] = await t.database.db
      .insert(customers)
      .values({ kind: 'person', name: '王五' })
      .returning({ id: customers.id });
    const customerId = c?.id as string;
    const { notificationId } = await sendNow(t.app.deps, {
      channel: 'robot',
      recipient: robotId,
      topic: 'general',
      subject: '标题',
      body: '王五的消息',
      customerId,
    });
    const entries = async (since: number) =>
      (
        await t.database.db.execute<{ action: string; entity_id: string | null; details: Record<string, unknown> }>(
          sql`SELECT action, entity_id, details FROM audit_log WHERE id > ${since} AND action LIKE 'customer.%' ORDER BY id`,
        )
      ).rows;
    const maxId = async () =>
      Number(
        (await t.database.db.execute<{ id: number }>(sql`SELECT coalesce(max(id), 0) AS id FROM audit_log`)).rows[0]
          ?.id,
      );

    let since = await maxId();
    expect((await admin.get('/api/v1/notification-deliveries?channel=robot')).statusCode).toBe(200);
    expect(await entries(since)).toEqual([
      {
        action: 'customer.listed',
        entity_id: null,
        details: expect.objectContaining({ list: 'notification_deliveries', ids: [customerId] }),
      },
    ]);
    since = await maxId();
    expect((await admin.get(`/api/v1/notification-deliveries/${notificationId}`)).statusCode).toBe(200);
    expect(await entries(since)).toEqual([
      { action: 'customer.viewed', entity_id: customerId, details: { view: 'notification', notificationId } },
    ]);
    // Messages to nobody's customer (a robot's test) leave no customer entry.
    since = await maxId();
    await admin.get(`/api/v1/notification-deliveries/${sentId}`);
    expect(await entries(since)).toEqual([]);
  });

  it('refuses callers without notifications.manage, unknown ids and bad filters', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    expect((await agent.get('/api/v1/notification-deliveries')).statusCode).toBe(403);
    expect((await agent.get(`/api/v1/notification-deliveries/${sentId}`)).statusCode).toBe(403);
    expect((await agent.post(`/api/v1/notification-deliveries/${sentId}/resend`)).statusCode).toBe(403);
    const missing = await admin.get(`/api/v1/notification-deliveries/${none}`);
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'notifications.not_found']);
    expect((await admin.post(`/api/v1/notification-deliveries/${none}/resend`)).statusCode).toBe(404);
    const inApp = await admin.post(`/api/v1/notification-deliveries/${inAppId}/resend`);
    expect([inApp.statusCode, inApp.json().code]).toEqual([409, 'notifications.not_resendable']);
    expect((await admin.get('/api/v1/notification-deliveries/not-a-uuid')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/notification-deliveries?status=lost')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/notification-deliveries?channel=in_app')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/notification-deliveries?pageSize=100000')).statusCode).toBe(400);
  });

  it('seeds demo data the administrator pages show (templates, dead letters with their tries)', async () => {
    await t.database.db.transaction((tx) => seedNotificationsDemo(tx));
    const dead = (await admin.get('/api/v1/notification-deliveries?status=dead&channel=sms')).json();
    expect(dead.items).toHaveLength(1);
    const detail = (await admin.get(`/api/v1/notification-deliveries/${dead.items[0].id}`)).json();
    expect(detail.log).toHaveLength(3);
    expect(detail.lastError).toContain('isv.MOBILE_NUMBER_ILLEGAL');
    const templates = (await admin.get('/api/v1/notification-templates')).json().items;
    expect(templates.filter((i: { custom: boolean }) => i.custom)).toHaveLength(3);
    const channels = (await admin.get('/api/v1/notification-channels')).json().items;
    expect(channels.find((c: { channel: string }) => c.channel === 'sms').updatedAt).not.toBeNull();
  });
});
