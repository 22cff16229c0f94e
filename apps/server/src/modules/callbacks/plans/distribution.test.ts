import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { agentProfiles, customerMilestones, customers } from '../../../db/schema/index.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';
import { recordEvent } from '../../../events/outbox.js';
import { addDays, dayIn } from '../../../lib/calendar-day.js';
import { callbackOwners, callbacks } from '../callbacks.tables.js';
import { drainCallbacks } from './callbacks.test-setup.js';
import { callbackMilestonesListener } from './plans.listeners.js';

describe('callbacks: distribution among the callback specialists', () => {
  let t: TestApp;
  let specialists: string[];
  let awayId: string;
  let supervisor: Session;
  let today: string;
  let ids: string[];

  /**
   * Sets milestones straight in the table with the event the customers module records. `direct`
   * (1,000 customers): the listener is handed each event as the dispatcher would, in batches of 100
   * per transaction — the dispatcher itself is exercised by the other tests.
   */
  const setMilestones = async (customerIds: string[], typeKey: string, date: string, direct = false) => {
    for (let i = 0; i < customerIds.length; i += 100)
      await t.database.db.transaction(async (tx) => {
        const rows = await tx
          .insert(customerMilestones)
          .values(customerIds.slice(i, i + 100).map((customerId) => ({ customerId, typeKey, date })))
          .returning();
        for (const m of rows) {
          const payload = { customerId: m.customerId, milestoneId: m.id, typeKey, date, orderId: null };
          if (!direct) await recordEvent(tx, 'customer.milestone_set', payload);
          else
            await callbackMilestonesListener.handle({
              tx,
              deps: t.app.deps,
              event: {
                id: m.id,
                name: 'customer.milestone_set',
                payload,
                actorId: null,
                at: new Date().toISOString(),
                aggregateType: 'customer',
                aggregateId: m.customerId,
              },
            });
        }
      });
    await drainCallbacks(t);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    today = dayIn(new Date(), t.config.timezone);
    const dept = await createDepartment(db, { name: '回访组' });
    specialists = [];
    for (let i = 0; i < 7; i += 1)
      specialists.push(
        (await createUser(db, { username: `cb${i}`, roleKey: 'callback_specialist', departmentId: dept.id })).id,
      );
    awayId = (await createUser(db, { username: 'cbaway', roleKey: 'callback_specialist', departmentId: dept.id })).id;
    await db.insert(agentProfiles).values({ userId: awayId, status: 'away' });
    // An agent holds callbacks.work too, but is not a callback specialist: never dealt customers.
    await createUser(db, { username: 'agent1', roleKey: 'agent', departmentId: dept.id });
    await createUser(db, { username: 'zhaomin', roleKey: 'supervisor', departmentId: dept.id });
    supervisor = await t.signIn('zhaomin');
    const made = await db
      .insert(customers)
      .values(
        Array.from({ length: 1000 }, (_, i) => ({
          kind: 'person' as const,
          name: `客户${i}`,
        })),
      )
      .returning({ id: customers.id });
    ids = made.map((r) => r.id);
  }, 120_000);
  afterAll(async () => t?.close());

  it('1,000 customers’ plans spread over 7 specialists within ±1, each customer’s series with one specialist', async () => {
    await setMilestones(ids, 'booking', addDays(today, 2), true);
    await setMilestones(ids.slice(0, 300), 'shoot', addDays(today, 30), true);
    const owners = await t.database.db.select().from(callbackOwners);
    expect(owners).toHaveLength(1000);
    const perSpecialist = new Map<string, number>();
    for (const o of owners) perSpecialist.set(o.userId, (perSpecialist.get(o.userId) ?? 0) + 1);
    expect([...perSpecialist.keys()].sort()).toEqual([...specialists].sort());
    const counts = [...perSpecialist.values()];
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    // Every callback with its customer's owner: one specialist per series.
    const mixed = await t.database.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM callbacks b JOIN callback_owners o ON o.customer_id = b.customer_id
      WHERE b.assignee_id IS DISTINCT FROM o.user_id`);
    expect(mixed.rows[0]?.n).toBe(0);
    const total = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(callbacks);
    expect(total[0]?.n).toBe(1300);
  }, 120_000);

  it('an owner away: callbacks due today go to a substitute on duty, and come back when the owner returns', async () => {
    const owner = specialists[0] as string;
    const [customer] = await t.database.db
      .select({ id: callbackOwners.customerId })
      .from(callbackOwners)
      .where(eq(callbackOwners.userId, owner))
      .limit(1);
    const customerId = customer?.id as string;
    const session = await t.signIn('cb0');
    expect((await session.inject('PUT', '/api/v1/agents/me/status', { status: 'away' })).statusCode).toBe(200);
    await drainCallbacks(t);
    // Without the cap (the customer's booking callback is in 3 days) the pickup's is due today.
    await t.database.db.execute(sql`UPDATE callback_settings SET cap_days = 0`);
    await setMilestones([customerId], 'pickup', addDays(today, -5)); // → due today
    await t.database.db.execute(sql`UPDATE callback_settings SET cap_days = 7`);
    const due = await t.database.db.select().from(callbacks).where(eq(callbacks.customerId, customerId));
    const pickup = due.find((r) => r.dueDate === today);
    expect(pickup?.assigneeId).toBeTruthy();
    expect(pickup?.assigneeId).not.toBe(owner);
    expect(specialists).toContain(pickup?.assigneeId);
    // The future callbacks stay with the owner.
    expect(due.filter((r) => r.dueDate > today).every((r) => r.assigneeId === owner)).toBe(true);
    expect((await session.inject('PUT', '/api/v1/agents/me/status', { status: 'on_shift' })).statusCode).toBe(200);
    await drainCallbacks(t);
    const back = await t.database.db.select().from(callbacks).where(eq(callbacks.customerId, customerId));
    expect(back.filter((r) => r.status === 'pending').every((r) => r.assigneeId === owner)).toBe(true);
  }, 120_000);

  it('a campaign over a customer-list filter: one round, counted, the customers keep their owners', async () => {
    const some = ids.slice(0, 50);
    await t.database.db.update(customers).set({ region: '杭州' }).where(inArray(customers.id, some));
    const r = await supervisor.post('/api/v1/callback-campaigns', {
      name: '春节问候',
      filter: { region: '杭州' },
      step: { offsetDays: 0, channel: 'sms', purpose: '春节问候', fixedDate: true },
      startDate: addDays(today, 40),
    });
    expect(r.statusCode, r.body).toBe(201);
    // The supervisor's scope: customers owned by their team; these have no owner → none in scope.
    expect(r.json()).toMatchObject({ customerCount: 0, callbackCount: 0 });
    const admin = await t.signIn('admin');
    const all = await admin.post('/api/v1/callback-campaigns', {
      name: '春节问候',
      filter: { region: '杭州' },
      step: { offsetDays: 0, channel: 'sms', purpose: '春节问候', fixedDate: true },
      startDate: addDays(today, 40),
    });
    expect(all.statusCode, all.body).toBe(201);
    expect(all.json()).toMatchObject({ customerCount: 50, callbackCount: 50, counts: { pending: 50, unassigned: 0 } });
    const mixed = await t.database.db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM callbacks b JOIN callback_owners o ON o.customer_id = b.customer_id
      WHERE b.campaign_id = ${all.json().id} AND b.assignee_id IS DISTINCT FROM o.user_id`);
    expect(mixed.rows[0]?.n).toBe(0);
    const list = (await admin.get('/api/v1/callback-campaigns')).json();
    expect(list.items.map((c: { name: string; callbackCount: number }) => c.callbackCount)).toEqual([50, 0]);
    expect((await supervisor.get('/api/v1/callback-campaigns')).json().items).toHaveLength(1);
  });
});
