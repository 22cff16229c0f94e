import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSurvey, invite, publicCall, type SurveyFixture, surveyFixture } from '../surveys.test-setup.js';

const NPS = [10, 9, 8, 7, 6, 0, 9, 7, 6, 10]; // promoters 4, passives 3, detractors 3 → NPS 10
const CSAT = [5, 4, 3, 3, 4, 2, 1, 5, 4, 4]; // 4–5: 6 of 10 → 0.6
const STAFF = [5, 4, 3, 4, 5, 4, 2, 5, 4, 4]; // 4–5: 8 of 10 → 0.8, mean 4

/** Issue 15 point 6: results equal the hand-computed fixture, hidden below the sample, scoped. */
describe('survey results', () => {
  let f: SurveyFixture;
  let s: Awaited<ReturnType<typeof createSurvey>>;
  let agentId: string;

  beforeAll(async () => {
    f = await surveyFixture();
    agentId = f.agentA.userId;
    s = await createSurvey(f.admin);
    for (let i = 0; i < NPS.length; i += 1) {
      const { token } = await invite(f.managerA, s.id, {
        customerId: f.customerA,
        staff: { agent: { userId: agentId, name: '李客服' } },
      });
      const r = await publicCall(f.t, 'POST', `/api/public/surveys/${token}`, {
        answers: [
          { questionId: s.q('nps'), value: NPS[i] },
          { questionId: s.q('csat'), value: CSAT[i] },
          { questionId: s.q('staff_rating'), value: STAFF[i] },
        ],
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    // Two invitations left unanswered: 10 responses of 12 sent.
    await invite(f.managerA, s.id, { customerId: f.customerA });
    await invite(f.managerA, s.id, { customerId: f.customerA });
  });
  afterAll(async () => f.t.close());

  it('equals the hand-computed fixture: NPS 10, CSAT 0.6, response rate 10/12, staff 0.8', async () => {
    const r = await f.managerA.get(`/api/v1/surveys/${s.id}/results`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({
      responses: 10,
      invitations: 12,
      nps: 10,
      npsBreakdown: { promoters: 4, passives: 3, detractors: 3, answers: 10 },
      csat: 0.6,
      responseRate: 0.8333,
      suppressed: false,
      minSample: 5,
    });
    expect(body.byStaff).toEqual([
      { userId: agentId, name: '李客服', role: 'agent', ratings: 10, satisfied: 0.8, mean: 4, suppressed: false },
    ]);
    expect(body.byDepartment).toEqual([
      { departmentId: f.departmentA, departmentName: '客服中心', responses: 10, nps: 10, csat: 0.6, suppressed: false },
    ]);
    expect(body.trend).toHaveLength(1);
    expect(body.trend[0]).toMatchObject({ responses: 10, nps: 10, csat: 0.6 });
  });

  it('suppresses figures below the minimum sample size (null + suppressed)', async () => {
    await f.admin.patch(`/api/v1/surveys/${s.id}`, { minSample: 11 });
    const r = (await f.admin.get(`/api/v1/surveys/${s.id}/results`)).json();
    expect(r).toMatchObject({ responses: 10, nps: null, csat: null, responseRate: 0.8333, suppressed: true });
    expect(r.byStaff[0]).toMatchObject({ satisfied: null, mean: null, suppressed: true });
    await f.admin.patch(`/api/v1/surveys/${s.id}`, { minSample: 5 });
  });

  it('counts only what the reader may see: another department sees nothing of this customer', async () => {
    const r = (await f.managerB.get(`/api/v1/surveys/${s.id}/results`)).json();
    expect(r).toMatchObject({
      responses: 0,
      invitations: 0,
      nps: null,
      csat: null,
      responseRate: null,
      suppressed: true,
    });
    const page = (await f.managerB.get(`/api/v1/surveys/${s.id}/responses`)).json();
    expect(page.total).toBe(0);
    expect(page.items).toEqual([]);
  });

  it('drills down to the answers, puts the customers shown on record, filters low scores', async () => {
    const r = await f.managerA.get(`/api/v1/surveys/${s.id}/responses?pageSize=5`);
    expect(r.statusCode, r.body).toBe(200);
    const page = r.json();
    expect(page.total).toBe(10);
    expect(page.items).toHaveLength(5);
    expect(page.items[0]).toMatchObject({ customerId: f.customerA, customerName: '陈女士', source: 'public' });
    expect(page.items[0].answers).toHaveLength(3);
    const audit = await f.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'customer.listed' AND actor_id = ${f.managerA.userId}`,
    );
    expect(Number(audit.rows[0]?.n)).toBeGreaterThan(0);
    // Low scores, NPS 0–6 or CSAT 1–2: the 5th, 6th, 7th and 9th answers (NPS 6, NPS 0, CSAT 1, NPS 6).
    const low = (await f.managerA.get(`/api/v1/surveys/${s.id}/responses?lowScore=true`)).json();
    expect(low.total).toBe(4);
    // Drill-down by the member of staff rated and by department: all ten rate 李客服 in 客服中心.
    const base = `/api/v1/surveys/${s.id}/responses`;
    expect((await f.managerA.get(`${base}?staffUserId=${agentId}`)).json().total).toBe(10);
    expect((await f.managerA.get(`${base}?staffUserId=${f.managerA.userId}`)).json().total).toBe(0);
    expect((await f.managerA.get(`${base}?departmentId=${f.departmentA}&lowScore=true`)).json().total).toBe(4);
    expect((await f.managerA.get(`${base}?departmentId=${crypto.randomUUID()}`)).json().total).toBe(0);
  });
});
