import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../lib/tokens.js';
import { createSurvey, invite, publicCall, type SurveyFixture, surveyFixture } from './surveys.test-setup.js';

/** Issue 15 point 4: building surveys and inviting customers (API shape, bounds, scope). */
describe('surveys API', () => {
  let f: SurveyFixture;

  beforeAll(async () => {
    f = await surveyFixture();
  });
  afterAll(async () => f.t.close());

  it('creates a survey: its id and questions[].id, in order, with localized kind labels', async () => {
    const r = await f.admin.post('/api/v1/surveys', {
      name: '满意度回访',
      questions: [
        { kind: 'nps', title: '推荐意愿' },
        { kind: 'csat', title: '满意度' },
      ],
    });
    expect(r.statusCode, r.body).toBe(201);
    const survey = r.json();
    expect(survey).toMatchObject({ name: '满意度回访', active: true, anonymous: false, minSample: 5, responses: 0 });
    expect(survey.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(survey.questions).toEqual([
      expect.objectContaining({ id: expect.any(String), position: 1, kind: 'nps', kindLabel: '推荐意愿（0–10）' }),
      expect.objectContaining({ id: expect.any(String), position: 2, kind: 'csat', title: '满意度' }),
    ]);
    const list = await f.managerA.get('/api/v1/surveys');
    expect(list.json().items.map((s: { id: string }) => s.id)).toContain(survey.id);
  });

  it('bounds what a survey may hold', async () => {
    const bad = [
      { name: 'x', questions: [] },
      { name: 'x', questions: [{ kind: 'single', title: 'q', options: [{ key: 'a', label: 'A' }] }] },
      { name: 'x', questions: [{ kind: 'staff_rating', title: 'q' }] },
      { name: 'x', questions: [{ kind: 'nps', title: 'q'.repeat(201) }] },
      { name: 'x', questions: Array.from({ length: 31 }, () => ({ kind: 'text', title: 'q' })) },
      { name: 'x', questions: [{ kind: 'nps', title: 'q' }], expiryDays: 181 },
      { name: 'x', questions: [{ kind: 'nps', title: 'q' }], expiryDays: 7, reminderAfterDays: 7 },
      { name: 'x', questions: [{ kind: 'nps', title: 'q' }], samplingRate: 1.5 },
    ];
    for (const body of bad) expect((await f.admin.post('/api/v1/surveys', body)).statusCode).toBe(400);
    expect(
      (await f.agentA.post('/api/v1/surveys', { name: 'x', questions: [{ kind: 'nps', title: 'q' }] })).statusCode,
    ).toBe(403);
    expect((await f.agentA.get('/api/v1/surveys')).statusCode).toBe(403);
  });

  it('invites: a token shown once (only its SHA-256 stored), the URL on the base URL, expiry ≤ 180 days', async () => {
    const s = await createSurvey(f.admin);
    const inv = await invite(f.managerA, s.id, { customerId: f.customerA, expiresInDays: 180 });
    expect(inv.url).toBe(`${f.t.config.baseUrl}/s/${inv.token}`);
    expect(inv.token.length).toBeGreaterThanOrEqual(32);
    const db = f.t.database.db;
    const plain = await db.execute(sql`SELECT 1 FROM survey_invitations WHERE token_hash = ${inv.token}`);
    expect(plain.rows).toHaveLength(0);
    const hashed = await db.execute<{ customer_id: string }>(
      sql`SELECT customer_id FROM survey_invitations WHERE token_hash = ${sha256(inv.token)}`,
    );
    expect(hashed.rows[0]?.customer_id).toBe(f.customerA);
    expect(Date.parse(inv.expiresAt) - Date.now()).toBeLessThanOrEqual(180 * 86_400_000);
    const tooLong = await f.admin.post(`/api/v1/surveys/${s.id}/invitations`, { channel: 'link', expiresInDays: 181 });
    expect(tooLong.statusCode).toBe(400);
    const sms = await f.admin.post(`/api/v1/surveys/${s.id}/invitations`, { channel: 'sms' });
    expect(sms.statusCode).toBe(400);
  });

  it('sends an SMS invitation through the notification layer (topic survey.invitation)', async () => {
    const s = await createSurvey(f.admin, { name: '服务回访' });
    const r = await f.managerA.post(`/api/v1/surveys/${s.id}/invitations`, { customerId: f.customerA, channel: 'sms' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().status).toBe('sent');
    const queued = await f.t.database.db.execute<{ channel: string; recipient: string; body: string }>(
      sql`SELECT channel, recipient, body FROM notifications WHERE topic = 'survey.invitation' AND customer_id = ${f.customerA}`,
    );
    expect(queued.rows).toHaveLength(1);
    expect(queued.rows[0]).toMatchObject({ channel: 'sms', recipient: '13812345678' });
    expect(queued.rows[0]?.body).toContain('陈女士您好');
    expect(queued.rows[0]?.body).toContain('/s/');
  });

  it('keeps another department’s customer out of reach: 404, nothing created', async () => {
    const s = await createSurvey(f.admin);
    const r = await f.managerB.post(`/api/v1/surveys/${s.id}/invitations`, {
      customerId: f.customerA,
      channel: 'link',
    });
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe('customers.not_found');
    const rows = await f.t.database.db.execute(sql`SELECT 1 FROM survey_invitations WHERE survey_id = ${s.id}`);
    expect(rows.rows).toHaveLength(0);
  });

  it('changes settings any time, questions only while unanswered; a deactivated survey takes nothing', async () => {
    const s = await createSurvey(f.admin);
    const renamed = await f.admin.patch(`/api/v1/surveys/${s.id}`, {
      name: '新名称',
      questions: [
        { id: s.q('nps'), kind: 'nps', title: '推荐意愿？' },
        { kind: 'text', title: '建议' },
      ],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().questions.map((q: { id: string; kind: string }) => [q.kind, q.id === s.q('nps')])).toEqual([
      ['nps', true],
      ['text', false],
    ]);
    const { token } = await invite(f.admin, s.id);
    const answered = await publicCall(f.t, 'POST', `/api/public/surveys/${token}`, {
      answers: [{ questionId: s.q('nps'), value: 9 }],
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const locked = await f.admin.patch(`/api/v1/surveys/${s.id}`, { questions: [{ kind: 'csat', title: 'x' }] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('surveys.locked');
    const pending = await invite(f.admin, s.id);
    expect((await f.admin.patch(`/api/v1/surveys/${s.id}`, { active: false })).statusCode).toBe(200);
    const off = await f.admin.post(`/api/v1/surveys/${s.id}/invitations`, { channel: 'link' });
    expect(off.statusCode).toBe(409);
    expect((await publicCall(f.t, 'GET', `/api/public/surveys/${pending.token}`)).statusCode).toBe(410);
  });
});
