import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../test/helpers.js';
import { improvementMeasures, slaClocks, slaSettings } from '../../db/schema/index.js';
import { createDepartment, createUser } from '../../db/seed/factories.js';
import { addDays, dayIn, monthStart } from '../../lib/calendar-day.js';
import { type TicketWorld, ticketWorld } from '../tickets/ticket-work.test-setup.js';

const HOUR = 3_600_000;

/**
 * A business time zone in which it is now about noon, so that "due today" and "within the hour"
 * never straddle midnight whenever the test runs (Etc/GMT-X is UTC+X).
 */
function noonZone(now = new Date()): string {
  const offset = 12 - now.getUTCHours();
  return offset === 0 ? 'Etc/GMT' : offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

/**
 * The hand-built fixture (docs/home.md), in the world of ticket-work.test-setup.ts (热线组: supervisor
 * `sup`, agents A and B; 华南分部: agent C), plus a department manager of 客户服务中心 and a GM:
 * - agent A: open a1 (no due time), a2 next reply 1 h ago (overdue), a3 time limit breached (overdue),
 *   a4 next reply in 3 h (due today), a5 next reply in 30 min (due today, within the hour), a6 closed.
 *   → myOpen 5, overdue 2, dueToday 2.
 * - agent B: b1 next reply 2 h ago (overdue), b2 in 20 min (within the hour).
 * - 热线组 unassigned: u1 (open, overdue), u2 (open), u3 (closed). 华南分部: c1 (agent C, overdue), c2 unassigned.
 *   → supervisor: unassigned u1 u2 + the unassigned complaints k1–k3 = 5, overdue a2 a3 b1 u1 = 4,
 *   due within the hour a5 b2 = 2.
 * - complaints (热线组, unassigned): k1, k2 (major) this month, open; k3 received last month; k4 closed this month
 *   with root cause delivery_delay; k5 (华南分部) this month.
 * - SLA (weights: resolution 100 %): 热线组 this month 3 met + 1 breached (75 %), last month 1 + 1 (50 %);
 *   华南分部 this month 1 breached → GM 3/5 = 60 %.
 * - measures: one overdue (热线组), one overdue (华南分部), one done.
 */
describe('home: GET /api/v1/home', () => {
  let w: TicketWorld;
  let manager: Session;
  let gm: Session;
  const zone = noonZone();

  beforeAll(async () => {
    w = await ticketWorld({ timezone: zone });
    const db = w.t.database.db;
    await createUser(db, {
      username: 'mgr',
      displayName: '李经理',
      roleKey: 'department_manager',
      departmentId: w.departments.centre,
    });
    const office = await createDepartment(db, { name: '总经理办公室' });
    await createUser(db, { username: 'gm', displayName: '王总', roleKey: 'general_manager', departmentId: office.id });
    manager = await w.t.signIn('mgr');
    gm = await w.t.signIn('gm');

    const me = async (s: Session) => (await s.get('/api/v1/auth/me')).json().id as string;
    const [idA, idB, idC] = [await me(w.agentA), await me(w.agentB), await me(w.agentC)];
    const { hotline, elsewhere } = w.departments;
    const now = Date.now();
    // Tickets are recorded through the API; their due times are set once the time-limit listener has
    // run (it gives every ticket an SLA due time), so that the fixture alone decides them.
    const changes: (() => Promise<unknown>)[] = [];
    const make = async (body: Record<string, unknown>, set: ReturnType<typeof sql> | null = null) => {
      const ticket = await w.ticket(w.admin, body);
      if (set) changes.push(() => db.execute(sql`UPDATE tickets SET ${set} WHERE id = ${ticket.id}::uuid`));
      return ticket;
    };
    const at = (ms: number) => new Date(now + ms).toISOString();
    const A = { assigneeId: idA, departmentId: hotline };
    await make(A);
    await make(A, sql`next_reply_at = ${at(-HOUR)}::timestamptz`);
    await make(A, sql`sla_state = 'breached', sla_due_at = ${at(-HOUR)}::timestamptz`);
    await make(A, sql`next_reply_at = ${at(3 * HOUR)}::timestamptz`);
    await make(A, sql`next_reply_at = ${at(HOUR / 2)}::timestamptz`);
    await make(A, sql`status = 'closed', closed_at = now(), next_reply_at = ${at(-HOUR)}::timestamptz`);
    const B = { assigneeId: idB, departmentId: hotline };
    await make(B, sql`next_reply_at = ${at(-2 * HOUR)}::timestamptz`);
    await make(B, sql`next_reply_at = ${at(HOUR / 3)}::timestamptz`);
    const U = { departmentId: hotline };
    await make(U, sql`next_reply_at = ${at(-HOUR)}::timestamptz`);
    await make(U);
    await make(U, sql`status = 'closed', closed_at = now()`);
    await make({ assigneeId: idC, departmentId: elsewhere }, sql`next_reply_at = ${at(-HOUR)}::timestamptz`);
    await make({ departmentId: elsewhere });

    // Complaints (intake): all in 热线组 but k5.
    const C = { typeKey: 'complaint', departmentId: hotline, nextReplyAt: at(24 * HOUR) };
    const previous = { from: monthStart(dayIn(new Date(), zone), -1) };
    // Noon UTC of the 2nd: inside last month in every zone noonZone picks (UTC−11 … UTC+12).
    const inLastMonth = `${addDays(previous.from, 1)}T12:00:00Z`;
    await make(C);
    await make({ ...C, isMajor: true });
    await make(C, sql`created_at = ${inLastMonth}::timestamptz`);
    const closed = await make(
      C,
      sql`status = 'closed', closed_at = now(), root_cause_key = 'delivery_delay', next_reply_at = NULL`,
    );
    await make({ ...C, departmentId: elsewhere });

    const pending = async () =>
      (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM outbox_deliveries WHERE status = 'pending'`))
        .rows[0]?.n;
    await vi.waitFor(async () => expect(await pending()).toBe(0), { timeout: 30_000, interval: 200 });
    await db.execute(sql`UPDATE tickets SET sla_due_at = NULL, sla_state = NULL, next_reply_at = NULL`);
    for (const change of changes) await change();

    const weights = { first_response: 0, resolution: 100, promised_reply: 0 };
    await db
      .insert(slaSettings)
      .values({ id: 1, weights })
      .onConflictDoUpdate({ target: slaSettings.id, set: { weights } });
    const clock = (dept: string, assigneeId: string, state: 'met' | 'breached', when: Date) =>
      db.insert(slaClocks).values({
        ticketId: randomUUID(),
        metric: 'resolution',
        timeBasis: 'calendar',
        targetMinutes: 60,
        startedAt: new Date(when.getTime() - HOUR),
        dueAt: when,
        state,
        ...(state === 'met' ? { stoppedAt: when } : { breachedAt: when }),
        typeKey: 'complaint',
        priority: 'normal',
        departmentId: dept,
        assigneeId,
      });
    const thisMonth = new Date(now - 60_000);
    const lastMonth = new Date(inLastMonth);
    for (const state of ['met', 'met', 'met', 'breached'] as const) await clock(hotline, idA, state, thisMonth);
    for (const state of ['met', 'breached'] as const) await clock(hotline, idB, state, lastMonth);
    await clock(elsewhere, idC, 'breached', thisMonth);

    const overdueDay = new Date(now - 5 * 24 * HOUR).toISOString().slice(0, 10);
    const measure = (ticketId: string, ownerId: string, status: 'open' | 'done') =>
      db.insert(improvementMeasures).values({ ticketId, title: '整改', ownerId, dueDate: overdueDay, status });
    const south = await make({ departmentId: elsewhere }, sql`status = 'closed', closed_at = now()`);
    await measure(closed.id, idA, 'open');
    await measure(closed.id, idA, 'done');
    await measure(south.id, idC, 'open');
  });
  afterAll(async () => w?.t.close());

  const home = async (s: Session) => {
    const r = await s.get('/api/v1/home');
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };

  it('gives an agent only their own section, counted on their own tickets', async () => {
    const body = await home(w.agentA);
    expect(Object.keys(body).sort()).toEqual(['agent']);
    expect(body.agent).toEqual({ myOpen: 5, overdue: 2, dueToday: 2, callbacksToday: 0 });
    expect((await home(w.agentC)).agent).toMatchObject({ myOpen: 1, overdue: 1, dueToday: 0 });
    // Someone who only reads tickets has no section at all.
    expect(await home(w.clerk)).toEqual({});
  });

  it('gives a supervisor the team section, in the team scope only', async () => {
    const body = await home(w.sup);
    expect(Object.keys(body).sort()).toEqual(['agent', 'supervisor']);
    expect(body.agent).toMatchObject({ myOpen: 0, overdue: 0, dueToday: 0 });
    const { agents, ...counts } = body.supervisor;
    expect(counts).toEqual({ unassigned: 5, overdue: 4, dueWithinHour: 2 });
    const names = agents.map((a: { displayName: string }) => a.displayName);
    expect(names).toEqual(expect.arrayContaining(['王坐席', '李坐席']));
    expect(names).not.toContain('陈坐席');
    expect(agents.find((a: { displayName: string }) => a.displayName === '王坐席')).toMatchObject({
      status: 'off',
      openTickets: 5,
    });
  });

  it('gives a department manager the month figures of their department tree', async () => {
    const body = await home(manager);
    expect(Object.keys(body).sort()).toEqual(['agent', 'manager', 'supervisor']);
    const m = body.manager;
    expect(m.current).toMatchObject({ received: 3, closed: 1, open: 2, major: 1 });
    expect(m.last).toMatchObject({ received: 1 });
    expect(m.slaAchievement).toEqual({ current: 0.75, last: 0.5 });
    expect(m.rootCauses).toEqual([{ key: 'delivery_delay', name: '交付/配送延误', count: 1 }]);
    expect(m.measuresOverdue).toBe(1);
    expect(m.month.from.endsWith('-01')).toBe(true);
    expect(m.previous.to < m.month.from).toBe(true);
  });

  it('gives the general manager (read-only, all data) the manager section only, over everything', async () => {
    const body = await home(gm);
    expect(Object.keys(body)).toEqual(['manager']);
    expect(body.manager.current).toMatchObject({ received: 4, closed: 1, open: 3, major: 1 });
    expect(body.manager.slaAchievement.current).toBe(0.6);
    expect(body.manager.measuresOverdue).toBe(2);
    const en = await gm.get('/api/v1/home', { 'accept-language': 'en' });
    expect(en.json().manager.rootCauses).toEqual([{ key: 'delivery_delay', name: 'Late delivery', count: 1 }]);
  });
});
