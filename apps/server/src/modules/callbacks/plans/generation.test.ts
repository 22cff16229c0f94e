import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventLog } from '../../../../test/events.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';
import { recordEvent } from '../../../events/outbox.js';
import { addDays, dayIn } from '../../../lib/calendar-day.js';
import { CN_WORKDAYS, compiledCalendar, seedCalendars } from '../../calendars/index.js';
import { callbacks } from '../callbacks.tables.js';
import { callbacksOf, drainCallbacks } from './callbacks.test-setup.js';
import { callbackMilestonesListener } from './plans.listeners.js';
import { isQuiet, offsetDate } from './schedule.js';

const WINDOWS = [
  { start: '12:00', end: '14:00' },
  { start: '21:00', end: '09:00' },
];

describe('callbacks: generation from milestones and closed tickets', () => {
  let t: TestApp;
  let admin: Session;
  let specialistId: string;
  let today: string;
  const day = (n: number) => addDays(today, n);

  const newCustomer = async (name: string) => {
    const r = await admin.post('/api/v1/customers', { kind: 'person', name });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const setMilestone = async (customerId: string, typeKey: string, date: string) => {
    const r = await admin.post(`/api/v1/customers/${customerId}/milestones`, { typeKey, date });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const dept = await createDepartment(t.database.db, { name: '回访组' });
    specialistId = (
      await createUser(t.database.db, { username: 'sunli', roleKey: 'callback_specialist', departmentId: dept.id })
    ).id;
    admin = await t.signIn('admin');
    today = dayIn(new Date(), t.config.timezone);
  });
  afterAll(async () => t?.close());

  it('the studio plan makes one callback per milestone step, moves it when the date changes, cancels it when removed', async () => {
    const id = await newCustomer('林晓');
    await setMilestone(id, 'booking', day(3));
    await setMilestone(id, 'shoot', day(20));
    await setMilestone(id, 'sample_viewing', day(40));
    const pickup = await setMilestone(id, 'pickup', day(60));
    await setMilestone(id, 'wedding_day', day(90));
    await drainCallbacks(t);
    let rows = await callbacksOf(t.database.db, id);
    expect(rows.map((r) => [r.milestoneTypeKey, r.dueDate, r.channel, r.status])).toEqual([
      ['booking', day(4), 'call', 'pending'],
      ['shoot', day(21), 'call', 'pending'],
      ['sample_viewing', day(50), 'call', 'pending'],
      ['pickup', day(65), 'call', 'pending'],
      ['wedding_day', day(90), 'call', 'pending'],
    ]);
    // One specialist follows the whole series.
    expect(new Set(rows.map((r) => r.assigneeId))).toEqual(new Set([specialistId]));

    // The shoot moves by five days: its callback moves with it; nothing is added.
    await setMilestone(id, 'shoot', day(25));
    await drainCallbacks(t);
    rows = await callbacksOf(t.database.db, id);
    expect(rows.map((r) => [r.milestoneTypeKey, r.dueDate])).toEqual([
      ['booking', day(4)],
      ['shoot', day(26)],
      ['sample_viewing', day(50)],
      ['pickup', day(65)],
      ['wedding_day', day(90)],
    ]);

    // The pickup is removed (the order was cancelled): its pending callback is cancelled.
    expect((await admin.delete(`/api/v1/customers/${id}/milestones/${pickup}`)).statusCode).toBe(204);
    await drainCallbacks(t);
    rows = await callbacksOf(t.database.db, id);
    expect(rows.find((r) => r.milestoneTypeKey === 'pickup')?.status).toBe('cancelled');
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(4);
  });

  it('never schedules inside the quiet windows: every callback at 09:00 local, the first allowed moment', async () => {
    const all = await t.database.db.select().from(callbacks);
    expect(all.length).toBeGreaterThan(0);
    for (const row of all) {
      expect(isQuiet(row.scheduledAt, WINDOWS, t.config.timezone), row.scheduledAt.toISOString()).toBe(false);
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: t.config.timezone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(row.scheduledAt);
      expect(local).toBe('09:00');
    }
  });

  it('holds the per-customer cap: a callback within 7 days of another is moved after it; a fixed-date greeting keeps its day', async () => {
    const id = await newCustomer('周宁');
    await setMilestone(id, 'booking', day(3)); // → day 4
    await setMilestone(id, 'shoot', day(5)); // asks day 6 → day 11 (7 after day 4)
    await setMilestone(id, 'wedding_day', day(8)); // greeting on the day itself
    await setMilestone(id, 'sample_viewing', day(1)); // asks day 11 → taken → day 18
    await drainCallbacks(t);
    const rows = await callbacksOf(t.database.db, id);
    expect(rows.map((r) => [r.milestoneTypeKey, r.plannedDate, r.dueDate])).toEqual([
      ['booking', day(4), day(4)],
      ['wedding_day', day(8), day(8)],
      ['shoot', day(6), day(11)],
      ['sample_viewing', day(11), day(18)],
    ]);
    const capped = rows.filter((r) => !r.fixed).map((r) => Date.parse(r.dueDate));
    for (let i = 1; i < capped.length; i += 1)
      expect(((capped[i] as number) - (capped[i - 1] as number)) / 86_400_000).toBeGreaterThanOrEqual(7);
  });

  it('is idempotent: the same milestone event delivered twice makes one callback', async () => {
    const id = await newCustomer('郑洁');
    const events = new EventLog(t.database.db);
    await events.reset();
    await setMilestone(id, 'booking', day(2));
    const [event] = await events.list('customer.milestone_set');
    expect(event).toBeDefined();
    for (let i = 0; i < 2; i += 1)
      await t.database.db.transaction((tx) =>
        callbackMilestonesListener.handle({ tx, event: event as NonNullable<typeof event>, deps: t.app.deps }),
      );
    await drainCallbacks(t);
    const rows = await callbacksOf(t.database.db, id);
    expect(rows.map((r) => r.dueDate)).toEqual([day(3)]);
  });

  it('counts working days on the business calendar, across a 调休 weekend and a holiday', async () => {
    await seedCalendars(t.database.db);
    const cal = await compiledCalendar(t.database.db, CN_WORKDAYS);
    // 2025 National Day: 1–8 October off; Sunday 28 September and Saturday 11 October worked (调休).
    expect(cal.dayKind('2025-09-28').kind).toBe('makeup');
    expect(cal.dayKind('2025-10-03').kind).toBe('holiday');
    expect(cal.dayKind('2025-10-11').kind).toBe('makeup');
    expect(offsetDate(cal, '2025-09-26', 1, 'working')).toBe('2025-09-28');
    expect(offsetDate(cal, '2025-09-28', 2, 'working')).toBe('2025-09-30');
    expect(offsetDate(cal, '2025-09-29', 2, 'working')).toBe('2025-10-09');
    expect(offsetDate(cal, '2025-10-09', 2, 'working')).toBe('2025-10-11');
    expect(offsetDate(cal, '2025-10-04', 0, 'working')).toBe('2025-10-09');
    expect(offsetDate(cal, '2025-09-30', 1, 'calendar')).toBe('2025-10-01');
  });

  it('a closed service ticket gets the field-visit callback (2 working days, by phone); another type the ticket-closed one', async () => {
    const id = await newCustomer('吴涛');
    const open = async (typeKey: string) => {
      const r = await admin.post('/api/v1/tickets', {
        typeKey,
        channel: 'phone',
        subject: '空调不制冷',
        description: '客户来电报修',
        customerId: id,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const service = await open('service');
    const consultation = await open('consultation');
    await t.database.db.transaction(async (tx) => {
      // The listener reads only the ticket's customer and type: the close is recorded as tickets do.
      await recordEvent(tx, 'ticket.status_changed', { ticketId: service, from: 'feedback', to: 'closed' });
      await recordEvent(tx, 'ticket.status_changed', { ticketId: service, from: 'closed', to: 'closed' });
      await recordEvent(tx, 'ticket.status_changed', { ticketId: consultation, from: 'feedback', to: 'closed' });
    });
    await drainCallbacks(t);
    const cal = await compiledCalendar(t.database.db, CN_WORKDAYS);
    const rows = await t.database.db
      .select()
      .from(callbacks)
      .where(and(eq(callbacks.customerId, id), sql`${callbacks.sourceKind} IN ('field_visit', 'ticket')`));
    const visit = rows.filter((r) => r.sourceKind === 'field_visit');
    expect(visit).toHaveLength(1);
    expect(visit[0]).toMatchObject({
      sourceId: service,
      channel: 'call',
      plannedDate: offsetDate(cal, today, 2, 'working'),
    });
    // The other ticket, a week later at the earliest: the cap.
    const other = rows.filter((r) => r.sourceKind === 'ticket');
    expect(other.map((r) => r.sourceId)).toEqual([consultation]);
  });
});
