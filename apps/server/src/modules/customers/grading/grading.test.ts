import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../../test/helpers.js';
import { users } from '../../users/users.tables.js';
import { type GradingFixture, SCORES_86, setupGrading } from './grading.test-setup.js';

describe('customers: grading criteria, bands, evaluations, grade history', () => {
  let t: TestApp;
  let admin: Session;
  let sup: Session;
  let agentA: Session;
  let agentB: Session;
  let evaluatorA: Session;
  let ids: GradingFixture['ids'];
  let events: GradingFixture['events'];
  let count: GradingFixture['count'];
  beforeAll(async () => {
    ({ t, admin, sup, agentA, agentB, evaluatorA, ids, events, count } = await setupGrading());
  });
  afterAll(async () => t?.close());

  it('refuses weights that do not sum to exactly 100, in the caller’s language', async () => {
    const criteria = (await agentA.get('/api/v1/customer-grading/criteria')).json().items;
    expect(criteria.map((c: { key: string; weight: number }) => [c.key, c.weight])).toEqual([
      ['business_importance', 40],
      ['market_influence', 20],
      ['payment_timeliness', 20],
      ['satisfaction', 20],
    ]);
    const items = (w: number[]) => criteria.map((c: { key: string }, i: number) => ({ key: c.key, weight: w[i] }));
    const zh = await admin.inject('PUT', '/api/v1/customer-grading/criteria', { items: items([40, 20, 20, 30]) });
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({
      code: 'customers.criteria_weights_sum',
      detail: '启用的评定指标权重之和必须正好为 100（当前为 110）。',
    });
    const en = await admin.inject(
      'PUT',
      '/api/v1/customer-grading/criteria',
      { items: items([40, 20, 20, 10]) },
      { 'accept-language': 'en' },
    );
    expect(en.json().detail).toBe('The weights of the active criteria must add up to exactly 100 (now 90).');
    expect(
      (await sup.inject('PUT', '/api/v1/customer-grading/criteria', { items: items([40, 20, 20, 20]) })).statusCode,
    ).toBe(403);
    const ok = await admin.inject('PUT', '/api/v1/customer-grading/criteria', { items: items([30, 30, 20, 20]) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items[0]).toMatchObject({ key: 'business_importance', name: '业务重要性', weight: 30 });
    expect(
      (await admin.inject('PUT', '/api/v1/customer-grading/criteria', { items: items([40, 20, 20, 20]) })).statusCode,
    ).toBe(200);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'evaluation_criteria.replaced'`),
    ).toBe(2);
  });

  it('keeps grade bands strictly descending A > B > C > D ≥ 0', async () => {
    const put = (items: { grade: string; minScore: number }[]) =>
      admin.inject('PUT', '/api/v1/customer-grading/bands', { items });
    const bad = await put([
      { grade: 'A', minScore: 85 },
      { grade: 'B', minScore: 85 },
      { grade: 'C', minScore: 55 },
      { grade: 'D', minScore: 0 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('customers.grade_bands_order');
    expect(
      (
        await put([
          { grade: 'A', minScore: 85 },
          { grade: 'B', minScore: 70 },
          { grade: 'C', minScore: 55 },
        ])
      ).json().code,
    ).toBe('customers.grade_bands_order');
    const ok = await put([
      { grade: 'D', minScore: 0 },
      { grade: 'C', minScore: 50 },
      { grade: 'B', minScore: 70 },
      { grade: 'A', minScore: 85 },
    ]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(
      (
        await put([
          { grade: 'A', minScore: 85 },
          { grade: 'B', minScore: 70 },
          { grade: 'C', minScore: 55 },
          { grade: 'D', minScore: 0 },
        ])
      ).statusCode,
    ).toBe(200);
    expect((await agentA.get('/api/v1/customer-grading/bands')).json().items).toEqual([
      { grade: 'A', minScore: 85 },
      { grade: 'B', minScore: 70 },
      { grade: 'C', minScore: 55 },
      { grade: 'D', minScore: 0 },
    ]);
  });

  it('scores with the seeded weights (90/80/70/100 → 86 → A) and records the grade change everywhere', async () => {
    const before = (await evaluatorA.get(`/api/v1/customers/${ids.a}`)).json();
    await events.reset();
    const r = await evaluatorA.post(`/api/v1/customers/${ids.a}/evaluations`, {
      scores: SCORES_86,
      comment: '季度复评',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      totalScore: 86,
      gradeBefore: 'B',
      gradeAfter: 'A',
      gradeChanged: true,
      roundId: null,
      evaluatedBy: evaluatorA.userId,
    });
    // Key-customer rule: recorded, but flagged while the customer has a single staff contact.
    expect(r.json().warnings).toEqual(['customers.key_needs_two_staff']);
    const after = (await evaluatorA.get(`/api/v1/customers/${ids.a}`)).json();
    expect(after).toMatchObject({ grade: 'A', version: before.version + 1 });
    const history = (await evaluatorA.get(`/api/v1/customers/${ids.a}/grade-history`)).json().items;
    expect(
      history.map((h: { gradeBefore: string; gradeAfter: string; reason: string }) => [
        h.gradeBefore,
        h.gradeAfter,
        h.reason,
      ]),
    ).toEqual([
      [null, 'B', 'initial'],
      ['B', 'A', 'evaluation'],
    ]);
    expect(history[1]).toMatchObject({ evaluationId: r.json().id, totalScore: 86 });
    const timeline = (await evaluatorA.get(`/api/v1/customers/${ids.a}/timeline?kind=evaluation`)).json().items;
    expect(timeline).toEqual([
      expect.objectContaining({
        kind: 'evaluation',
        titleKey: 'customer.grade_changed',
        title: '等级评定：等级变更',
        refId: r.json().id,
        before: { grade: 'B' },
      }),
    ]);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'customer.evaluated' AND entity_id = ${ids.a}`,
      ),
    ).toBe(1);
    expect((await events.list()).find((e) => e.name === 'customer.grade_changed')?.payload).toEqual({
      customerId: ids.a,
      gradeBefore: 'B',
      gradeAfter: 'A',
    });

    const report = async () =>
      (await sup.get('/api/v1/customer-reports/key-staff-shortfall')).json().items as { id: string }[];
    expect(await report()).toEqual([expect.objectContaining({ id: ids.a, ownerId: evaluatorA.userId, staffCount: 1 })]);
    expect(
      (
        await evaluatorA.inject('PUT', `/api/v1/customers/${ids.a}/staff`, {
          staff: [{ userId: agentA.userId, role: 'backup' }],
        })
      ).statusCode,
    ).toBe(200);
    expect(await report()).toEqual([]);
    // …until the second staff contact's account is deactivated.
    await t.database.db.update(users).set({ isActive: false }).where(eq(users.id, agentA.userId));
    expect(await report()).toEqual([expect.objectContaining({ id: ids.a, staffCount: 1 })]);
    await t.database.db.update(users).set({ isActive: true }).where(eq(users.id, agentA.userId));

    // The same grade again: recorded, no history row, no grade event, no warning now.
    await events.reset();
    const same = await evaluatorA.post(`/api/v1/customers/${ids.a}/evaluations`, {
      scores: { ...SCORES_86, satisfaction: 90 },
    });
    expect(same.json()).toMatchObject({ totalScore: 84, gradeAfter: 'B', gradeChanged: true });
    const again = await evaluatorA.post(`/api/v1/customers/${ids.a}/evaluations`, {
      scores: { ...SCORES_86, satisfaction: 90 },
    });
    expect(again.json()).toMatchObject({ gradeBefore: 'B', gradeAfter: 'B', gradeChanged: false, warnings: [] });
    expect((await evaluatorA.get(`/api/v1/customers/${ids.a}/grade-history`)).json().items).toHaveLength(3);
    expect((await evaluatorA.get(`/api/v1/customers/${ids.a}/evaluations`)).json().total).toBe(3);
  });

  it('refuses scores that miss a criterion or name an unknown one', async () => {
    const { satisfaction: _s, ...missing } = SCORES_86;
    const r = await evaluatorA.post(`/api/v1/customers/${ids.a}/evaluations`, { scores: { ...missing, charm: 50 } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({
      code: 'customers.evaluation_scores_invalid',
      params: { missing: 'satisfaction', unknown: 'charm' },
    });
    expect(
      (await evaluatorA.post(`/api/v1/customers/${ids.a}/evaluations`, { scores: { ...SCORES_86, satisfaction: 101 } }))
        .statusCode,
    ).toBe(400);
  });

  it('answers the grade at time T from the history: null before the first entry', async () => {
    const history = (await evaluatorA.get(`/api/v1/customers/${ids.a}/grade-history`)).json().items as {
      changedAt: string;
      gradeAfter: string;
    }[];
    const at = async (iso: string) =>
      (await evaluatorA.get(`/api/v1/customers/${ids.a}/grade-at?at=${encodeURIComponent(iso)}`)).json();
    const ms = (i: number) => new Date(history[i]?.changedAt as string).getTime();
    expect((await at('2020-01-01T00:00:00+08:00')).grade).toBeNull();
    // Stored timestamps have microseconds; the JSON has milliseconds.
    expect(await at(new Date(ms(0) + 1).toISOString())).toMatchObject({ grade: 'B', since: history[0]?.changedAt });
    expect((await at(new Date(ms(1)).toISOString())).grade).toBe('A');
    expect((await at(new Date(ms(1) - 1).toISOString())).grade).toBe('B');
    expect((await at(new Date(Date.now() + 60_000).toISOString())).grade).toBe('B');
    expect((await evaluatorA.get(`/api/v1/customers/${ids.a}/grade-at?at=yesterday`)).statusCode).toBe(400);
  });

  it('keeps evaluations inside the data scope: another agent’s customer is 404', async () => {
    expect((await evaluatorA.post(`/api/v1/customers/${ids.b}/evaluations`, { scores: SCORES_86 })).statusCode).toBe(
      404,
    );
    expect((await evaluatorA.get(`/api/v1/customers/${ids.b}/grade-history`)).statusCode).toBe(404);
    expect((await evaluatorA.get(`/api/v1/customers/${ids.b}/grade-at?at=2026-01-01T00:00:00Z`)).statusCode).toBe(404);
    expect((await evaluatorA.get(`/api/v1/customers/${ids.b}/evaluations`)).statusCode).toBe(404);
    expect((await agentA.get(`/api/v1/customers/${ids.b}/grade-history`)).statusCode).toBe(404);
    expect((await agentB.post(`/api/v1/customers/${ids.b}/evaluations`, { scores: SCORES_86 })).statusCode).toBe(403);
    const round = (
      await sup.post('/api/v1/customer-grading/rounds', {
        name: '范围测试',
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
      })
    ).json();
    const r = await evaluatorA.post(`/api/v1/customer-grading/rounds/${round.id}/evaluations`, {
      customerId: ids.b,
      scores: SCORES_86,
    });
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe('customers.not_found');
  });
});
