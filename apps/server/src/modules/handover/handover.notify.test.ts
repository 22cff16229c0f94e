import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import { waitFor } from '../../../test/multi-instance/support.js';
import { createUser } from '../../db/seed/factories.js';
import { customerContacts, customerStaff, customers } from '../customers/customers.tables.js';
import { RecordingAdapter } from '../notifications/delivery/delivery.test-setup.js';
import { queueCustomerNotices } from './handover.jobs.js';

/** What a handover tells people: the successor in-app, the customers through the notice job. */
describe('handover notices and in-app notifications', () => {
  let t: TestApp;
  let admin: Session;
  let successor: Session;
  let peer: Session;
  let leaverId: string;
  let handoverId: string;
  let c: Record<'mobile' | 'email' | 'landline', string>;
  const sms = new RecordingAdapter('sms');
  const email = new RecordingAdapter('email');

  beforeAll(async () => {
    t = await createTestApp({
      config: { jobs: { enabled: true, pollingIntervalSeconds: 0.5 } },
      channels: [sms, email],
    });
    const db = t.database.db;
    const leaver = await createUser(db, { username: 'leaver', displayName: '王芳' });
    leaverId = leaver.id;
    await createUser(db, { username: 'successor', displayName: '李强', phone: '13800138000' });
    await createUser(db, { username: 'peer' });
    const one = async (values: Partial<typeof customers.$inferInsert>) => {
      const [row] = await db
        .insert(customers)
        .values({ kind: 'company', name: '客户', ownerId: leaver.id, ...values })
        .returning({ id: customers.id });
      await db.insert(customerStaff).values({ customerId: row?.id as string, userId: leaver.id, role: 'owner' });
      return row?.id as string;
    };
    c = {
      mobile: await one({ name: '杭州明远广告', phone: '0571-87654321' }),
      email: await one({ name: '上海华信医疗器械', email: 'it@huaxin.example' }),
      landline: await one({ name: '广州喜临门', phone: '020-38881234' }),
    };
    await db
      .insert(customerContacts)
      .values({ customerId: c.mobile, name: '陈经理', mobile: '+86 139 6210 1001', isPrimary: true });
    admin = await t.signIn('admin');
    successor = await t.signIn('successor');
    peer = await t.signIn('peer');
    // No quiet hours: the notices go out whatever the time of day the test runs.
    const quiet = { enabled: true, ratePerMinute: 60, quietHours: [], maxAttempts: 8 };
    expect((await admin.inject('PUT', '/api/v1/notification-channels/sms', quiet)).statusCode).toBe(200);
  });
  afterAll(async () => t?.close());

  const noticesOf = async (id: string) =>
    (
      await t.database.db.execute<{
        ref: string;
        channel: string;
        recipient: string;
        status: string;
        body: string;
        topic: string;
        customer_id: string | null;
      }>(
        sql`SELECT ref, channel, recipient, status, body, topic, customer_id FROM notifications WHERE ref LIKE ${`handover:${id}/customer:%`}`,
      )
    ).rows;

  it('queues one job that writes a notice per reachable customer (default template), and delivers them', async () => {
    const r = await admin.post('/api/v1/handovers', {
      fromUserId: leaverId,
      toUserId: successor.userId,
      reason: '离职交接',
      notifyCustomers: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    handoverId = r.json().id;
    expect(r.json()).toMatchObject({ notify: true, affectedCustomers: 3, notifyJobId: expect.any(String) });

    await waitFor('the handover notices', async () => {
      const rows = await noticesOf(handoverId);
      return rows.length === 2 && rows.every((r) => r.status === 'sent');
    });
    const notices = await noticesOf(handoverId);
    const byCustomer = Object.fromEntries(notices.map((x) => [x.ref.split('customer:')[1], x]));
    expect(Object.keys(byCustomer).sort()).toEqual([c.mobile, c.email].sort()); // a landline cannot take an SMS
    expect(byCustomer[c.mobile]).toMatchObject({
      channel: 'sms',
      recipient: '13962101001',
      status: 'sent',
      topic: 'handover.customer_notice',
      customer_id: c.mobile,
    });
    expect(byCustomer[c.email]).toMatchObject({ channel: 'email', recipient: 'it@huaxin.example', status: 'sent' });
    expect(sms.sent.map((m) => [m.recipient, m.topic, m.body])).toEqual([
      ['13962101001', 'handover.customer_notice', byCustomer[c.mobile]?.body],
    ]);
    expect(email.sent.map((m) => [m.recipient, m.subject])).toEqual([['it@huaxin.example', '客服对接人变更通知']]);
    expect(byCustomer[c.mobile]?.body).toBe(
      '尊敬的杭州明远广告：您好！因工作安排调整，自即日起您的客服对接人由王芳变更为李强，联系电话：13800138000。' +
        '此前的服务事项均已交接完毕，如有任何需要，欢迎随时与李强联系。感谢您一直以来的信任与支持！',
    );
  });

  it('gives the successor one in-app notification, which only they can read and mark read', async () => {
    const mine = (await successor.get('/api/v1/notifications/mine')).json();
    expect(mine).toMatchObject({
      total: 1,
      unread: 1,
      items: [{ subject: '王芳 的工作已交接给您', readAt: null, ref: `handover:${handoverId}` }],
    });
    expect(mine.items[0].body).toBe('您已接收 王芳 交接的工作：专属客户 3 项。交接原因：离职交接');
    const id = mine.items[0].id as string;

    expect((await peer.get('/api/v1/notifications/mine')).json()).toMatchObject({ total: 0, unread: 0 });
    const foreign = await peer.post(`/api/v1/notifications/${id}/read`);
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'notifications.not_found']);

    expect((await successor.post(`/api/v1/notifications/${id}/read`)).statusCode).toBe(204);
    expect((await successor.get('/api/v1/notifications/mine?unread=true')).json()).toMatchObject({
      total: 0,
      unread: 0,
    });
    const read = (await successor.get('/api/v1/notifications/mine')).json();
    expect(read.items[0].readAt).toEqual(expect.any(String));
    expect((await successor.post('/api/v1/notifications/read-all')).statusCode).toBe(204);
  });

  it('renders a custom template when the job handler runs directly in a transaction', async () => {
    const template = '{customerName}您好：新对接人{newContact}（{新对接人电话}）接替{previousContact}。';
    class Rollback extends Error {}
    await t.database.db
      .transaction(async (tx) => {
        const ids = [c.mobile, c.landline, c.email];
        expect(await queueCustomerNotices(tx, { handoverId, customerIds: ids, template })).toEqual({
          queued: 2,
          skipped: 1,
        });
        const written = await tx.execute<{ body: string }>(
          sql`SELECT body FROM notifications WHERE body LIKE '%接替%'`,
        );
        expect(written.rows.map((w) => w.body).sort()).toEqual([
          '上海华信医疗器械您好：新对接人李强（13800138000）接替王芳。',
          '杭州明远广告您好：新对接人李强（13800138000）接替王芳。',
        ]);
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect((await noticesOf(handoverId)).length).toBe(2);
  });
});
