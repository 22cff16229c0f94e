import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../../../test/helpers.js';
import { type GradingFixture, setupGrading } from '../grading/grading.test-setup.js';

describe('customers: yearly business figures', () => {
  let t: TestApp;
  let evaluatorA: Session;
  let ids: GradingFixture['ids'];
  let count: GradingFixture['count'];
  beforeAll(async () => {
    ({ t, evaluatorA, ids, count } = await setupGrading());
  });
  afterAll(async () => t?.close());

  it('records yearly business figures, one entry per year, audited and on the timeline', async () => {
    const url = `/api/v1/customers/${ids.a}/figures`;
    const put = await evaluatorA.inject('PUT', url, {
      items: [
        { year: 2025, revenue: 1280000.5, orderCount: 14, paymentRecord: 'on_time' },
        { year: 2026, revenue: 640000, orderCount: 6 },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items.map((i: { year: number }) => i.year)).toEqual([2026, 2025]);
    await evaluatorA.inject('PUT', url, {
      items: [{ year: 2026, revenue: 700000, orderCount: 7, paymentRecord: 'late', notes: '两笔逾期' }],
    });
    expect((await evaluatorA.get(url)).json().items).toEqual([
      { year: 2026, revenue: 700000, orderCount: 7, paymentRecord: 'late', notes: '两笔逾期' },
      { year: 2025, revenue: 1280000.5, orderCount: 14, paymentRecord: 'on_time', notes: null },
    ]);
    expect((await evaluatorA.inject('PUT', url, { items: [{ year: 2026 }, { year: 2026 }] })).statusCode).toBe(400);
    expect((await evaluatorA.get(`/api/v1/customers/${ids.b}/figures`)).statusCode).toBe(404);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'customer.figures_updated' AND entity_id = ${ids.a}`,
      ),
    ).toBe(2);
    const timeline = (await evaluatorA.get(`/api/v1/customers/${ids.a}/timeline?kind=change`)).json().items;
    expect(timeline.filter((e: { titleKey: string }) => e.titleKey === 'customer.figures_updated')).toHaveLength(2);
  });
});
