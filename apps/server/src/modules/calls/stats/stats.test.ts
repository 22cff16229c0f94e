import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../../db/schema/index.js';
import { type CallRow, type CallWorld, callWorld } from '../records/records.test-setup.js';

/** The period: 2 March 2026 in Beijing time. */
const FROM = '2026-03-02T00:00:00+08:00';
const TO = '2026-03-03T00:00:00+08:00';
const start = new Date(FROM).getTime();
const at = (hours: number, seconds = 0) => new Date(start + hours * 3_600_000 + seconds * 1000);
const A = '售后热线';
const B = '投诉专线';
const url = (extra = '') => `/api/v1/call-stats?from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}${extra}`;

/**
 * The hand-computed fixture (threshold 20 s, short abandons ≤ 5 s):
 * A: answered waits 10/20/21/5 (talk 100/200/300/unknown, RINGNOANSWER 0/1/2/0), abandoned waits
 *    3/5/40 (two short), one timeout, one unresolved → offered 9.
 * B: answered waits 30/0 (talk 400 transferred / 50), exit with key, exit empty, abandoned after 6 s → offered 5.
 * Out of the period: one call at `to` exactly, one a second before `from`.
 */
function fixture(ids: CallWorld['ids']): CallRow[] {
  const answered = (
    queue: string,
    hours: number,
    agent: string,
    userId: string | null,
    wait: number,
    talk: number | null,
    rings = 0,
  ) => ({
    queue,
    enteredAt: at(hours),
    outcome: 'answered' as const,
    agent,
    agentUserId: userId,
    waitSeconds: wait,
    talkSeconds: talk,
    ringNoAnswerCount: rings,
    callerNumber: '13800000000',
  });
  const ended = (queue: string, hours: number, outcome: CallRow['outcome'], wait: number | null) => ({
    queue,
    enteredAt: at(hours),
    outcome,
    waitSeconds: wait,
  });
  return [
    answered(A, 0, 'PJSIP/8001', ids.agentA, 10, 100),
    answered(A, 1, 'PJSIP/8001', ids.agentA, 20, 200, 1),
    answered(A, 2, 'PJSIP/8002', ids.agentB, 21, 300, 2),
    answered(A, 3, 'PJSIP/8003', null, 5, null),
    ended(A, 4, 'abandoned', 3),
    ended(A, 5, 'abandoned', 5),
    ended(A, 6, 'abandoned', 40),
    ended(A, 7, 'timeout', 60),
    ended(A, 8, 'unresolved', null),
    { ...answered(B, 1, 'PJSIP/8001', ids.agentA, 30, 400), transferred: true },
    answered(B, 2, 'PJSIP/8002', ids.agentB, 0, 50),
    ended(B, 3, 'exit_key', 12),
    ended(B, 4, 'exit_empty', 0),
    ended(B, 5, 'abandoned', 6),
    { ...answered(A, 24, 'PJSIP/8001', ids.agentA, 1, 10), enteredAt: new Date(TO) },
    { ...answered(B, 0, 'PJSIP/8001', ids.agentA, 1, 10), enteredAt: at(0, -1) },
  ];
}

describe('calls/stats: KPIs against a hand-computed fixture', () => {
  let w: CallWorld;

  beforeAll(async () => {
    w = await callWorld();
    await w.insertCalls(fixture(w.ids));
  });
  afterAll(async () => {
    await w?.t.close();
  });

  it('computes every figure per queue, in total and per agent', async () => {
    const res = await w.gm.get(url());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      from: new Date(FROM).toISOString(),
      to: new Date(TO).toISOString(),
      threshold: 20,
      shortAbandonSeconds: 5,
    });
    expect(body.queues.map((q: { queue: string }) => q.queue)).toEqual([A, B].sort((x, y) => x.localeCompare(y)));
    const qa = body.queues.find((q: { queue: string }) => q.queue === A);
    const qb = body.queues.find((q: { queue: string }) => q.queue === B);
    expect(qa).toEqual({
      queue: A,
      offered: 9,
      answered: 4,
      abandoned: 3,
      shortAbandoned: 2,
      timedOut: 1,
      exitedWithKey: 0,
      exitedEmpty: 0,
      unresolved: 1,
      transferred: 0,
      answeredWithinThreshold: 3,
      serviceLevelOffered: 0.3333,
      serviceLevelOfferedExShortAbandons: 0.4286,
      serviceLevelAnswered: 0.75,
      answerRate: 0.4444,
      abandonRate: 0.3333,
      avgWaitAnsweredSeconds: 14,
      avgWaitAbandonedSeconds: 16,
      avgTalkSeconds: 200,
      avgHandlingSeconds: 200,
      avgRings: 1.75,
    });
    expect(qb).toEqual({
      queue: B,
      offered: 5,
      answered: 2,
      abandoned: 1,
      shortAbandoned: 0,
      timedOut: 0,
      exitedWithKey: 1,
      exitedEmpty: 1,
      unresolved: 0,
      transferred: 1,
      answeredWithinThreshold: 1,
      serviceLevelOffered: 0.2,
      serviceLevelOfferedExShortAbandons: 0.2,
      serviceLevelAnswered: 0.5,
      answerRate: 0.4,
      abandonRate: 0.2,
      avgWaitAnsweredSeconds: 15,
      avgWaitAbandonedSeconds: 6,
      avgTalkSeconds: 225,
      avgHandlingSeconds: 225,
      avgRings: 1,
    });
    expect(body.total).toEqual({
      offered: 14,
      answered: 6,
      abandoned: 4,
      shortAbandoned: 2,
      timedOut: 1,
      exitedWithKey: 1,
      exitedEmpty: 1,
      unresolved: 1,
      transferred: 1,
      answeredWithinThreshold: 4,
      serviceLevelOffered: 0.2857,
      serviceLevelOfferedExShortAbandons: 0.3333,
      serviceLevelAnswered: 0.6667,
      answerRate: 0.4286,
      abandonRate: 0.2857,
      avgWaitAnsweredSeconds: 14.33,
      avgWaitAbandonedSeconds: 13.5,
      avgTalkSeconds: 210,
      avgHandlingSeconds: 210,
      avgRings: 1.5,
    });
    expect(body.agents).toEqual([
      {
        agent: 'PJSIP/8001',
        userId: w.ids.agentA,
        userName: '钱坐席',
        answered: 3,
        answeredWithinThreshold: 2,
        transferred: 1,
        avgWaitAnsweredSeconds: 20,
        avgTalkSeconds: 233.33,
        avgHandlingSeconds: 233.33,
        avgRings: 1.33,
      },
      {
        agent: 'PJSIP/8002',
        userId: w.ids.agentB,
        userName: '孙坐席',
        answered: 2,
        answeredWithinThreshold: 1,
        transferred: 0,
        avgWaitAnsweredSeconds: 10.5,
        avgTalkSeconds: 175,
        avgHandlingSeconds: 175,
        avgRings: 2,
      },
      {
        agent: 'PJSIP/8003',
        userId: null,
        userName: null,
        answered: 1,
        answeredWithinThreshold: 1,
        transferred: 0,
        avgWaitAnsweredSeconds: 5,
        avgTalkSeconds: null,
        avgHandlingSeconds: null,
        avgRings: 1,
      },
    ]);
  });

  it('takes the threshold, queue, agent and direction filters', async () => {
    const wide = (await w.gm.get(url('&threshold=30'))).json();
    expect(wide.threshold).toBe(30);
    expect(wide.total).toMatchObject({
      answeredWithinThreshold: 6,
      serviceLevelAnswered: 1,
      serviceLevelOffered: 0.4286,
    });
    const b = (await w.gm.get(url(`&queue=${encodeURIComponent(B)}`))).json();
    expect(b.queues).toHaveLength(1);
    expect(b.total).toMatchObject({ offered: 5, answered: 2 });
    const agent = (await w.gm.get(url('&agent=PJSIP%2F8001'))).json();
    expect(agent.total).toMatchObject({ offered: 3, answered: 3, answeredWithinThreshold: 2 });
    const outbound = (await w.gm.get(url('&direction=outbound'))).json();
    expect(outbound.total.offered).toBe(0);
  });

  it('answers zeros and null ratios for a period without calls', async () => {
    const res = await w.gm.get('/api/v1/call-stats?from=2025-01-01T00:00:00Z&to=2025-02-01T00:00:00Z');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.queues).toEqual([]);
    expect(body.agents).toEqual([]);
    expect(body.total).toMatchObject({
      offered: 0,
      serviceLevelOffered: null,
      serviceLevelOfferedExShortAbandons: null,
      serviceLevelAnswered: null,
      answerRate: null,
      avgTalkSeconds: null,
      avgRings: null,
    });
  });

  it('counts only the calls in the reader’s data scope', async () => {
    // Team scope: the team's own agent and every call without a Kefu agent; agent B's two are hidden.
    const team = (await w.sup.get(url())).json();
    expect(team.total).toMatchObject({ offered: 12, answered: 4, abandoned: 4 });
    expect(team.agents.map((a: { agent: string }) => a.agent)).toEqual(['PJSIP/8001', 'PJSIP/8003']);
    // Own scope: only the calls they answered.
    const own = (await w.agentA.get(url())).json();
    expect(own.total).toMatchObject({ offered: 3, answered: 3 });
    expect(own.agents).toHaveLength(1);
  });

  it('refuses bad periods, strangers and those without calls.read', async () => {
    for (const query of [
      'from=yesterday&to=2026-03-03T00:00:00Z',
      `from=${encodeURIComponent(TO)}&to=${encodeURIComponent(FROM)}`,
      `from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(FROM)}`,
      'from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      `from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}&threshold=-1`,
    ]) {
      const res = await w.gm.get(`/api/v1/call-stats?${query}`);
      expect(res.statusCode, query).toBe(400);
    }
    const inverted = await w.gm.get(`/api/v1/call-stats?from=${encodeURIComponent(TO)}&to=${encodeURIComponent(FROM)}`);
    expect(inverted.json().code).toBe('calls.range_invalid');
    expect((await w.t.app.inject({ method: 'GET', url: url() })).statusCode).toBe(401);
    expect((await w.plainAgent.get(url())).statusCode).toBe(403);
    expect((await w.plainAgent.get('/api/v1/call-settings')).statusCode).toBe(403);
  });

  it('gives the trend per day in the business time zone', async () => {
    const res = await w.gm.get(
      `/api/v1/call-stats/trend?from=${encodeURIComponent('2026-03-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-03-04T00:00:00+08:00')}&bucket=day`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().points).toEqual([
      expect.objectContaining({ start: '2026-03-01', offered: 1, answered: 1 }),
      expect.objectContaining({
        start: '2026-03-02',
        offered: 14,
        answered: 6,
        abandoned: 4,
        answeredWithinThreshold: 4,
        serviceLevelOffered: 0.2857,
        answerRate: 0.4286,
        abandonRate: 0.2857,
        avgTalkSeconds: 210,
      }),
      expect.objectContaining({ start: '2026-03-03', offered: 1 }),
    ]);
    const month = (
      await w.gm.get(
        `/api/v1/call-stats/trend?from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}&bucket=month`,
      )
    ).json();
    expect(month.points).toEqual([expect.objectContaining({ start: '2026-03-01', offered: 14 })]);
  });

  it('shows the KPI settings and lets call managers change them, versioned and audited', async () => {
    const read = await w.gm.get('/api/v1/call-settings');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      serviceLevelSeconds: 20,
      serviceLevelTarget: 0.8,
      answerRateInboundTarget: 0.8,
      answerRateOutboundTarget: 0.6,
      ahtMinSeconds: 210,
      ahtMaxSeconds: 330,
      avgRingsMin: 2,
      avgRingsMax: 3,
      avgQueueSecondsTarget: 20,
      shortAbandonSeconds: 5,
      abandonCallbackSeconds: 30,
      version: 1,
    });
    expect((await w.gm.patch('/api/v1/call-settings', { version: 1, serviceLevelSeconds: 15 })).statusCode).toBe(403);
    const aboveOne = await w.sup.patch('/api/v1/call-settings', { version: 1, serviceLevelTarget: 1.2 });
    expect(aboveOne.statusCode).toBe(400);
    const inverted = await w.sup.patch('/api/v1/call-settings', { version: 1, ahtMinSeconds: 400 });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json()).toMatchObject({ code: 'calls.min_above_max' });
    expect(inverted.json().errors[0].path).toBe('ahtMinSeconds');

    const changed = await w.sup.patch('/api/v1/call-settings', {
      version: 1,
      serviceLevelSeconds: 30,
      shortAbandonSeconds: 3,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      serviceLevelSeconds: 30,
      shortAbandonSeconds: 3,
      version: 2,
      updatedBy: w.ids.sup,
    });
    const stale = await w.sup.patch('/api/v1/call-settings', { version: 1, serviceLevelSeconds: 25 });
    expect(stale.statusCode).toBe(409);
    const [entry] = await w.t.database.db.select().from(auditLog).where(eq(auditLog.action, 'call_settings.updated'));
    expect(entry?.before).toMatchObject({ serviceLevelSeconds: 20 });
    expect(entry?.after).toMatchObject({ serviceLevelSeconds: 30 });

    // The figures follow: the default threshold is now 30 s, short abandons ≤ 3 s.
    const stats = (await w.gm.get(url())).json();
    expect(stats).toMatchObject({ threshold: 30, shortAbandonSeconds: 3 });
    expect(stats.total).toMatchObject({ answeredWithinThreshold: 6, shortAbandoned: 1 });
    await w.sup.patch('/api/v1/call-settings', { version: 2, serviceLevelSeconds: 20, shortAbandonSeconds: 5 });
  });
});
