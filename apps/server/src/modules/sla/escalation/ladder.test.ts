import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import {
  at,
  clockRow,
  firingsOf,
  insertClock,
  insertLadder,
  insertPolicy,
  insertTicket,
  MINUTE,
  noticesOf,
  type SlaOrganisation,
  slaEvents,
  slaOrganisation,
  testLevels,
} from './ladder.test-setup.js';
import { slaSweep, sweepDueClocks } from './sweep.jobs.js';

/**
 * Warnings and escalation ladders (issue 12, point 4): time is driven by the clocks' instants and
 * the sweep's `now`, never by waiting.
 */
describe('SLA warnings and escalation ladders', () => {
  let t: TestApp;
  let org: SlaOrganisation;
  let ladderId: string;
  let policyId: string;
  let sup: Session;

  const sweep = (now: Date) => t.database.db.transaction((tx) => sweepDueClocks(tx, t.app.deps, now));
  const steps = async (clockId: string) =>
    (await firingsOf(t.database.db, clockId)).map((f) => `${f.kind}:${f.step}${f.late ? ' late' : ''}`);

  beforeAll(async () => {
    t = await createTestApp();
    org = await slaOrganisation(t.database.db);
    ladderId = await insertLadder(t.database.db, testLevels(org));
    policyId = await insertPolicy(t.database.db, ladderId);
    sup = await t.signIn('sup');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('fires the warnings at 50/75/90 %, the breach and every level once, in order, adding people', async () => {
    const db = t.database.db;
    const t0 = new Date(Date.now() - 5 * 86_400_000);
    const ticket = await insertTicket(db, org, { createdAt: t0 });
    const clock = await insertClock(db, ticket.id, t0, { policyId, ladderId });

    // Before the first warning nothing is due.
    await sweep(at(t0, 59));
    expect(await steps(clock.id)).toEqual([]);

    await sweep(at(t0, 61));
    expect(await steps(clock.id)).toEqual(['warning:50']);
    expect((await clockRow(db, clock.id))?.nextCheckAt).toEqual(at(t0, 90));
    await sweep(at(t0, 61)); // the same instant again: nothing new
    await sweep(at(t0, 91));
    await sweep(at(t0, 108));
    expect(await steps(clock.id)).toEqual(['warning:50', 'warning:75', 'warning:90']);
    for (const percent of [50, 75, 90]) {
      const notices = await noticesOf(db, ticket.id, clock.id, 'warning', percent);
      expect(notices.map((n) => n.recipient)).toEqual([org.users.agent]);
    }
    const [warning75] = await noticesOf(db, ticket.id, clock.id, 'warning', 75);
    expect(warning75?.subject).toBe(`工单 ${ticket.number} 解决即将超时（已过 75%）`);

    // The breach: the breach notice and level 1 at the due time; then each level after its limit.
    await sweep(at(t0, 120));
    // The sweep brought the clock up to date (the recompute): breached, level 1 reached.
    expect(await clockRow(db, clock.id)).toMatchObject({ state: 'breached', ladderLevel: 1, breachedAt: at(t0, 120) });
    await sweep(at(t0, 149)); // level 2 is due 30 min after level 1
    expect((await clockRow(db, clock.id))?.ladderLevel).toBe(1);
    await sweep(at(t0, 150));
    await sweep(at(t0, 210));
    await sweep(at(t0, 240));
    await sweep(at(t0, 10_000));
    expect(await steps(clock.id)).toEqual([
      'warning:50',
      'warning:75',
      'warning:90',
      'warning:100',
      'escalation:1',
      'escalation:2',
      'escalation:3',
      'escalation:4',
    ]);
    const after = await clockRow(db, clock.id);
    expect(after?.ladderLevel).toBe(4);
    expect(after?.nextCheckAt).toBeNull();

    // Each level adds its people to those before (the inactive general manager is never told).
    const { sup: s, mgr, gm, named } = org.users;
    const expected = [[s], [s, mgr], [s, mgr, gm], [s, mgr, gm, named]];
    const firings = (await firingsOf(db, clock.id)).filter((f) => f.kind === 'escalation');
    for (const [i, firing] of firings.entries()) {
      expect(firing.recipients).toEqual(expected[i]);
      expect(firing.late).toBe(false);
      expect(firing.scheduledAt).toEqual(at(t0, [120, 150, 210, 240][i] as number));
      const notices = await noticesOf(db, ticket.id, clock.id, 'escalation', i + 1);
      expect(notices.map((n) => n.recipient).sort()).toEqual([...(expected[i] as string[])].sort());
    }
    expect(firings[1]?.channels).toEqual(['in_app', 'sms']);
    const [level2] = await noticesOf(db, ticket.id, clock.id, 'escalation', 2);
    expect(level2?.subject).toBe(`工单 ${ticket.number} 解决已超时，升级至第 2 级：店面/责任部门处理`);
    const breach = await noticesOf(db, ticket.id, clock.id, 'warning', 100);
    expect(breach.map((n) => n.subject)).toEqual([`工单 ${ticket.number} 解决已超时`]);

    // One outbox event per firing, for the notification channels of issue 13.
    const events = await slaEvents(db, ticket.id);
    expect(events.map((e) => `${e.name}:${(e.payload as { step: number }).step}`)).toEqual([
      'sla.warned:50',
      'sla.warned:75',
      'sla.warned:90',
      'sla.warned:100',
      'sla.escalated:1',
      'sla.escalated:2',
      'sla.escalated:3',
      'sla.escalated:4',
    ]);
    expect(events[5]?.payload).toMatchObject({ recipients: [s, mgr], channels: ['in_app', 'sms'], late: false });
  });

  it('fires a deadline passed while nothing ran once, on the next sweep, late; overdue levels in order', async () => {
    const db = t.database.db;
    // Due 75 minutes ago: warnings, breach, level 1 (−75) and level 2 (−45) are overdue; level 3 (+15) not.
    const t0 = new Date(Date.now() - 195 * MINUTE);
    const ticket = await insertTicket(db, org, { createdAt: t0 });
    const clock = await insertClock(db, ticket.id, t0, { policyId, ladderId });
    // The job's handler, twice: the second run finds nothing new.
    for (let run = 0; run < 2; run++) {
      await db.transaction((tx) => slaSweep.handler({ data: {}, jobId: crypto.randomUUID(), tx, deps: t.app.deps }));
    }
    expect(await steps(clock.id)).toEqual([
      'warning:50 late',
      'warning:75 late',
      'warning:90 late',
      'warning:100 late',
      'escalation:1 late',
      'escalation:2 late',
    ]);
    const row = await clockRow(db, clock.id);
    expect(row?.ladderLevel).toBe(2);
    expect(row?.nextCheckAt).toEqual(at(t0, 210));
    const [late] = await noticesOf(db, ticket.id, clock.id, 'escalation', 2);
    expect(late?.body).toContain('系统延迟发出');
  });

  it('escalates by hand: a skip needs a reason, is recorded with who and why, and the ladder goes on', async () => {
    const db = t.database.db;
    const t0 = new Date(Date.now() - 125 * MINUTE); // breached 5 minutes ago
    const ticket = await insertTicket(db, org, { createdAt: t0 });
    const clock = await insertClock(db, ticket.id, t0, { policyId, ladderId });
    await sweep(new Date());
    expect((await clockRow(db, clock.id))?.ladderLevel).toBe(1);
    const url = `/api/v1/sla/tickets/${ticket.id}/escalations`;

    // Level 3 from level 1 skips level 2: refused without a reason, in the caller's language.
    const noReason = await sup.post(url, { clockId: clock.id, level: 3, reason: '  ' });
    expect(noReason.statusCode, noReason.body).toBe(400);
    expect(noReason.json().code).toBe('sla.skip_reason_required');
    expect(noReason.json().detail).toContain('跳过第 2 级');
    const english = await sup.post(url, { clockId: clock.id, level: 3 }, { 'accept-language': 'en' });
    expect(english.json().detail).toContain('requires a reason');
    expect((await sup.post(url, { clockId: clock.id, level: 1 })).json().code).toBe('sla.level_not_above');
    expect((await sup.post(url, { clockId: clock.id, level: 9 })).json().code).toBe('sla.level_out_of_range');

    // Not allowed to escalate (an agent), and a ticket outside the caller's scope is not found.
    const agent = await t.signIn('agenta');
    expect((await agent.post(url, { clockId: clock.id, level: 2 })).statusCode).toBe(403);
    const farsup = await t.signIn('farsup');
    expect((await farsup.post(url, { clockId: clock.id, level: 2 })).statusCode).toBe(404);

    const before = Date.now();
    const done = await sup.post(url, { clockId: clock.id, level: 3, reason: '客户情绪激动，已联系媒体' });
    expect(done.statusCode, done.body).toBe(201);
    const body = done.json();
    expect(body).toMatchObject({
      level: 3,
      manual: true,
      skipped: [2],
      reason: '客户情绪激动，已联系媒体',
      actorId: sup.userId,
    });
    const { sup: s, mgr, gm } = org.users;
    expect(body.recipients.map((r: { id: string }) => r.id)).toEqual([s, mgr, gm]);
    expect(body.recipients[2].name).toBe('钱总');

    const [level3] = (await firingsOf(db, clock.id)).filter((f) => f.kind === 'escalation' && f.step === 3);
    expect(level3).toMatchObject({
      manual: true,
      skipped: [2],
      actorId: sup.userId,
      reason: '客户情绪激动，已联系媒体',
      late: false,
    });
    const notices = await noticesOf(db, ticket.id, clock.id, 'escalation', 3);
    expect(notices.map((n) => n.recipient).sort()).toEqual([s, mgr, gm].sort());
    expect(notices[0]?.subject).toBe(`工单 ${ticket.number} 由 周主管 升级至第 3 级：副总/总经理给处理意见`);
    expect(notices[0]?.body).toContain('升级原因：客户情绪激动，已联系媒体');
    const again = await sup.post(url, { clockId: clock.id, level: 3 });
    expect(again.json().code).toBe('sla.level_not_above');

    // The ladder continues from the manual level and its moment: level 4 is due 30 min later;
    // level 2, passed over, never fires.
    const row = await clockRow(db, clock.id);
    expect(row?.ladderLevel).toBe(3);
    const next = row?.nextCheckAt?.getTime() ?? 0;
    expect(next).toBeGreaterThanOrEqual(before + 30 * MINUTE - 1000);
    expect(next).toBeLessThanOrEqual(Date.now() + 30 * MINUTE);
    await sweep(new Date(next - 1000));
    expect((await clockRow(db, clock.id))?.ladderLevel).toBe(3);
    await sweep(new Date(next));
    expect(await steps(clock.id)).toEqual([
      'warning:50 late',
      'warning:75 late',
      'warning:90 late',
      'warning:100 late',
      'escalation:1 late',
      'escalation:3',
      'escalation:4',
    ]);
  });

  it('lists the clocks at risk in the caller’s scope by time to breach, breached first', async () => {
    const db = t.database.db;
    const now = Date.now();
    const soon = await insertTicket(db, org, { subject: '十分钟后超时' });
    const later = await insertTicket(db, org, { subject: '一小时后超时' });
    const late = await insertTicket(db, org, { subject: '已超时两小时' });
    const c1 = await insertClock(db, soon.id, new Date(now - 110 * MINUTE), { policyId, ladderId: null });
    const c2 = await insertClock(db, later.id, new Date(now - 60 * MINUTE), { policyId, ladderId: null });
    const c3 = await insertClock(
      db,
      late.id,
      new Date(now - 240 * MINUTE),
      { policyId, ladderId: null },
      { state: 'breached' },
    );
    await insertClock(
      db,
      (await insertTicket(db, org)).id,
      new Date(now),
      { policyId, ladderId: null },
      { state: 'paused', dueAt: null },
    );

    const page = await sup.get('/api/v1/sla/at-risk?pageSize=100');
    expect(page.statusCode, page.body).toBe(200);
    const ids = page.json().items.map((i: { clockId: string }) => i.clockId);
    const mine = ids.filter((id: string) => [c1.id, c2.id, c3.id].includes(id));
    expect(mine).toEqual([c3.id, c1.id, c2.id]);
    const item = page.json().items.find((i: { clockId: string }) => i.clockId === c3.id);
    expect(item).toMatchObject({
      ticketId: late.id,
      number: late.number,
      state: 'breached',
      metric: 'resolution',
      assigneeName: '王坐席',
    });
    expect(item.remainingMinutes).toBeLessThanOrEqual(-119);
    // Sorted overall as well: earliest due first.
    const dues = page.json().items.map((i: { dueAt: string }) => Date.parse(i.dueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));

    const filtered = await sup.get('/api/v1/sla/at-risk?metric=first_response');
    expect(filtered.json().total).toBe(0);
    const farsup = await t.signIn('farsup');
    expect((await farsup.get('/api/v1/sla/at-risk')).json()).toMatchObject({ items: [], total: 0 });
  });
});
