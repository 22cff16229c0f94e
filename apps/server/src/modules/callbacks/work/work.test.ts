import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventLog } from '../../../../test/events.js';
import { auditLog, callbacks } from '../../../db/schema/index.js';
import { dayIn } from '../../../lib/calendar-day.js';
import { isQuiet } from '../plans/schedule.js';
import { returnOverdueCallbacks } from './work.jobs.js';
import { type CallbackWorld, callbackWorld, noonZone } from './work.test-setup.js';

const WINDOWS = [
  { start: '12:00', end: '14:00' },
  { start: '21:00', end: '09:00' },
];

describe('callbacks/work: list, call screen, tries, outcome, complaint, pool', () => {
  let w: CallbackWorld;
  let events: EventLog;
  let zone: string;
  let c1: string;
  let c2: string;
  let cbLate: string;
  let cbEarly: string;
  let cbOfB: string;
  let cbPool: string;

  beforeAll(async () => {
    zone = noonZone();
    w = await callbackWorld({ timezone: zone });
    events = new EventLog(w.t.database.db);
    c1 = await w.customer('张晓雯');
    c2 = await w.customer('刘佳');
    cbLate = await w.callback({
      customerId: c1,
      scheduledAt: new Date(Date.now() - 30 * 60_000),
      purpose: '看样后回访',
    });
    cbEarly = await w.callback({ customerId: c1, scheduledAt: new Date(Date.now() - 3 * 3_600_000) });
    cbOfB = await w.callback({ customerId: c2, assigneeId: w.ids.specB });
    cbPool = await w.callback({ customerId: c2, assigneeId: null, assignedAt: null });
  });
  afterAll(async () => {
    await w?.t.close();
  });

  it('lists my callbacks by due time; a manager sees the team’s and the pool; counts are mine', async () => {
    const mine = await w.specA.get('/api/v1/callbacks?due=today');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([cbEarly, cbLate]);
    expect(mine.json().items[0]).toMatchObject({ customer: { id: c1, name: '张晓雯' }, attempts: 0, overdue: false });
    // Without callbacks.manage the filters cannot widen the list.
    const widened = await w.specA.get(`/api/v1/callbacks?assigneeId=${w.ids.specB}`);
    expect(widened.json().items.map((i: { id: string }) => i.id)).toEqual([cbEarly, cbLate]);
    const all = await w.sup.get('/api/v1/callbacks');
    expect(all.json().total).toBe(4);
    const pool = await w.sup.get('/api/v1/callbacks?unassigned=true');
    expect(pool.json().items.map((i: { id: string }) => i.id)).toEqual([cbPool]);
    const counts = await w.specA.get('/api/v1/callbacks/counts');
    expect(counts.json()).toEqual({ today: 2, overdue: 0, unreached: 0 });
  });

  it('shows one callback with script and the customer’s histories (audited); another’s is 404', async () => {
    const r = await w.specA.get(`/api/v1/callbacks/${cbLate}`);
    expect(r.statusCode).toBe(200);
    expect(r.json().script.length).toBeGreaterThan(10);
    expect(r.json().history.map((h: { id: string }) => h.id)).toEqual([cbEarly]);
    expect(Array.isArray(r.json().contacts)).toBe(true);
    const audited = await w.t.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'customer.viewed' AND ${auditLog.entityId} = ${c1}`);
    expect(audited.length).toBe(1);
    expect((await w.specB.get(`/api/v1/callbacks/${cbLate}`)).statusCode).toBe(404);
    expect((await w.specB.post(`/api/v1/callbacks/${cbLate}/attempts`, { reached: false })).statusCode).toBe(404);
    expect((await w.specA.get(`/api/v1/callbacks/${cbOfB}`)).statusCode).toBe(404);
  });

  it('retries an unreached callback the same day, never in quiet hours; then unreached and written up', async () => {
    await events.reset();
    const today = dayIn(new Date(), zone);
    for (const n of [1, 2]) {
      const r = await w.specA.post(`/api/v1/callbacks/${cbEarly}/attempts`, { reached: false, note: '无人接听' });
      expect(r.statusCode).toBe(200);
      const next = new Date(r.json().nextAttemptAt);
      expect(r.json()).toMatchObject({ status: 'pending', attempts: n, reached: false });
      // Now is about noon (12:00–14:00 quiet): now + 60 min is quiet too, so the retry is at 14:00 today.
      expect(dayIn(next, zone)).toBe(today);
      expect(isQuiet(next, WINDOWS, zone)).toBe(false);
      expect(next.getTime()).toBeGreaterThan(Date.now());
    }
    const list = await w.specA.get('/api/v1/callbacks?due=today');
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([cbLate, cbEarly]);
    const last = await w.specA.post(`/api/v1/callbacks/${cbEarly}/attempts`, { reached: false });
    expect(last.json()).toMatchObject({ status: 'unreached', attempts: 3, nextAttemptAt: null });
    expect(last.json().writeUpDueAt).toBeTruthy();
    expect((await events.list('callback.unreached')).map((e) => e.payload.callbackId)).toEqual([cbEarly]);
    const contacts = (await w.specA.get(`/api/v1/callbacks/${cbEarly}`)).json().contacts;
    expect(contacts[0]).toMatchObject({ kind: 'callback', title: '回访未联系上' });
    expect((await w.specA.get('/api/v1/callbacks/counts')).json()).toMatchObject({ today: 1, unreached: 1 });
    expect((await w.specA.post(`/api/v1/callbacks/${cbEarly}/attempts`, { reached: false })).statusCode).toBe(409);
    expect(
      (await w.specA.post(`/api/v1/callbacks/${cbEarly}/write-up`, { note: '三次未接，已发短信' })).statusCode,
    ).toBe(204);
    expect((await w.specA.post(`/api/v1/callbacks/${cbEarly}/write-up`, { note: '再写' })).statusCode).toBe(409);
    expect((await w.specA.get('/api/v1/callbacks/counts')).json()).toMatchObject({ unreached: 0 });
  });

  it('retries by the customer’s own rest hours when they told them', async () => {
    const customer = await w.customer('郑先生');
    const cb = await w.callback({ customerId: customer });
    const own = [
      { start: '13:00', end: '16:00' },
      { start: '21:00', end: '09:00' },
    ];
    expect((await w.specA.put(`/api/v1/callbacks/${cb}/customer-quiet-hours`, { quietWindows: own })).statusCode).toBe(
      200,
    );
    // Now is 12:xx: the retry (now + 60 min, 13:xx) lies in his 13:00–16:00, so it is at 16:00 — not 14:00.
    const r = await w.specA.post(`/api/v1/callbacks/${cb}/attempts`, { reached: false });
    expect(r.json()).toMatchObject({ status: 'pending', attempts: 1 });
    const next = new Date(r.json().nextAttemptAt);
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
        next,
      ),
    ).toBe('16:00');
  });

  it('requires the complete record for the outcome', async () => {
    const blank = await w.specA.post(`/api/v1/callbacks/${cbLate}/outcome`, {
      satisfaction: 2,
      opinion: '   ',
      staffRatings: [],
    });
    expect(blank.statusCode).toBe(400);
    const noName = await w.specA.post(`/api/v1/callbacks/${cbLate}/outcome`, {
      satisfaction: 2,
      opinion: '修图太慢',
      staffRatings: [{ role: 'photographer', score: 2 }],
    });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().code).toBe('callbacks.record_incomplete');
    const out = await w.specA.post(`/api/v1/callbacks/${cbLate}/outcome`, {
      satisfaction: 2,
      opinion: '样片修图等了三周，摄影师态度冷淡',
      staffRatings: [
        { role: 'photographer', name: '小林', score: 2 },
        { role: 'stylist', name: '阿美', score: 4 },
      ],
    });
    expect(out.statusCode).toBe(204);
    const detail = (await w.specA.get(`/api/v1/callbacks/${cbLate}`)).json();
    expect(detail).toMatchObject({ status: 'done', reached: true, satisfaction: 2, attempts: 1 });
    expect(detail.attemptLog).toMatchObject([{ number: 1, reached: true }]);
  });

  it('turns a callback complaint into a linked complaint ticket with the content carried over, once', async () => {
    await events.reset();
    expect((await w.specB.post(`/api/v1/callbacks/${cbLate}/complaint`, {})).statusCode).toBe(404);
    const r = await w.specA.post(`/api/v1/callbacks/${cbLate}/complaint`, {});
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ callbackId: cbLate, created: true });
    const ticketId = r.json().ticketId as string;
    const ticket = (await w.specA.get(`/api/v1/tickets/${ticketId}`)).json();
    expect(ticket).toMatchObject({ typeKey: 'complaint', tags: ['callback'] });
    expect(ticket.subject).toContain('张晓雯');
    expect(ticket.description).toContain('样片修图等了三周');
    expect(ticket.description).toContain('2/5');
    const history = (await w.specA.get(`/api/v1/tickets/${ticketId}/history`)).json();
    const created = (history.items ?? history).find((h: { action: string }) => h.action === 'created');
    expect(created.noteText).toBe('由回访投诉创建');
    expect((await w.specA.get(`/api/v1/callbacks/${cbLate}`)).json().complaintTicketId).toBe(ticketId);
    const again = await w.specA.post(`/api/v1/callbacks/${cbLate}/complaint`, {});
    expect(again.json()).toMatchObject({ ticketId, created: false });
    expect((await events.list('callback.complaint_raised')).map((e) => e.payload)).toEqual([
      { callbackId: cbLate, customerId: c1, ticketId },
    ]);
  });

  it('returns overdue callbacks to the pool once (the deadline clock)', async () => {
    const db = w.t.database.db;
    const overdue = await w.callback({
      customerId: c2,
      assigneeId: w.ids.specB,
      deadlineAt: new Date(Date.now() - 60_000),
      assignedAt: new Date(Date.now() - 3 * 86_400_000),
    });
    // Given out again by a manager after the deadline: stays with them.
    const regiven = await w.callback({
      customerId: c2,
      assigneeId: w.ids.specB,
      deadlineAt: new Date(Date.now() - 86_400_000),
      assignedAt: new Date(Date.now() - 60_000),
    });
    await events.reset();
    expect((await w.specB.get('/api/v1/callbacks/counts')).json().overdue).toBe(2);
    const run = () =>
      db.transaction((tx) =>
        returnOverdueCallbacks.handler({ tx, deps: w.t.app.deps, data: {}, jobId: crypto.randomUUID() }),
      );
    await run();
    await run();
    const rows = await db.select().from(callbacks).where(eq(callbacks.customerId, c2));
    expect(rows.find((r) => r.id === overdue)?.assigneeId).toBeNull();
    expect(rows.find((r) => r.id === regiven)?.assigneeId).toBe(w.ids.specB);
    expect((await events.list('callback.returned_to_pool')).map((e) => e.payload)).toEqual([
      { callbackId: overdue, customerId: c2, previousAssigneeId: w.ids.specB },
    ]);
    const pool = await w.sup.get('/api/v1/callbacks?unassigned=true');
    expect(pool.json().items.map((i: { id: string }) => i.id)).toContain(overdue);
  });
});
