import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../../test/helpers.js';
import { openEvaluationRound } from './grading.jobs.js';
import { evaluationRounds } from './grading.tables.js';
import { type GradingFixture, SCORES_60, SCORES_86, setupGrading } from './grading.test-setup.js';

describe('customers: evaluation rounds and the quarterly round job', () => {
  let t: TestApp;
  let sup: Session;
  let agentA: Session;
  let agentB: Session;
  let evaluatorA: Session;
  let ids: GradingFixture['ids'];
  let events: GradingFixture['events'];
  let count: GradingFixture['count'];
  beforeAll(async () => {
    ({ t, sup, agentA, agentB, evaluatorA, ids, events, count } = await setupGrading());
  });
  afterAll(async () => t?.close());

  it('opens rounds, counts progress within the scope, and closes them', async () => {
    const created = await sup.post('/api/v1/customer-grading/rounds', {
      name: '四季度评定（手工）',
      periodStart: '2026-10-01',
      periodEnd: '2026-12-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const round = created.json();
    expect(round).toMatchObject({ status: 'open', createdBy: sup.userId, progress: { evaluated: 0, total: 2 } });
    expect(
      (
        await sup.post('/api/v1/customer-grading/rounds', {
          name: round.name,
          periodStart: '2026-10-01',
          periodEnd: '2026-12-31',
        })
      ).json().code,
    ).toBe('customers.round_exists');
    expect(
      (
        await sup.post('/api/v1/customer-grading/rounds', {
          name: 'x',
          periodStart: '2026-10-01',
          periodEnd: '2026-09-30',
        })
      ).statusCode,
    ).toBe(400);
    const url = `/api/v1/customer-grading/rounds/${round.id}`;
    expect((await sup.post(`${url}/evaluations`, { customerId: ids.b, scores: SCORES_60 })).json()).toMatchObject({
      totalScore: 60,
      gradeAfter: 'C',
      roundName: round.name,
    });
    expect((await sup.post(`${url}/evaluations`, { customerId: ids.b, scores: SCORES_86 })).statusCode).toBe(201);
    expect((await sup.get(url)).json().progress).toEqual({ evaluated: 1, total: 2 });
    expect((await agentB.get(url)).json().progress).toEqual({ evaluated: 1, total: 1 });
    expect((await evaluatorA.get(url)).json().progress).toEqual({ evaluated: 0, total: 1 });
    expect((await evaluatorA.get(`${url}/evaluations`)).json().total).toBe(0);
    expect((await sup.get(`${url}/evaluations`)).json().total).toBe(2);
    expect((await sup.post(`${url}/evaluations`, { customerId: ids.a, scores: SCORES_60 })).statusCode).toBe(201);
    expect((await sup.get(url)).json().progress).toEqual({ evaluated: 2, total: 2 });
    const list = (await agentA.get('/api/v1/customer-grading/rounds?status=open')).json();
    expect(list.items.map((i: { name: string }) => i.name)).toContain(round.name);

    const closed = await sup.post(`${url}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect((await sup.post(`${url}/close`)).statusCode).toBe(409);
    const late = await sup.post(`${url}/evaluations`, { customerId: ids.b, scores: SCORES_60 });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('customers.round_closed');
    expect((await sup.get('/api/v1/customer-grading/rounds/3f6c1b4e-2a5d-4c8e-9f01-7b2d6e8a9c4d')).statusCode).toBe(
      404,
    );
  });

  it('the quarterly job opens the round of the quarter just ended, once', async () => {
    const run = async (at: string, jobId: string) => {
      await t.database.db.transaction((tx) =>
        openEvaluationRound.handler({ data: { at }, jobId, tx, deps: t.app.deps }),
      );
    };
    await events.reset();
    await run('2026-10-01T06:00:00+08:00', '00000000-0000-4000-8000-000000000001');
    await run('2026-10-01T06:00:00+08:00', '00000000-0000-4000-8000-000000000002');
    const rounds = await t.database.db
      .select()
      .from(evaluationRounds)
      .where(eq(evaluationRounds.name, '2026年第三季度客户等级评定'));
    expect(rounds).toEqual([
      expect.objectContaining({ periodStart: '2026-07-01', periodEnd: '2026-09-30', status: 'open', createdBy: null }),
    ]);
    expect(await events.list('customer.evaluation_round_opened')).toHaveLength(1);
    // A round opened by hand for the same period counts too: the job adds nothing.
    await run('2027-01-01T06:00:00+08:00', '00000000-0000-4000-8000-000000000003');
    await run('2026-12-31T23:30:00Z', '00000000-0000-4000-8000-000000000004'); // already 1 Jan in Shanghai
    expect(await count(sql`SELECT count(*)::int AS n FROM evaluation_rounds WHERE period_start = '2026-10-01'`)).toBe(
      1,
    );
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'evaluation_round.opened' AND actor_id IS NULL`,
      ),
    ).toBe(1);
  });
});
