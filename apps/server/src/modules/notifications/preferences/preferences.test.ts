import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventLog } from '../../../../test/events.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createUser } from '../../../db/seed/factories.js';
import { customers } from '../../customers/customers.tables.js';
import { queueNotifications } from '../index.js';

/** Users' channels per topic (and the copies they add), customers' preferences, channel settings. */
describe('notification preferences and channel settings', () => {
  let t: TestApp;
  let admin: Session;
  let agent: Session;
  let clerk: Session;
  let mineId: string;
  let othersId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const a = await createUser(db, { username: 'agent1', email: 'agent1@example.com', phone: '13700000001' });
    await createUser(db, { username: 'clerk1', roleKey: 'clerk' });
    const [mine, others] = await db
      .insert(customers)
      .values([
        { kind: 'person', name: '我的客户', ownerId: a.id },
        { kind: 'person', name: '别人的客户', ownerId: null },
      ])
      .returning({ id: customers.id });
    mineId = mine?.id as string;
    othersId = others?.id as string;
    admin = await t.signIn('admin');
    agent = await t.signIn('agent1');
    clerk = await t.signIn('clerk1');
  });
  afterAll(async () => t?.close());

  const rowsOf = async (ref: string) =>
    (
      await t.database.db.execute<{ channel: string; recipient: string; status: string; user_id: string }>(
        sql`SELECT channel, recipient, status, user_id FROM notifications WHERE ref = ${ref} ORDER BY channel`,
      )
    ).rows;
  const auditOf = async (action: string) =>
    (await t.database.db.execute<{ after: unknown }>(sql`SELECT after FROM audit_log WHERE action = ${action}`)).rows;

  it("lists the caller's topics with the defaults (e-mail too for escalations)", async () => {
    const r = await agent.get('/api/v1/notification-preferences');
    expect(r.statusCode).toBe(200);
    const byTopic = Object.fromEntries(r.json().topics.map((x: { topic: string }) => [x.topic, x]));
    expect(byTopic['sla.escalated']).toEqual({
      topic: 'sla.escalated',
      channels: ['in_app', 'email'],
      available: ['in_app', 'email', 'sms'],
    });
    expect(byTopic['ticket.assigned'].channels).toEqual(['in_app']);
    expect(byTopic['ticket.reply']).toBeUndefined(); // addressed to customers, not a choice of staff
  });

  it('saves my choices (audited) and refuses unknown topics and channels', async () => {
    const r = await agent.inject('PUT', '/api/v1/notification-preferences', {
      topics: [{ topic: 'ticket.assigned', channels: ['sms'] }],
    });
    expect(r.statusCode, r.body).toBe(200);
    const assigned = r.json().topics.find((x: { topic: string }) => x.topic === 'ticket.assigned');
    expect(assigned.channels).toEqual(['in_app', 'sms']);
    expect(await auditOf('notification_preferences.updated')).toEqual([
      { after: { 'ticket.assigned': ['in_app', 'sms'] } },
    ]);
    const bad = async (body: unknown) => {
      const res = await agent.inject('PUT', '/api/v1/notification-preferences', body as Record<string, unknown>);
      return [res.statusCode, res.json().code];
    };
    expect(await bad({ topics: [{ topic: 'nope', channels: [] }] })).toEqual([400, 'notifications.unknown_topic']);
    expect(await bad({ topics: [{ topic: 'ticket.reply', channels: ['email'] }] })).toEqual([
      400,
      'notifications.unknown_topic',
    ]);
    expect(await bad({ topics: [{ topic: 'general', channels: ['robot'] }] })).toEqual([
      400,
      'notifications.channel_not_allowed',
    ]);
    expect(await bad({ topics: [{ topic: 'general', channels: ['fax'] }] })).toEqual([400, 'validation_failed']);
    expect(await bad({})).toEqual([400, 'validation_failed']);
  });

  it("adds copies of an in-app message by the user's chosen channels, and pushes the in-app one to the user", async () => {
    const events = new EventLog(t.database.db);
    await events.reset();
    await t.database.db.transaction((tx) =>
      queueNotifications(tx, [
        {
          channel: 'in_app',
          recipient: agent.userId,
          topic: 'ticket.assigned',
          subject: '新工单',
          body: 'T1',
          ref: 'p:1',
        },
        {
          channel: 'in_app',
          recipient: agent.userId,
          topic: 'sla.escalated',
          subject: '升级',
          body: 'T2',
          ref: 'p:2',
          extraChannels: ['sms', 'robot'], // an escalation level's channels (robots are not users' copies)
        },
        { channel: 'in_app', recipient: admin.userId, topic: 'sla.escalated', subject: '升级', body: 'T2', ref: 'p:3' },
      ]),
    );
    expect(await rowsOf('p:1')).toEqual([
      { channel: 'in_app', recipient: agent.userId, status: 'sent', user_id: agent.userId },
      { channel: 'sms', recipient: '13700000001', status: 'queued', user_id: agent.userId },
    ]);
    // No preference for escalations: the topic's default adds e-mail; the level asks for SMS too.
    expect((await rowsOf('p:2')).map((r) => [r.channel, r.recipient])).toEqual([
      ['email', 'agent1@example.com'],
      ['in_app', agent.userId],
      ['sms', '13700000001'],
    ]);
    expect((await rowsOf('p:3')).map((r) => r.channel)).toEqual(['in_app']); // the admin has no e-mail address
    const created = await events.list('notification.created');
    expect(created.map((e) => e.payload.userId).sort()).toEqual([agent.userId, agent.userId, admin.userId].sort());
    const queued = await events.list('notification.queued');
    expect(queued).toHaveLength(1);
    expect(queued[0]?.payload.ids).toHaveLength(3);
  });

  it("reads and sets a customer's preferred channel and opt-out within the caller's data scope", async () => {
    const url = (id: string) => `/api/v1/notification-customer-preferences/${id}`;
    expect((await agent.get(url(mineId))).json()).toMatchObject({
      customerId: mineId,
      preferredChannel: null,
      optedOut: false,
    });
    const put = await agent.inject('PUT', url(mineId), { preferredChannel: 'sms', optedOut: true });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ preferredChannel: 'sms', optedOut: true });
    expect(await auditOf('customer.notification_preferences_updated')).toEqual([
      { after: { preferredChannel: 'sms', optedOut: true } },
    ]);
    const outside = await agent.get(url(othersId));
    expect([outside.statusCode, outside.json().code]).toEqual([404, 'customers.not_found']);
    const outsidePut = await agent.inject('PUT', url(othersId), { preferredChannel: null, optedOut: false });
    expect(outsidePut.statusCode).toBe(404);
    expect((await agent.get(url('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(404);
    expect((await clerk.inject('PUT', url(mineId), { preferredChannel: null, optedOut: false })).statusCode).toBe(403);
    expect((await agent.inject('PUT', url(mineId), { preferredChannel: 'fax', optedOut: false })).statusCode).toBe(400);
    expect((await agent.get(url('not-a-uuid'))).statusCode).toBe(400);
  });

  it('lets holders of notifications.manage read and change channel settings (audited)', async () => {
    expect((await agent.get('/api/v1/notification-channels')).statusCode).toBe(403);
    const list = (await admin.get('/api/v1/notification-channels')).json().items;
    expect(list.map((c: { channel: string }) => c.channel)).toEqual(['email', 'sms', 'robot']);
    expect(list[1]).toMatchObject({ channel: 'sms', quietHours: [{ from: '21:00', to: '08:30' }], maxAttempts: 8 });

    const body = { enabled: false, ratePerMinute: 5, quietHours: [{ from: '22:00', to: '07:00' }], maxAttempts: 3 };
    expect((await agent.inject('PUT', '/api/v1/notification-channels/robot', body)).statusCode).toBe(403);
    const r = await admin.inject('PUT', '/api/v1/notification-channels/robot', body);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ channel: 'robot', ...body });
    expect(await auditOf('notification_channel.updated')).toEqual([{ after: body }]);
    const bad = async (channel: string, b: Record<string, unknown>) =>
      (await admin.inject('PUT', `/api/v1/notification-channels/${channel}`, b)).statusCode;
    expect(await bad('fax', body)).toBe(400);
    expect(await bad('robot', { ...body, quietHours: [{ from: '25:00', to: '07:00' }] })).toBe(400);
    expect(await bad('robot', { ...body, ratePerMinute: 0 })).toBe(400);
    const empty = await admin.inject('PUT', '/api/v1/notification-channels/robot', {
      ...body,
      quietHours: [{ from: '22:00', to: '22:00' }],
    });
    expect([empty.statusCode, empty.json().code]).toEqual([400, 'notifications.bad_quiet_hours']);
    expect(await bad('robot', { ...body, maxAttempts: 100 })).toBe(400);
  });
});
