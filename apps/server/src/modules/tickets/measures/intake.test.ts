import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../../lib/actor.js';
import { complaintIntakeTotals } from '../index.js';
import { type TicketWorld, ticketWorld } from '../ticket-work.test-setup.js';
import type { IntakeReport } from './intake.schemas.js';
import { businessToday } from './measures.service.js';

type Session = TicketWorld['sup'];

/**
 * The fixture (Asia/Shanghai; 热线组 = hotline, 客户服务中心 = centre, 华南分部 = elsewhere), period
 * March 2025, previous period February 2025:
 *  #  by   type               channel  dept       created (local)    now            closed      major overdue-now
 *  1  A    complaint          phone    hotline    03-01 00:30        investigating  -           yes   yes (reply passed)
 *  2  A    complaint          wechat   hotline    03-10 10:00        closed         03-20       -     -
 *  3  B    service_complaint  phone    (none)     03-15 10:00        received       -           -     yes (SLA breached)
 *  4  B    service_complaint  email    centre     03-31 23:30        resolved       -           yes   -
 *  5  A    complaint          phone    hotline    02-20 10:00        closed         03-05       -     -
 *  6  A    complaint          phone    hotline    02-28 23:59        classified     -           -     -
 *  7  A    complaint          phone    hotline    04-01 00:00:30     received       -           -     -
 *  8  C    complaint          phone    elsewhere  03-12 10:00        investigating  -           yes   yes (reply passed)
 *  9  A    consultation       phone    hotline    03-05 10:00        received       -           -     yes
 * 10  A    complaint          web      hotline    01-15 10:00        closed         02-10       -     -
 * The team-scoped supervisor (热线组) sees 1–7 and 10 (A and B's), not 8 (C's, 华南分部).
 * Supervisor, March: received 1,2,3,4 = 4; closed 2,5 = 2; open 1,3 = 2 (4 is resolved);
 *   overdue 1,3 = 2; major 1,4 = 2. February: received 5,6 = 2; closed 10 = 1; open 6 = 1.
 * Administrator, March: ticket 8 too — 5 / 2 / 3 / 3 / 3.
 */
describe('tickets: complaint intake report', () => {
  let w: TicketWorld;
  beforeAll(async () => {
    w = await ticketWorld();
    const { agentA, agentB, agentC } = w;
    const db = w.t.database.db;
    await db.execute(sql`INSERT INTO ticket_types (key, name, name_en, is_complaint, sort_order)
      VALUES ('service_complaint', '服务投诉', 'Service complaint', true, 50)`);
    const { hotline, centre, elsewhere } = w.departments;
    const rows: [Session, string, string, string | null, string, string, string | null, boolean, string][] = [
      [agentA, 'complaint', 'phone', hotline, '2025-03-01 00:30', 'investigating', null, true, 'reply'],
      [agentA, 'complaint', 'wechat', hotline, '2025-03-10 10:00', 'closed', '2025-03-20 10:00', false, ''],
      [agentB, 'service_complaint', 'phone', null, '2025-03-15 10:00', 'received', null, false, 'breached'],
      [agentB, 'service_complaint', 'email', centre, '2025-03-31 23:30', 'resolved', null, true, ''],
      [agentA, 'complaint', 'phone', hotline, '2025-02-20 10:00', 'closed', '2025-03-05 10:00', false, ''],
      [agentA, 'complaint', 'phone', hotline, '2025-02-28 23:59', 'classified', null, false, ''],
      [agentA, 'complaint', 'phone', hotline, '2025-04-01 00:00:30', 'received', null, false, ''],
      [agentC, 'complaint', 'phone', elsewhere, '2025-03-12 10:00', 'investigating', null, true, 'reply'],
      [agentA, 'consultation', 'phone', hotline, '2025-03-05 10:00', 'received', null, false, 'reply'],
      [agentA, 'complaint', 'web', hotline, '2025-01-15 10:00', 'closed', '2025-02-10 10:00', false, ''],
    ];
    const ids: string[] = [];
    for (const [s, typeKey] of rows) {
      ids.push((await w.ticket(s, typeKey === 'service_complaint' ? { typeKey: 'complaint' } : { typeKey })).id);
    }
    // The SLA clocks are recomputed after each change (outbox): let them settle before the fixture is set.
    const pending = async () =>
      (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM outbox_deliveries WHERE status = 'pending'`))
        .rows[0]?.n;
    await vi.waitFor(async () => expect(await pending()).toBe(0), { timeout: 30_000, interval: 200 });
    const local = (at: string | null) =>
      at === null ? sql`NULL` : sql`(${at}::timestamp AT TIME ZONE 'Asia/Shanghai')`;
    for (const [i, [, typeKey, channel, departmentId, created, status, closed, major, overdue]] of rows.entries()) {
      await db.execute(sql`UPDATE tickets SET type_key = ${typeKey}, channel = ${channel},
        department_id = ${departmentId}::uuid, assignee_id = NULL, status = ${status},
        created_at = ${local(created)}, closed_at = ${local(closed)}, is_major = ${major},
        next_reply_at = ${overdue === 'reply' ? sql`now() - interval '1 hour'` : sql`now() + interval '1 day'`},
        sla_state = ${overdue === 'breached' ? 'breached' : 'ok'}
        WHERE id = ${ids[i]}::uuid`);
    }
  });
  afterAll(async () => w?.t.close());

  const report = async (s: Session, query: string, headers?: Record<string, string>) => {
    const r = await s.get(`/api/v1/ticket-reports/intake?${query}`, headers);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as IntakeReport;
  };
  const byKey = (groups: IntakeReport['groups']) => [...groups].sort((a, b) => a.key.localeCompare(b.key));

  it('counts received, closed, open, overdue and major complaints of the period and the previous calendar month', async () => {
    const r = await report(w.sup, 'from=2025-03-01&to=2025-03-31');
    expect(r.period).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    expect(r.previousPeriod).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(r.totals).toEqual({ received: 4, closed: 2, open: 2, overdue: 2, major: 2 });
    expect(r.previousTotals).toEqual({ received: 2, closed: 1, open: 1, overdue: 0, major: 0 });
    expect(r.groupBy).toBe('type');
    expect(r.groups).toEqual([
      { key: 'complaint', name: '投诉', received: 2, closed: 2, open: 1, overdue: 1, major: 1 },
      { key: 'service_complaint', name: '服务投诉', received: 2, closed: 0, open: 1, overdue: 1, major: 1 },
    ]);
    const admin = await report(w.admin, 'from=2025-03-01&to=2025-03-31');
    expect(admin.totals).toEqual({ received: 5, closed: 2, open: 3, overdue: 3, major: 3 });
    // The function the home page uses: `to` exclusive (the next month's first day), same figures.
    const supActor: Actor = {
      userId: w.sup.userId,
      username: 'sup',
      displayName: '周主管',
      roleKey: 'supervisor',
      permissions: new Set(),
      dataScope: 'team',
      departmentId: w.departments.hotline,
      locale: 'zh-CN',
      via: 'session',
    };
    const period = { from: '2025-03-01', to: '2025-04-01', timeZone: 'Asia/Shanghai' };
    expect(await complaintIntakeTotals(w.t.database.db, supActor, period)).toEqual(r.totals);
  });

  it('breaks the figures down by channel and by department (none: no department), in English too', async () => {
    const channels = await report(w.sup, 'from=2025-03-01&to=2025-03-31&groupBy=channel');
    expect(channels.groups).toEqual([
      { key: 'phone', name: '电话', received: 2, closed: 1, open: 2, overdue: 2, major: 1 },
      { key: 'wechat', name: '微信', received: 1, closed: 1, open: 0, overdue: 0, major: 0 },
      { key: 'email', name: '邮件', received: 1, closed: 0, open: 0, overdue: 0, major: 1 },
    ]);
    const departments = await report(w.sup, 'from=2025-03-01&to=2025-03-31&groupBy=department');
    expect(byKey(departments.groups)).toEqual(
      byKey([
        { key: w.departments.hotline, name: '热线组', received: 2, closed: 2, open: 1, overdue: 1, major: 1 },
        { key: 'none', name: '无部门', received: 1, closed: 0, open: 1, overdue: 1, major: 0 },
        { key: w.departments.centre, name: '客户服务中心', received: 1, closed: 0, open: 0, overdue: 0, major: 1 },
      ]),
    );
    expect(departments.groups[0]?.key).toBe(w.departments.hotline);
    const en = await report(w.sup, 'from=2025-03-01&to=2025-03-31&groupBy=type', { 'accept-language': 'en' });
    expect(en.groups.map((g) => g.name)).toEqual(['Complaint', 'Service complaint']);
    const enChannels = await report(w.sup, 'from=2025-03-01&to=2025-03-31&groupBy=channel', {
      'accept-language': 'en',
    });
    expect(enChannels.groups.map((g) => g.name)).toEqual(['Phone', 'WeChat', 'E-mail']);
  });

  it('charts received and closed per day, week and month (every bucket, the first clipped to the period)', async () => {
    const days = await report(w.sup, 'from=2025-03-01&to=2025-03-31');
    expect(days.granularity).toBe('day');
    expect(days.trend).toHaveLength(31);
    expect(days.trend.filter((b) => b.received > 0 || b.closed > 0)).toEqual([
      { bucket: '2025-03-01', received: 1, closed: 0 },
      { bucket: '2025-03-05', received: 0, closed: 1 },
      { bucket: '2025-03-10', received: 1, closed: 0 },
      { bucket: '2025-03-15', received: 1, closed: 0 },
      { bucket: '2025-03-20', received: 0, closed: 1 },
      { bucket: '2025-03-31', received: 1, closed: 0 },
    ]);
    const weeks = await report(w.sup, 'from=2025-03-01&to=2025-03-31&granularity=week');
    expect(weeks.trend).toEqual([
      { bucket: '2025-03-01', received: 1, closed: 0 },
      { bucket: '2025-03-03', received: 0, closed: 1 },
      { bucket: '2025-03-10', received: 2, closed: 0 },
      { bucket: '2025-03-17', received: 0, closed: 1 },
      { bucket: '2025-03-24', received: 0, closed: 0 },
      { bucket: '2025-03-31', received: 1, closed: 0 },
    ]);
    const months = await report(w.sup, 'from=2025-01-01&to=2025-03-31&granularity=month');
    expect(months.previousPeriod).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(months.trend).toEqual([
      { bucket: '2025-01-01', received: 1, closed: 0 },
      { bucket: '2025-02-01', received: 2, closed: 1 },
      { bucket: '2025-03-01', received: 4, closed: 2 },
    ]);
  });

  it('takes an arbitrary period with the same number of days before it, and defaults to this month', async () => {
    const week = await report(w.sup, 'from=2025-03-10&to=2025-03-16');
    expect(week.previousPeriod).toEqual({ from: '2025-03-03', to: '2025-03-09' });
    expect(week.totals).toEqual({ received: 2, closed: 0, open: 1, overdue: 1, major: 0 });
    expect(week.previousTotals).toEqual({ received: 0, closed: 1, open: 0, overdue: 0, major: 0 });
    const today = businessToday('Asia/Shanghai');
    const current = await report(w.sup, '');
    expect(current.period.from).toBe(`${today.slice(0, 7)}-01`);
    expect(current.period.to >= today).toBe(true);
    expect(current.totals.received).toBe(0);
  });

  it('limits a team-scoped supervisor and an agent to the tickets they may see', async () => {
    const agentB = await report(w.agentB, 'from=2025-03-01&to=2025-03-31');
    expect(agentB.totals).toEqual({ received: 2, closed: 0, open: 1, overdue: 1, major: 1 });
    const agentC = await report(w.agentC, 'from=2025-03-01&to=2025-03-31&groupBy=department');
    expect(agentC.groups).toEqual([
      { key: w.departments.elsewhere, name: '华南分部', received: 1, closed: 0, open: 1, overdue: 1, major: 1 },
    ]);
  });

  it('exports the same rows as the report, as CSV with a BOM and as Excel', async () => {
    const r = await report(w.sup, 'from=2025-03-01&to=2025-03-31&groupBy=channel');
    const expected = [
      ['渠道', '受理', '办结', '未结', '超时', '重大'],
      ...r.groups.map((g) => [g.name, g.received, g.closed, g.open, g.overdue, g.major].map(String)),
      ['本期合计（2025-03-01 至 2025-03-31）', '4', '2', '2', '2', '2'],
      ['上期合计（2025-02-01 至 2025-02-28）', '2', '1', '1', '0', '0'],
    ];
    const csv = await w.sup.get(
      '/api/v1/ticket-reports/intake/export?from=2025-03-01&to=2025-03-31&groupBy=channel&format=csv',
    );
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines.map((line) => line.split(','))).toEqual(expected);

    const xlsx = await w.sup.get('/api/v1/ticket-reports/intake/export?from=2025-03-01&to=2025-03-31&groupBy=channel');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(String(xlsx.headers['content-disposition'])).toContain('2025-03-01-2025-03-31.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const cells: string[][] = [];
    sheet?.eachRow((row) => {
      cells.push((row.values as unknown[]).slice(1).map(String));
    });
    expect(cells).toEqual(expected);
  });

  it('refuses bad parameters with a localized 400', async () => {
    for (const query of [
      'from=2025-03-31&to=2025-03-01',
      'from=2025-03-01',
      'groupBy=agent',
      'granularity=hour',
      'from=2025-02-30&to=2025-03-01',
    ]) {
      const zh = await w.sup.get(`/api/v1/ticket-reports/intake?${query}`);
      expect(zh.statusCode, query).toBe(400);
      expect(zh.json().code).toBe('validation_failed');
      const en = await w.sup.get(`/api/v1/ticket-reports/intake?${query}`, { 'accept-language': 'en' });
      expect(en.json().detail).not.toBe(zh.json().detail);
      expect(en.json().detail).toMatch(/^[\x20-\x7e]+$/);
    }
    expect((await w.sup.get('/api/v1/ticket-reports/intake/export?format=pdf')).statusCode).toBe(400);
  });
});
