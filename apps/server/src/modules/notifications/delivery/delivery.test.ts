import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { waitFor } from '../../../../test/multi-instance/support.js';
import { customers } from '../../customers/customers.tables.js';
import { queueNotifications } from '../index.js';
import { deliverNotification } from './deliver.js';
import { sweepNotificationsJob } from './delivery.jobs.js';
import { FAIL, RecordingAdapter, rowSql, type StoredRow } from './delivery.test-setup.js';
import type { NotificationInput } from './queue.service.js';
import { quietUntil } from './quiet-hours.js';

/** The delivery pipeline end to end: queue → outbox listener → deliver job → adapter → log. */
describe('notification delivery', () => {
  let t: TestApp;
  let admin: Session;
  let customerId: string;
  const email = new RecordingAdapter('email');
  const sms = new RecordingAdapter('sms');

  beforeAll(async () => {
    t = await createTestApp({
      config: { jobs: { enabled: true, pollingIntervalSeconds: 0.2 } },
      channels: [email, sms],
    });
    admin = await t.signIn('admin');
    const [c] = await t.database.db
      .insert(customers)
      .values({ kind: 'person', name: '李四' })
      .returning({ id: customers.id });
    customerId = c?.id as string;
  });
  afterAll(async () => t?.close());

  const queue = (inputs: NotificationInput[]) => t.database.db.transaction((tx) => queueNotifications(tx, inputs));
  const mail = (to: string, extra: Partial<NotificationInput> = {}) =>
    ({
      channel: 'email',
      recipient: to,
      topic: 'general',
      subject: '标题',
      body: '正文',
      ...extra,
    }) as NotificationInput;
  const row = async (id: string) => (await t.database.db.execute<StoredRow>(rowSql(id))).rows[0] as StoredRow;
  const until = async (id: string, status: string) =>
    waitFor(`status ${status}`, async () => (await row(id)).status === status);
  /** Runs the job's work for a row now or at a later instant (the retry's time), in its own transaction. */
  const deliverAt = (id: string, now: Date) => deliverNotification(t.app.deps, id, now);
  const setChannel = async (channel: string, values: Record<string, unknown>) => {
    const body = { enabled: true, ratePerMinute: 1000, quietHours: [], maxAttempts: 8, ...values };
    const r = await admin.inject('PUT', `/api/v1/notification-channels/${channel}`, body);
    expect(r.statusCode, r.body).toBe(200);
  };

  it('delivers a queued e-mail through its adapter and logs the try', async () => {
    const [id] = await queue([mail('a@example.com', { vars: { x: '1' }, headers: { messageId: '<m1@kefu>' } })]);
    await until(id as string, 'sent');
    expect(email.to('a@example.com')).toEqual([
      expect.objectContaining({ id, subject: '标题', body: '正文', topic: 'general', attempt: 1, locale: 'zh-CN' }),
    ]);
    expect(email.to('a@example.com')[0]?.headers).toEqual({ messageId: '<m1@kefu>' });
    const detail = (await admin.get(`/api/v1/notification-deliveries/${id}`)).json();
    expect(detail).toMatchObject({ status: 'sent', attempts: 1, log: [{ attempt: 1, ok: true, response: '250 OK' }] });
  });

  it('retries a retryable failure with back-off, then succeeds', async () => {
    email.script = [FAIL];
    const before = Date.now();
    const [id] = await queue([mail('retry@example.com')]);
    await until(id as string, 'failed');
    const failed = await row(id as string);
    expect(failed).toMatchObject({ attempts: 1, last_error: 'HTTP 503' });
    const next = new Date(failed.next_attempt_at as string);
    expect(next.getTime() - before).toBeGreaterThanOrEqual(29_000); // 30 s × 2^0
    expect(next.getTime() - before).toBeLessThan(60_000);
    expect((await deliverAt(id as string, new Date(Date.now() + 1000))).status).toBe('skipped'); // not yet due
    expect((await deliverAt(id as string, next)).status).toBe('sent');
    expect(await row(id as string)).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    const log = (await admin.get(`/api/v1/notification-deliveries/${id}`)).json().log;
    expect(log.map((a: { ok: boolean; status: number }) => [a.ok, a.status])).toEqual([
      [false, 503],
      [true, 250],
    ]);
  });

  it('gives up after max attempts (a dead letter, administrators told once), and resends by hand', async () => {
    await setChannel('email', { maxAttempts: 2 });
    email.script = [FAIL, FAIL, FAIL, FAIL];
    const [id, id2] = await queue([mail('dead@example.com'), mail('dead2@example.com')]);
    await until(id as string, 'failed');
    await until(id2 as string, 'failed');
    const later = new Date(Date.now() + 3600_000);
    expect((await deliverAt(id as string, later)).status).toBe('dead');
    expect((await deliverAt(id2 as string, later)).status).toBe('dead');
    const dead = (await admin.get('/api/v1/notification-deliveries?status=dead')).json();
    expect(dead.items.map((i: { id: string }) => i.id).sort()).toEqual([id, id2].sort());
    const mine = (await admin.get('/api/v1/notifications/mine')).json();
    const notices = mine.items.filter((n: { ref: string }) => n.ref === 'notifications:dead_letter');
    expect(notices).toHaveLength(1);

    const r = await admin.post(`/api/v1/notification-deliveries/${id}/resend`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'queued', attempts: 0 });
    await until(id as string, 'sent');
    expect((await admin.get(`/api/v1/notification-deliveries/${id}`)).json().log).toHaveLength(3);
    const audit = await t.database.db.execute<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE entity_id = ${id} AND action = 'notification.resent'`,
    );
    expect(audit.rows).toHaveLength(1);
    await setChannel('email', {});
  });

  it('defers a message past the rate limit of its channel', async () => {
    await setChannel('sms', { ratePerMinute: 1 });
    const ids = await queue([
      { channel: 'sms', recipient: '13800000001', topic: 'general', subject: '', body: '一' },
      { channel: 'sms', recipient: '13800000002', topic: 'general', subject: '', body: '二' },
    ]);
    await waitFor('the deliveries', async () => {
      const rows = await Promise.all(ids.map(row));
      return rows.some((r) => r.status === 'sent') && rows.some((r) => r.status === 'queued' && r.next_attempt_at);
    });
    expect(sms.sent).toHaveLength(1);
    const waiting = (await Promise.all(ids.map(row))).find((r) => r.status === 'queued') as StoredRow;
    const wait = new Date(waiting.next_attempt_at as string).getTime() - Date.now();
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(61_000);
    await setChannel('sms', { quietHours: [] });
  });

  it("holds a customer's message during the channel's quiet hours, not a user's", async () => {
    // A quiet period around the present moment, in the configured time zone.
    const zone = t.config.timezone;
    const hhmm = (d: Date) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        d,
      );
    const now = Date.now();
    const period = { from: hhmm(new Date(now - 3600_000)), to: hhmm(new Date(now + 3600_000)) };
    await setChannel('email', { quietHours: [period] });
    const expected = quietUntil(new Date(), [period], zone) as Date;
    expect(expected.getTime() - now).toBeGreaterThan(58 * 60_000);
    const [toCustomer, toUser] = await queue([mail('customer@example.com', { customerId }), mail('staff@example.com')]);
    await until(toUser as string, 'sent');
    await waitFor('a retry scheduled', async () => (await row(toCustomer as string)).next_attempt_at !== null);
    const held = await row(toCustomer as string);
    expect(held.status).toBe('queued');
    expect(Math.abs(new Date(held.next_attempt_at as string).getTime() - expected.getTime())).toBeLessThan(60_000);
    expect((await deliverAt(toCustomer as string, new Date(now + 5 * 60_000))).status).toBe('skipped');
    expect(email.to('customer@example.com')).toHaveLength(0);
    await setChannel('email', {});
  });

  it("suppresses a message to a customer who opted out, and follows the customer's preferred channel", async () => {
    const put = (body: Record<string, unknown>) =>
      admin.inject('PUT', `/api/v1/notification-customer-preferences/${customerId}`, body);
    expect((await put({ preferredChannel: null, optedOut: true })).statusCode).toBe(200);
    const [out] = await queue([mail('optout@example.com', { customerId, topic: 'ticket.reply' })]);
    expect((await row(out as string)).status).toBe('suppressed');

    expect((await put({ preferredChannel: 'email', optedOut: false })).statusCode).toBe(200);
    const [chosen] = await queue([
      {
        channel: 'sms',
        recipient: '13900000000',
        customerId,
        topic: 'ticket.reply',
        subject: '回复',
        body: '已处理',
        vars: { customerName: '李四', ticketNumber: 'T1', agentName: '张三' },
        alternatives: [{ channel: 'email', recipient: 'pref@example.com' }],
      },
    ]);
    await until(chosen as string, 'sent');
    expect(await row(chosen as string)).toMatchObject({ channel: 'email', recipient: 'pref@example.com' });
    // Worded by the topic's built-in e-mail template.
    expect(email.to('pref@example.com')[0]).toMatchObject({
      subject: '[#T1] 回复',
      body: expect.stringContaining('李四，您好：\n\n已处理\n\n张三'),
    });
    expect(email.to('optout@example.com')).toHaveLength(0);
  });

  it('sends a message exactly once when two deliveries of it run at the same time', async () => {
    email.delayMs = 300;
    const [id] = await queue([mail('once@example.com')]);
    const now = new Date();
    const outcomes = await Promise.all([deliverAt(id as string, now), deliverAt(id as string, now)]);
    await until(id as string, 'sent');
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the listener's job has run too
    email.delayMs = 0;
    expect(email.to('once@example.com')).toHaveLength(1);
    expect(outcomes.map((o) => o.status).sort()).toContain('skipped');
  });

  it('sends jobs for messages left waiting (queued before deliveries existed) on the sweep', async () => {
    const [old] = (
      await t.database.db.execute<{ id: string }>(sql`
        INSERT INTO notifications (channel, recipient, subject, body, status, topic, created_at)
        VALUES ('email', 'old@example.com', '旧通知', '正文', 'queued', 'handover.customer_notice', now() - interval '1 day')
        RETURNING id`)
    ).rows;
    await t.database.db.transaction((tx) =>
      sweepNotificationsJob.handler({ tx, deps: t.app.deps, data: {}, jobId: 'sweep-test' }),
    );
    await until(old?.id as string, 'sent');
    expect(email.to('old@example.com')).toHaveLength(1);
  });

  it('holds no database transaction while the peer is slow: the message is visibly `sending` meanwhile', async () => {
    let open: () => void = () => {};
    email.gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    try {
      const [id] = await queue([mail('slow@example.com')]);
      await waitFor('a send in flight', () => email.inFlight > 0);
      // On PGlite (one connection) these would wait for the end of a transaction held while sending.
      expect(await row(id as string)).toMatchObject({ status: 'sending', attempts: 0 });
      expect((await admin.get('/api/v1/notification-deliveries?status=sending')).json().items).toEqual([
        expect.objectContaining({ id, status: 'sending' }),
      ]);
      expect((await admin.post(`/api/v1/notification-deliveries/${id}/resend`)).statusCode).toBe(409);
      open();
      await until(id as string, 'sent');
    } finally {
      email.gate = undefined;
      open();
    }
  });

  it('closes a try whose sending run died as interrupted, then sends the message again', async () => {
    const [stale] = (
      await t.database.db.execute<{ id: string }>(sql`
        INSERT INTO notifications (channel, recipient, subject, body, status, topic, next_attempt_at)
        VALUES ('email', 'crash@example.com', '标题', '正文', 'sending', 'general', now() - interval '1 minute')
        RETURNING id`)
    ).rows;
    const id = stale?.id as string;
    const now = new Date();
    expect((await deliverAt(id, now)).status).toBe('skipped');
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.last_error).toMatch(/^Interrupted/);
    expect((await deliverAt(id, new Date(failed.next_attempt_at as string))).status).toBe('sent');
    const log = (await admin.get(`/api/v1/notification-deliveries/${id}`)).json().log;
    expect(log.map((a: { ok: boolean; attempt: number }) => [a.attempt, a.ok])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(email.to('crash@example.com')).toHaveLength(1);
  });
});
