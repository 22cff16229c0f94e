import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import type { DbOrTx } from '../../../db/client.js';
import { auditLog, slaClocks, slaFirings, slaSettings } from '../../../db/schema/index.js';
import { createDepartment, createUser } from '../../../db/seed/factories.js';
import type { SlaReport, SlaReportRow, SlaTrend } from './report.schemas.js';

type ClockValues = typeof slaClocks.$inferInsert;

/** A stored clock as the recompute would leave it (the report reads only these rows). */
async function clock(db: DbOrTx, values: Partial<ClockValues> & Pick<ClockValues, 'metric' | 'state'>) {
  const startedAt = values.startedAt ?? new Date('2025-03-03T01:00:00Z');
  const [row] = await db
    .insert(slaClocks)
    .values({
      ticketId: randomUUID(),
      timeBasis: 'business',
      targetMinutes: 120,
      startedAt,
      typeKey: 'complaint',
      priority: 'normal',
      ...values,
    })
    .returning();
  if (!row) throw new Error('clock not inserted');
  return row;
}

/** A clock that met its target: stopped at `at` (an instant), started an hour before. */
const met = (metric: ClockValues['metric'], at: string, extra: Partial<ClockValues> = {}) => ({
  metric,
  state: 'met' as const,
  startedAt: new Date(Date.parse(at) - 3_600_000),
  dueAt: new Date(Date.parse(at) + 3_600_000),
  stoppedAt: new Date(at),
  ...extra,
});
/** A clock that breached at `at` (and stopped later, or not). */
const breached = (metric: ClockValues['metric'], at: string, extra: Partial<ClockValues> = {}) => ({
  metric,
  state: 'breached' as const,
  startedAt: new Date(Date.parse(at) - 7_200_000),
  dueAt: new Date(at),
  breachedAt: new Date(at),
  ...extra,
});

/**
 * The fixture, hand-computed (weights first response 30, resolution 40, promised reply 30), March
 * 2025 in Asia/Shanghai:
 * - 热线组 (supervisor 周主管): 王坐席 first response 2 met 1 breached, resolution 1 met, promised
 *   reply 2 met (one stopped 2025-02-28 17:00 UTC = 1 March 01:00 in Shanghai); 李坐席 first
 *   response 1 met, resolution 1 breached (escalated to level 1, then level 2 late).
 *   Team: first response 3/1 = 75 %, resolution 1/1 = 50 %, promised 2/0 = 100 %
 *   → SLA rate 0.3·75 + 0.4·50 + 0.3·100 = 72.5 %.
 *   王坐席: 0.3·(2/3) + 0.4·1 + 0.3·1 = 90 %; 李坐席 has no promised reply: its weight is
 *   redistributed, (30·1 + 40·0) ÷ 70 = 42.86 %.
 * - 华南组 (supervisor 吴主管): 陈坐席 first response 1 met and resolution 1 met in March (100 %),
 *   first response 2 breached in February (0 %, one escalated to level 1).
 * Not counted: an open clock (running, in `open`), a cancelled one, one met in April.
 */
describe('sla: achievement report (docs/sla.md)', () => {
  let t: TestApp;
  let admin: Session;
  let sup: Session;
  let sup2: Session;
  let agent: Session;
  const ids = { hotline: '', south: '', agentA: '', agentB: '', agentC: '' };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const hotline = await createDepartment(db, { name: '热线组' });
    const south = await createDepartment(db, { name: '华南组' });
    const supUser = await createUser(db, {
      username: 'sup',
      displayName: '周主管',
      roleKey: 'supervisor',
      departmentId: hotline.id,
    });
    const sup2User = await createUser(db, {
      username: 'sup2',
      displayName: '吴主管',
      roleKey: 'supervisor',
      departmentId: south.id,
    });
    const a = await createUser(db, {
      username: 'agenta',
      displayName: '王坐席',
      departmentId: hotline.id,
      superiorId: supUser.id,
    });
    const b = await createUser(db, {
      username: 'agentb',
      displayName: '李坐席',
      departmentId: hotline.id,
      superiorId: supUser.id,
    });
    const c = await createUser(db, {
      username: 'agentc',
      displayName: '陈坐席',
      departmentId: south.id,
      superiorId: sup2User.id,
    });
    Object.assign(ids, { hotline: hotline.id, south: south.id, agentA: a.id, agentB: b.id, agentC: c.id });
    const weights = { first_response: 30, resolution: 40, promised_reply: 30 };
    await db
      .insert(slaSettings)
      .values({ id: 1, weights })
      .onConflictDoUpdate({ target: slaSettings.id, set: { weights } });

    const A = { assigneeId: a.id, departmentId: hotline.id };
    const B = { assigneeId: b.id, departmentId: hotline.id, priority: 'high' };
    const C = { assigneeId: c.id, departmentId: south.id, typeKey: 'consultation' };
    await clock(db, met('first_response', '2025-03-03T02:00:00Z', { ...A, pausedMinutes: 30 }));
    await clock(db, met('first_response', '2025-03-12T02:00:00Z', A));
    await clock(
      db,
      breached('first_response', '2025-03-20T02:00:00Z', { ...A, stoppedAt: new Date('2025-03-20T05:00:00Z') }),
    );
    await clock(db, met('resolution', '2025-03-21T08:00:00Z', A));
    await clock(db, met('promised_reply', '2025-02-28T17:00:00Z', A));
    await clock(db, met('promised_reply', '2025-03-31T15:00:00Z', A));
    await clock(db, {
      ...A,
      metric: 'first_response',
      state: 'running',
      startedAt: new Date('2025-03-30T02:00:00Z'),
      pausedMinutes: 15,
    });
    await clock(db, { ...A, metric: 'resolution', state: 'cancelled', startedAt: new Date('2025-03-05T02:00:00Z') });
    await clock(db, met('first_response', '2025-04-01T02:00:00Z', A));
    await clock(db, met('first_response', '2025-03-04T02:00:00Z', B));
    const late = await clock(db, breached('resolution', '2025-03-10T02:00:00Z', B));
    await clock(db, met('first_response', '2025-03-05T02:00:00Z', C));
    await clock(db, met('resolution', '2025-03-06T02:00:00Z', C));
    const feb = await clock(db, breached('first_response', '2025-02-10T02:00:00Z', C));
    await clock(db, breached('first_response', '2025-02-11T02:00:00Z', C));
    const firing = (c: typeof late, step: number, at: string, isLate = false) => ({
      clockId: c.id,
      ticketId: c.ticketId,
      kind: 'escalation' as const,
      step,
      scheduledAt: new Date(at),
      firedAt: new Date(at),
      late: isLate,
    });
    await db
      .insert(slaFirings)
      .values([
        firing(late, 1, '2025-03-10T02:00:30Z'),
        firing(late, 2, '2025-03-10T02:45:00Z', true),
        firing(feb, 1, '2025-02-10T02:01:00Z'),
        { ...firing(late, 50, '2025-03-10T01:00:00Z'), kind: 'warning' as const },
      ]);

    admin = await t.signIn('admin');
    sup = await t.signIn('sup');
    sup2 = await t.signIn('sup2');
    agent = await t.signIn('agenta');
  });
  afterAll(async () => t?.close());

  const report = async (s: Session, query: string): Promise<SlaReport> => {
    const r = await s.get(`/api/v1/sla/report?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  };
  const figures = (row: SlaReportRow | undefined) =>
    row && {
      fr: row.metrics.first_response,
      res: row.metrics.resolution,
      pr: row.metrics.promised_reply,
      slaRate: row.slaRate,
    };

  it('computes each metric’s rate and the weighted SLA rate per team (72.5 % hand-computed)', async () => {
    const r = await report(admin, 'from=2025-03-01&to=2025-03-31&groupBy=team');
    expect(r.weights).toEqual({
      first_response: 30,
      next_reply: 0,
      resolution: 40,
      promised_reply: 30,
      team_handling: 0,
    });
    expect(r.rows.map((row) => [row.key, row.label, row.slaRate])).toEqual([
      [ids.hotline, '热线组', 0.725],
      [ids.south, '华南组', 1],
    ]);
    const hotline = r.rows[0];
    expect(figures(hotline)).toEqual({
      fr: { total: 4, met: 3, breached: 1, open: 1, rate: 0.75 },
      res: { total: 2, met: 1, breached: 1, open: 0, rate: 0.5 },
      pr: { total: 2, met: 2, breached: 0, open: 0, rate: 1 },
      slaRate: 0.725,
    });
    expect(hotline?.pausedMinutes).toBe(45);
    expect(hotline?.escalationsByLevel).toEqual({ '1': 1, '2': 1 });
    expect(hotline?.lateFirings).toBe(1);
    // Totals: first response 4/1 = 80 %, resolution 2/1, promised 2/0 → .3·.8 + .4·⅔ + .3·1.
    expect(figures(r.totals)).toMatchObject({ fr: { met: 4, breached: 1, rate: 0.8 }, slaRate: 0.8067 });
    expect(r.totals.escalationsByLevel).toEqual({ '1': 1, '2': 1 });
  });

  it('redistributes the weight of a metric without an ended clock; groups by agent, worst first', async () => {
    const r = await report(admin, 'from=2025-03-01&to=2025-03-31&groupBy=agent');
    expect(r.rows.map((row) => [row.key, row.label, row.slaRate])).toEqual([
      [ids.agentB, '李坐席', 0.4286],
      [ids.agentA, '王坐席', 0.9],
      [ids.agentC, '陈坐席', 1],
    ]);
    expect(r.rows[0]?.metrics.promised_reply).toEqual({ total: 0, met: 0, breached: 0, open: 0, rate: null });
    expect(r.rows[1]?.metrics.first_response).toMatchObject({ met: 2, breached: 1, open: 1, rate: 0.6667 });
  });

  it('groups by month in the business time zone, by type and by priority', async () => {
    const r = await report(admin, 'from=2025-02-01&to=2025-04-30&groupBy=month');
    expect(r.rows.map((row) => [row.key, row.slaRate])).toEqual([
      ['2025-02', 0],
      ['2025-03', 0.8067],
      ['2025-04', 1],
    ]);
    expect(r.rows[0]?.metrics.first_response).toMatchObject({ met: 0, breached: 2 });
    expect(r.rows[0]?.escalationsByLevel).toEqual({ '1': 1 });
    const byType = await report(admin, 'from=2025-03-01&to=2025-03-31&groupBy=type');
    expect(byType.rows.map((row) => [row.key, row.label]).sort()).toEqual([
      ['complaint', '投诉'],
      ['consultation', '咨询'],
    ]);
    const r2 = await admin.get('/api/v1/sla/report?from=2025-03-01&to=2025-03-31&groupBy=type', {
      'accept-language': 'en',
    });
    expect((r2.json() as SlaReport).rows.map((row) => row.label).sort()).toEqual(['Complaint', 'Consultation']);
    const byPriority = await report(admin, 'from=2025-03-01&to=2025-03-31&groupBy=priority');
    expect(byPriority.rows.map((row) => [row.key, row.label])).toContainEqual(['high', '高']);
  });

  it('has no rate when no clock ended in the period', async () => {
    const r = await report(admin, 'from=2024-01-01&to=2024-01-31&groupBy=agent');
    expect(r.rows).toEqual([]);
    expect(r.totals.slaRate).toBeNull();
    expect(r.totals.metrics.first_response.rate).toBeNull();
  });

  it('shows a supervisor the clocks of their team only; an agent gets 403', async () => {
    const mine = await report(sup, 'from=2025-03-01&to=2025-03-31&groupBy=agent');
    expect(mine.rows.map((row) => row.key).sort()).toEqual([ids.agentA, ids.agentB].sort());
    expect(mine.totals.slaRate).toBe(0.725);
    const other = await report(sup2, 'from=2025-02-01&to=2025-03-31&groupBy=team');
    expect(other.rows.map((row) => row.key)).toEqual([ids.south]);
    expect(other.totals.escalationsByLevel).toEqual({ '1': 1 });
    for (const url of [
      '/api/v1/sla/report?from=2025-03-01&to=2025-03-31',
      '/api/v1/sla/report/trend?from=2025-03-01&to=2025-03-31',
      '/api/v1/sla/report/export?from=2025-03-01&to=2025-03-31&format=csv',
    ]) {
      expect((await agent.get(url)).statusCode).toBe(403);
    }
    expect((await sup.get('/api/v1/sla/report?from=2025-03-31&to=2025-03-01')).statusCode).toBe(400);
  });

  it('charts the SLA rate per month, week and day (empty buckets without a rate)', async () => {
    const months = (
      await admin.get('/api/v1/sla/report/trend?from=2025-02-01&to=2025-03-31&interval=month')
    ).json() as SlaTrend;
    expect(months.buckets.map((b) => [b.start, b.slaRate])).toEqual([
      ['2025-02-01', 0],
      ['2025-03-01', 0.8067],
    ]);
    const days = (
      await sup.get('/api/v1/sla/report/trend?from=2025-03-01&to=2025-03-31&interval=day')
    ).json() as SlaTrend;
    expect(days.buckets).toHaveLength(31);
    // 1 March (Shanghai) holds the promised reply met at 2025-02-28 17:00 UTC.
    expect(days.buckets[0]).toMatchObject({ start: '2025-03-01', slaRate: 1 });
    expect(days.buckets[0]?.metrics.promised_reply).toMatchObject({ met: 1, rate: 1 });
    expect(days.buckets[1]).toMatchObject({ start: '2025-03-02', slaRate: null });
    const weeks = (
      await sup.get('/api/v1/sla/report/trend?from=2025-03-01&to=2025-03-31&interval=week')
    ).json() as SlaTrend;
    expect(weeks.buckets[0]?.start).toBe('2025-02-24');
    expect(weeks.buckets.at(-1)?.start).toBe('2025-03-31');
  });

  it('exports CSV with a BOM and the localized header, and Excel; the export is audited', async () => {
    const r = await sup.get('/api/v1/sla/report/export?from=2025-03-01&to=2025-03-31&groupBy=team&format=csv');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = r.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '部门,SLA 达成率（%）,首次响应达标,首次响应超时,首次响应达成率（%）,解决达标,解决超时,解决达成率（%）,' +
        '承诺回复达标,承诺回复超时,承诺回复达成率（%）,暂停时长（分钟）,升级至第 1 级,升级至第 2 级,延迟触发',
    );
    expect(lines[1]).toBe('热线组,72.5,3,1,75,1,1,50,2,0,100,45,1,1,1');
    expect(lines.at(-1)?.startsWith('合计,72.5,')).toBe(true);

    const en = await sup.get('/api/v1/sla/report/export?from=2025-03-01&to=2025-03-31&groupBy=agent&format=csv', {
      'accept-language': 'en',
    });
    expect(en.body.split('\r\n')[0]).toMatch(/^\uFEFFAgent,SLA rate \(%\),first response: met,/);

    const xlsx = await sup.get('/api/v1/sla/report/export?from=2025-03-01&to=2025-03-31&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'sla.report_exported'), eq(auditLog.actorId, sup.userId)));
    expect(audited).toHaveLength(3);
    expect(audited.map((entry) => entry.details)).toContainEqual(
      expect.objectContaining({ format: 'csv', groupBy: 'team', from: '2025-03-01', to: '2025-03-31' }),
    );
  });
});
