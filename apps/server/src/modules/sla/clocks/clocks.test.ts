import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tickets } from '../../../db/schema/index.js';
import { type TicketWorld, ticketWorld } from '../../tickets/ticket-work.test-setup.js';
import { slaClocks, slaPolicies } from '../sla.tables.js';
import { recomputeTicketClocks } from './clocks.service.js';
import { recomputeChunk } from './recompute.jobs.js';

type Clock = { id: string; metric: string; state: string; dueAt: string | null; pausedSince: string | null };

/** A policy row as the policy editor would store it (this file's own factory). */
async function addPolicy(w: TicketWorld, values: Partial<typeof slaPolicies.$inferInsert>) {
  const [row] = await w.t.database.db
    .insert(slaPolicies)
    .values({
      nameZh: '测试时限',
      nameEn: 'Test limit',
      metric: 'first_response',
      targetMinutes: 60,
      timeBasis: 'calendar',
      warnPercents: [50],
      ...values,
    })
    .returning();
  return row as typeof slaPolicies.$inferSelect;
}

describe('SLA clocks of a ticket', () => {
  let w: TicketWorld;
  beforeAll(async () => {
    w = await ticketWorld();
    // Wall-clock targets (calendar basis), so the test does not depend on the time of day it runs.
    // More specific (type × priority) than the seeded defaults, which the first SLA request adds.
    await addPolicy(w, { metric: 'first_response', typeKey: 'consultation', priority: 'normal', targetMinutes: 60 });
    await addPolicy(w, { metric: 'resolution', typeKey: 'consultation', priority: 'normal', targetMinutes: 480 });
    // A business-time team target on the built-in calendar (for the calendar preview).
    await addPolicy(w, {
      metric: 'team_handling',
      timeBasis: 'business',
      calendarId: 'cn-workdays',
      targetMinutes: 480,
    });
  });
  afterAll(async () => {
    await w.t.close();
  });

  const clocksOf = async (ticketId: string, s = w.agentA) => {
    const r = await s.get(`/api/v1/sla/tickets/${ticketId}/clocks`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as { items: Clock[]; waitingOn: string | null };
  };
  const byMetric = (items: Clock[], metric: string) => items.find((c) => c.metric === metric) as Clock;

  it('runs, pauses while waiting on the customer, resumes when they write, and is met by the reply', async () => {
    const ticket = await w.ticket(w.agentA);
    let clocks = await clocksOf(ticket.id);
    const first = byMetric(clocks.items, 'first_response');
    expect(first.state).toBe('running');
    expect(new Date(first.dueAt as string).getTime() - new Date(ticket.createdAt as string).getTime()).toBe(3_600_000);
    expect(clocks.items.map((c) => c.metric)).toEqual(
      expect.arrayContaining(['first_response', 'resolution', 'team_handling']),
    );

    const waiting = await w.agentA.post(`/api/v1/tickets/${ticket.id}/waiting`, {
      waitingOn: 'customer',
      version: ticket.version,
      note: '等客户提供订单号',
    });
    expect(waiting.statusCode, waiting.body).toBe(200);
    expect(waiting.json()).toMatchObject({ waitingOn: 'customer', version: ticket.version + 1 });
    clocks = await clocksOf(ticket.id);
    expect(clocks.waitingOn).toBe('customer');
    expect(byMetric(clocks.items, 'first_response')).toMatchObject({ state: 'paused', dueAt: null });
    expect(byMetric(clocks.items, 'first_response').pausedSince).not.toBeNull();

    // The stored cache and the ticket's due column follow (what the listener does after each change).
    await w.t.database.db.transaction((tx) => recomputeTicketClocks(tx, null, ticket.id));
    const [row] = await w.t.database.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    // Every clock waits with it: the ticket is paused and has no due time.
    expect(row?.slaState).toBe('paused');
    expect(row?.slaDueAt).toBeNull();

    const inbound = await w.agentA.post(`/api/v1/tickets/${ticket.id}/messages`, {
      kind: 'inbound',
      body: '订单号是 123',
    });
    expect(inbound.statusCode, inbound.body).toBe(201);
    const read = (await w.agentA.get(`/api/v1/tickets/${ticket.id}`)).json();
    expect(read.waitingOn).toBeNull();
    const history = (await w.agentA.get(`/api/v1/tickets/${ticket.id}/history`)).json() as {
      action: string;
      note: string | null;
    }[];
    expect(history.filter((h) => h.action === 'waiting').map((h) => h.note)).toEqual(['等客户提供订单号', 'auto']);
    expect(byMetric((await clocksOf(ticket.id)).items, 'first_response').state).toBe('running');

    const reply = await w.agentA.post(`/api/v1/tickets/${ticket.id}/messages`, { kind: 'reply', body: '已为您查询。' });
    expect(reply.statusCode, reply.body).toBe(201);
    clocks = await clocksOf(ticket.id);
    expect(byMetric(clocks.items, 'first_response').state).toBe('met');
    expect(byMetric(clocks.items, 'resolution').state).toBe('running');

    const explain = await w.agentA.get(
      `/api/v1/sla/tickets/${ticket.id}/clocks/${byMetric(clocks.items, 'resolution').id}/explain`,
    );
    expect(explain.statusCode, explain.body).toBe(200);
    expect(explain.json().pauses.map((p: { reason: string }) => p.reason)).toEqual(['waiting_customer']);
    expect(explain.json().days.length).toBeGreaterThan(0);
  });

  it('stores the clocks and the ticket’s due time after each change (durable listener)', async () => {
    const ticket = await w.ticket(w.agentA);
    const stored = async () => {
      const [row] = await w.t.database.db.select().from(tickets).where(eq(tickets.id, ticket.id));
      return { state: row?.slaState ?? null, due: row?.slaDueAt?.getTime() ?? null };
    };
    await expect.poll(stored, { timeout: 20_000 }).toEqual({
      state: 'ok',
      due: new Date(ticket.createdAt as string).getTime() + 3_600_000,
    });
    await w.agentA.post(`/api/v1/tickets/${ticket.id}/waiting`, { waitingOn: 'third_party', version: ticket.version });
    await expect.poll(stored, { timeout: 20_000 }).toEqual({ state: 'paused', due: null });
  });

  it('answers 404 for a ticket outside the caller’s scope', async () => {
    const ticket = await w.ticket(w.agentA);
    const clocks = await clocksOf(ticket.id);
    expect((await w.agentC.get(`/api/v1/sla/tickets/${ticket.id}/clocks`)).statusCode).toBe(404);
    const clockId = clocks.items[0]?.id;
    expect((await w.agentC.get(`/api/v1/sla/tickets/${ticket.id}/clocks/${clockId}/explain`)).statusCode).toBe(404);
    const other = await w.agentC.post(`/api/v1/tickets/${ticket.id}/waiting`, { waitingOn: 'customer', version: 1 });
    expect(other.statusCode).toBe(404);
  });

  it('sorts the queue by time to breach and filters by SLA state', async () => {
    const ticket = await w.ticket(w.agentA);
    await w.t.database.db.transaction((tx) => recomputeChunk(tx, w.t.app.deps, { all: true }));
    const r = await w.agentA.get('/api/v1/tickets?sort=sla_due&slaState=ok,warning,breached');
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items as { id: string; slaDueAt: string | null; slaState: string | null }[];
    expect(items.some((i) => i.id === ticket.id)).toBe(true);
    const dues = items.map((i) => i.slaDueAt as string);
    expect([...dues].sort()).toEqual(dues);
  });

  it('previews the deadlines a calendar draft would move', async () => {
    const ticket = await w.ticket(w.agentA);
    await clocksOf(ticket.id);
    const oneHourADay = Array.from({ length: 7 }, () => [[9 * 60, 10 * 60]]);
    const body = {
      calendarId: 'cn-workdays',
      draft: { timeZone: 'Asia/Shanghai', weekly: oneHourADay, workday: [[540, 600]], followsOfficial: true, days: [] },
    };
    expect((await w.agentA.post('/api/v1/sla/calendar-preview', body)).statusCode).toBe(403);
    const r = await w.admin.post('/api/v1/sla/calendar-preview', body);
    expect(r.statusCode, r.body).toBe(200);
    const moved = r.json().items.find((i: { ticketId: string }) => i.ticketId === ticket.id);
    expect(moved).toMatchObject({ metric: 'team_handling', number: ticket.number });
    expect(new Date(moved.dueAfter).getTime()).toBeGreaterThan(new Date(moved.dueBefore).getTime());
  });
  it('moves open deadlines when the calendar gets days off, and explains them (recompute after calendar.changed)', async () => {
    const ticket = await w.ticket(w.agentA);
    const team = async () => byMetric((await clocksOf(ticket.id)).items, 'team_handling');
    const before = await team();
    const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
    const last = shanghai.format(new Date(before.dueAt as string));
    let version = (await w.admin.get('/api/v1/business-calendars/cn-workdays')).json().version as number;
    for (let day = new Date(); shanghai.format(day) <= last; day = new Date(day.getTime() + 86_400_000)) {
      const r = await w.admin.inject('PUT', `/api/v1/business-calendars/cn-workdays/days/${shanghai.format(day)}`, {
        kind: 'off',
        name: '公司活动',
        version,
      });
      expect(r.statusCode, r.body).toBe(200);
      version = r.json().version;
    }
    const after = await team();
    expect(new Date(after.dueAt as string).getTime()).toBeGreaterThan(new Date(before.dueAt as string).getTime());
    // The stored clock follows once the recompute the change sent has run.
    await w.t.database.db.transaction((tx) => recomputeChunk(tx, w.t.app.deps, { calendarId: 'cn-workdays' }));
    const [row] = await w.t.database.db.select().from(slaClocks).where(eq(slaClocks.id, after.id));
    expect(row?.dueAt?.toISOString()).toBe(after.dueAt);
    const explain = (await w.agentA.get(`/api/v1/sla/tickets/${ticket.id}/clocks/${after.id}/explain`)).json();
    expect(explain.days.find((d: { date: string }) => d.date === last)).toMatchObject({
      kind: 'calendar_off',
      name: '公司活动',
      minutes: 0,
    });
  });
});
