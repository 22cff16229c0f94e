import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TicketWorld, ticketWorld } from '../ticket-work.test-setup.js';
import { businessToday, seedImprovementMeasure } from './measures.service.js';

type Measure = {
  id: string;
  ticketId: string;
  ticketNumber: string;
  title: string;
  owner: { id: string; displayName: string };
  dueDate: string;
  status: string;
  doneNote: string | null;
  doneAt: string | null;
  overdue: boolean;
};

const day = (offset: number) => businessToday('Asia/Shanghai', new Date(Date.now() + offset * 86_400_000));

describe('tickets: improvement measures followed to completion', () => {
  let w: TicketWorld;
  beforeAll(async () => {
    w = await ticketWorld();
  });
  afterAll(async () => w?.t.close());

  it('adds a measure with owner and due date; the owner is told in-app, the ticket history records it', async () => {
    const { agentA, agentB, sup } = w;
    const ticket = await w.ticket(agentA, { typeKey: 'complaint', subject: '安装师傅迟到两小时' });
    // The supervisor gives it to agent B, of her team (an owner must be within the caller's scope).
    const r = await sup.post(`/api/v1/tickets/${ticket.id}/measures`, {
      title: '安装预约增加到达前一小时电话确认',
      ownerId: agentB.userId,
      dueDate: day(14),
    });
    expect(r.statusCode, r.body).toBe(201);
    const measure = r.json() as Measure;
    expect(measure).toMatchObject({
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      owner: { id: agentB.userId, displayName: '李坐席' },
      dueDate: day(14),
      status: 'open',
      overdue: false,
      doneAt: null,
    });
    const inbox = (await agentB.get('/api/v1/notifications/mine')).json();
    expect(
      inbox.items.filter((n: { subject: string }) => n.subject.includes('安装预约增加到达前一小时电话确认')),
    ).toHaveLength(1);
    const listed = (await agentA.get(`/api/v1/tickets/${ticket.id}/measures`)).json();
    expect(listed.items.map((m: Measure) => m.id)).toEqual([measure.id]);
    const history = (await agentA.get(`/api/v1/tickets/${ticket.id}/history`)).json();
    expect(history.at(-1)).toMatchObject({
      action: 'measure_added',
      after: { measureId: measure.id, ownerId: agentB.userId },
    });
  });

  it('refuses a past due date, an owner who cannot work on tickets, a ticket out of scope', async () => {
    const { agentA, agentC, clerk } = w;
    const ticket = await w.ticket(agentA);
    const add = (body: Record<string, unknown>, s = agentA, id = ticket.id) =>
      s.post(`/api/v1/tickets/${id}/measures`, body);
    const past = await add({ title: '整改', ownerId: agentA.userId, dueDate: day(-1) });
    expect([past.statusCode, past.json().code]).toEqual([400, 'tickets.measure_due_in_past']);
    const clerkOwner = await add({ title: '整改', ownerId: clerk.userId, dueDate: day(3) }, w.admin);
    expect([clerkOwner.statusCode, clerkOwner.json().code]).toEqual([400, 'tickets.measure_owner_not_eligible']);
    // An owner outside the caller's scope does not exist for her (issue 10, defect 6).
    const notMine = await add({ title: '整改', ownerId: agentC.userId, dueDate: day(3) });
    expect([notMine.statusCode, notMine.json().code]).toEqual([404, 'users.not_found']);
    const outside = await add({ title: '整改', ownerId: agentC.userId, dueDate: day(3) }, agentC);
    expect([outside.statusCode, outside.json().code]).toEqual([404, 'tickets.not_found']);
    expect((await clerk.post(`/api/v1/tickets/${ticket.id}/measures`, {})).statusCode).toBe(403);
  });

  it('follows a measure up: in progress, done only with a note (stamps doneAt), reopened clears it', async () => {
    const { agentA, agentB, agentC } = w;
    const ticket = await w.ticket(agentA);
    const created = (
      await agentA.post(`/api/v1/tickets/${ticket.id}/measures`, {
        title: '修订话术',
        ownerId: agentA.userId,
        dueDate: day(5),
      })
    ).json() as Measure;
    const patch = (body: Record<string, unknown>, s = agentA) =>
      s.patch(`/api/v1/improvement-measures/${created.id}`, body);

    expect((await patch({ status: 'in_progress' })).json().status).toBe('in_progress');
    const noNote = await patch({ status: 'done' });
    expect([noNote.statusCode, noNote.json().code]).toEqual([400, 'tickets.measure_done_note_required']);
    const done = (await patch({ status: 'done', doneNote: '新话术已培训全体坐席' })).json() as Measure;
    expect(done).toMatchObject({ status: 'done', doneNote: '新话术已培训全体坐席' });
    expect(Date.now() - Date.parse(done.doneAt as string)).toBeLessThan(60_000);
    expect((await patch({ status: 'open' })).json()).toMatchObject({ status: 'open', doneAt: null });

    // Someone who sees neither the ticket nor owns the measure gets 404; handing it over tells the new owner.
    const foreign = await patch({ status: 'cancelled' }, agentC);
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'tickets.measure_not_found']);
    // Handing it to another department takes someone whose scope covers it (issue 10, defect 6).
    const refused = await patch({ ownerId: agentC.userId, dueDate: day(9) });
    expect([refused.statusCode, refused.json().code]).toEqual([404, 'users.not_found']);
    const handed = (await patch({ ownerId: agentC.userId, dueDate: day(9) }, w.admin)).json() as Measure;
    expect(handed.owner.id).toBe(agentC.userId);
    const inbox = (await agentC.get('/api/v1/notifications/mine')).json();
    expect(inbox.items.some((n: { subject: string }) => n.subject.includes('修订话术'))).toBe(true);
    // The owner follows it up although the ticket is outside their scope.
    expect((await patch({ status: 'in_progress' }, agentC)).json().status).toBe('in_progress');
    expect((await agentB.patch(`/api/v1/improvement-measures/${created.id}`, { title: 'x' })).statusCode).toBe(404);

    const history = (await agentA.get(`/api/v1/tickets/${ticket.id}/history`)).json();
    const updates = history.filter((h: { action: string }) => h.action === 'measure_updated');
    expect(updates.length).toBe(5);
    expect(updates[1]).toMatchObject({
      before: { status: 'in_progress' },
      after: { status: 'done', doneNote: '新话术已培训全体坐席' },
    });
    const audit = await w.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'improvement_measure.updated' AND entity_id = ${created.id}`,
    );
    expect(audit.rows[0]?.n).toBe(5);
  });

  it('lists measures in scope with filters mine, status, overdue and ticketId', async () => {
    const { sup, agentA, agentB, agentC } = w;
    const t1 = await w.ticket(agentA);
    const t2 = await w.ticket(agentB);
    const db = w.t.database.db;
    const late = await seedImprovementMeasure(db, {
      ticketId: t1.id,
      title: '逾期措施',
      ownerId: agentA.userId,
      dueDate: day(-3),
    });
    await seedImprovementMeasure(db, { ticketId: t2.id, title: '李的措施', ownerId: agentB.userId, dueDate: day(10) });
    await seedImprovementMeasure(db, {
      ticketId: t2.id,
      title: '已完成措施',
      ownerId: agentB.userId,
      dueDate: day(-5),
      status: 'done',
      doneNote: '已完成',
    });
    const list = async (s: typeof sup, query: string) =>
      ((await s.get(`/api/v1/improvement-measures?pageSize=200&${query}`)).json().items as Measure[]).map(
        (m) => m.title,
      );

    expect(await list(agentA, 'overdue=true')).toEqual(['逾期措施']);
    expect(await list(agentB, 'mine=true')).toEqual(expect.arrayContaining(['李的措施', '已完成措施']));
    expect(await list(agentB, 'mine=true')).not.toContain('逾期措施');
    expect(await list(sup, `ticketId=${t2.id}&status=done`)).toEqual(['已完成措施']);
    expect(await list(sup, 'overdue=true')).toEqual(['逾期措施']);
    expect(await list(agentC, `ticketId=${t1.id}`)).toEqual([]);
    const row = ((await sup.get(`/api/v1/improvement-measures?ticketId=${t1.id}`)).json().items as Measure[])[0];
    expect(row).toMatchObject({
      id: late.id,
      overdue: true,
      ticketNumber: t1.number,
      owner: { displayName: '王坐席' },
    });
    expect((await sup.get('/api/v1/improvement-measures?status=bogus')).statusCode).toBe(400);
  });
});

describe('tickets: root-cause report', () => {
  let w: TicketWorld;
  beforeAll(async () => {
    w = await ticketWorld();
  });
  afterAll(async () => w?.t.close());

  /** A complaint closed on `date` (noon, Beijing time) with `rootCauseKey`. */
  async function closedComplaint(s: TicketWorld['sup'], date: string, rootCauseKey: string | null) {
    const ticket = await w.ticket(s, { typeKey: 'complaint' });
    await w.t.database.db.execute(sql`UPDATE tickets SET status = 'closed', root_cause_key = ${rootCauseKey},
      closed_at = (${date}::date + time '12:00')::timestamp AT TIME ZONE 'Asia/Shanghai' WHERE id = ${ticket.id}::uuid`);
    return ticket;
  }

  it('ranks the root causes of complaints closed in the period, with shares and the previous period, scoped', async () => {
    const { sup, agentA, agentB, agentC, admin } = w;
    // Period March 2025, a whole month: the previous one is the previous calendar month, 2025-02-01..2025-02-28.
    for (const [s, date, key] of [
      [agentA, '2025-03-01', 'delivery_delay'],
      [agentA, '2025-03-31', 'delivery_delay'],
      [agentB, '2025-03-15', 'delivery_delay'],
      [agentB, '2025-03-10', 'service_attitude'],
      [agentA, '2025-03-20', 'product_quality'],
      [agentA, '2025-02-20', 'service_attitude'],
      [agentA, '2025-02-01', 'service_attitude'],
      [agentA, '2025-02-01', 'billing'],
      [agentA, '2025-01-31', 'billing'],
      [agentA, '2025-04-01', 'product_quality'],
      [agentC, '2025-03-05', 'billing'],
    ] as const) {
      await closedComplaint(s, date, key);
    }
    // A consultation closed in the period does not count.
    const consultation = await w.ticket(agentA);
    await w.t.database.db.execute(
      sql`UPDATE tickets SET status = 'closed', root_cause_key = 'billing', closed_at = '2025-03-03T04:00:00Z' WHERE id = ${consultation.id}::uuid`,
    );

    const report = async (s: typeof sup, query = '') => {
      const r = await s.get(`/api/v1/ticket-reports/root-causes?from=2025-03-01&to=2025-03-31${query}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const team = await report(sup);
    expect(team.previousPeriod).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect([team.total, team.previousTotal]).toEqual([5, 3]);
    expect(team.items).toEqual([
      {
        rootCauseKey: 'delivery_delay',
        name: '交付/配送延误',
        nameEn: 'Late delivery',
        count: 3,
        share: 0.6,
        previousCount: 0,
      },
      {
        rootCauseKey: 'service_attitude',
        name: '服务态度',
        nameEn: 'Service attitude',
        count: 1,
        share: 0.2,
        previousCount: 2,
      },
      {
        rootCauseKey: 'product_quality',
        name: '产品质量',
        nameEn: 'Product quality',
        count: 1,
        share: 0.2,
        previousCount: 0,
      },
      { rootCauseKey: 'billing', name: '收费/账单', nameEn: 'Billing', count: 0, share: 0, previousCount: 1 },
    ]);
    // An agent sees their own tickets; the administrator everything; a department filter narrows it.
    expect(
      (await report(agentB)).items.map((i: { rootCauseKey: string; count: number }) => [i.rootCauseKey, i.count]),
    ).toEqual([
      ['delivery_delay', 1],
      ['service_attitude', 1],
    ]);
    expect((await report(admin)).total).toBe(6);
    const south = await report(admin, `&departmentId=${w.departments.elsewhere}`);
    expect([south.total, south.items[0].rootCauseKey]).toEqual([1, 'billing']);
    expect((await report(admin, `&departmentId=${w.departments.centre}`)).total).toBe(5);
    const bad = await sup.get('/api/v1/ticket-reports/root-causes?from=2025-03-31&to=2025-03-01');
    expect(bad.statusCode).toBe(400);
  });

  it('counts how the measures due in the period were followed through', async () => {
    const { sup, agentA } = w;
    const ticket = await w.ticket(agentA, { typeKey: 'complaint' });
    const db = w.t.database.db;
    const add = (dueDate: string, status: 'open' | 'done' | 'cancelled' | 'in_progress', doneAt?: string) =>
      seedImprovementMeasure(db, {
        ticketId: ticket.id,
        title: `措施 ${dueDate} ${status}`,
        ownerId: agentA.userId,
        dueDate,
        status,
        doneNote: status === 'done' ? '完成' : null,
        doneAt: doneAt ? new Date(doneAt) : null,
      });
    const from = day(-10);
    const to = day(10);
    await add(day(-5), 'done', new Date(Date.now() - 6 * 86_400_000).toISOString());
    await add(day(-8), 'done', new Date().toISOString());
    await add(day(-2), 'open');
    await add(day(-1), 'in_progress');
    await add(day(5), 'open');
    await add(day(6), 'cancelled');
    await add(day(30), 'open');
    const r = await sup.get(`/api/v1/ticket-reports/root-causes?from=${from}&to=${to}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().measures).toEqual({ total: 6, doneOnTime: 1, doneLate: 1, openOverdue: 2, open: 1, cancelled: 1 });
  });
});
