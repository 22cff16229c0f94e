import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSurvey, invite, publicCall, type SurveyFixture, surveyFixture } from '../surveys.test-setup.js';

/** Issue 15 point 4 and its acceptance: the public answer API — once per token, all or nothing. */
describe('answering a survey link (public API)', () => {
  let f: SurveyFixture;
  let s: Awaited<ReturnType<typeof createSurvey>>;

  const count = async (table: 'survey_responses' | 'survey_answers') => {
    const r = await f.t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`,
    );
    return Number(r.rows[0]?.n);
  };
  const post = (token: string, answers: unknown[]) =>
    publicCall(f.t, 'POST', `/api/public/surveys/${token}`, { answers });

  beforeAll(async () => {
    f = await surveyFixture();
    s = await createSurvey(f.admin);
  });
  afterAll(async () => f.t.close());

  it('shows the questions without sign-in, in zh-CN by default and in English on request', async () => {
    const { token } = await invite(f.admin, s.id, { staff: { agent: { name: '李客服' } } });
    const zh = await publicCall(f.t, 'GET', `/api/public/surveys/${token}`);
    expect(zh.statusCode, zh.body).toBe(200);
    const body = zh.json();
    expect(body.locale).toBe('zh-CN');
    expect(body.questions.map((q: { kind: string }) => q.kind)).toEqual([
      'nps',
      'csat',
      'staff_rating',
      'multiple',
      'resolved',
      'text',
    ]);
    expect(body.questions[0]).toMatchObject({ min: 0, max: 10, required: true });
    expect(body.questions[2]).toMatchObject({ staffName: '李客服', min: 1, max: 5 });
    const en = await publicCall(f.t, 'GET', `/api/public/surveys/${token}`, undefined, {
      'accept-language': 'en-US,en;q=0.9',
    });
    expect(en.json().questions[0].title).toBe('How likely are you to recommend us?');
    // No staff named on the invitation: the staff rating is not asked.
    const plain = await invite(f.admin, s.id);
    const asked = (await publicCall(f.t, 'GET', `/api/public/surveys/${plain.token}`)).json();
    expect(asked.questions.map((q: { kind: string }) => q.kind)).not.toContain('staff_rating');
  });

  it('refuses out-of-range, wrong-kind, oversize and unknown answers with 422, stores nothing, keeps the token', async () => {
    const { token } = await invite(f.admin, s.id);
    const before = await count('survey_responses');
    const refused = [
      [
        { questionId: s.q('nps'), value: 11 },
        { questionId: s.q('csat'), value: 4 },
      ],
      [
        { questionId: s.q('nps'), value: -1 },
        { questionId: s.q('csat'), value: 4 },
      ],
      [
        { questionId: s.q('nps'), value: 7.5 },
        { questionId: s.q('csat'), value: 4 },
      ],
      [
        { questionId: s.q('nps'), value: 8 },
        { questionId: s.q('csat'), value: 0 },
      ],
      [
        { questionId: s.q('nps'), value: 8 },
        { questionId: s.q('csat'), value: 'very' },
      ],
      [
        { questionId: s.q('nps'), value: 8 },
        { questionId: s.q('csat'), value: 4 },
        { questionId: s.q('multiple'), value: ['nope'] },
      ],
      [
        { questionId: s.q('nps'), value: 8 },
        { questionId: s.q('csat'), value: 4 },
        { questionId: s.q('text'), value: '长'.repeat(1001) },
      ],
      [
        { questionId: s.q('nps'), value: 8 },
        { questionId: s.q('csat'), value: 4 },
        { questionId: crypto.randomUUID(), value: 1 },
      ],
      [{ questionId: s.q('nps'), value: 8 }], // a required question left out
    ];
    for (const answers of refused) {
      const r = await post(token, answers);
      expect(r.statusCode, r.body).toBe(422);
      expect(r.json().code).toBe('surveys.invalid_answers');
      expect(r.json().errors.length).toBeGreaterThan(0);
    }
    const tooLong = await post(token, [
      { questionId: s.q('nps'), value: 8 },
      { questionId: s.q('csat'), value: 4 },
      { questionId: s.q('text'), value: '长'.repeat(1001) },
    ]);
    expect(tooLong.json().errors).toEqual([{ path: `answers.${s.q('text')}`, message: 'too_long' }]);
    expect(await count('survey_responses')).toBe(before);
    // The token is still usable.
    expect((await publicCall(f.t, 'GET', `/api/public/surveys/${token}`)).statusCode).toBe(200);
    const ok = await post(token, [
      { questionId: s.q('nps'), value: 9 },
      { questionId: s.q('csat'), value: '5' },
      { questionId: s.q('multiple'), value: [] },
      { questionId: s.q('resolved'), value: true },
      { questionId: s.q('text'), value: '  很好  ' },
    ]);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await count('survey_responses')).toBe(before + 1);
    const stored = await f.t.database.db.execute<{ text: string }>(
      sql`SELECT text FROM survey_answers WHERE question_id = ${s.q('text')}`,
    );
    expect(stored.rows.map((r) => r.text)).toEqual(['很好']);
  });

  it('answers once: a reuse is 410, an expired link 410, an unknown one 404', async () => {
    const { token } = await invite(f.admin, s.id);
    const answers = [
      { questionId: s.q('nps'), value: 10 },
      { questionId: s.q('csat'), value: 5 },
    ];
    expect((await post(token, answers)).statusCode).toBe(201);
    const again = await post(token, answers);
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('surveys.token_used');
    expect((await publicCall(f.t, 'GET', `/api/public/surveys/${token}`)).statusCode).toBe(410);

    const old = await invite(f.admin, s.id);
    await f.t.database.db.execute(
      sql`UPDATE survey_invitations SET expires_at = now() - interval '1 minute' WHERE id = ${old.id}`,
    );
    const expired = await post(old.token, answers);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('surveys.token_expired');

    const unknown = await post('x'.repeat(32), answers);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('surveys.token_not_found');
  });

  it('shows an edited question on the next view (the question cache follows every edit), also twice in a row', async () => {
    const draft = await createSurvey(f.admin, { name: '改题测试' });
    const { token } = await invite(f.admin, draft.id);
    const titles = async () =>
      (await publicCall(f.t, 'GET', `/api/public/surveys/${token}`))
        .json()
        .questions.map((q: { title: string }) => q.title);
    expect((await titles())[0]).toBe('您向亲友推荐我们的可能性有多大？');
    for (const title of ['第一次修改', '第二次修改']) {
      const edit = await f.admin.patch(`/api/v1/surveys/${draft.id}`, {
        questions: [{ id: draft.q('nps'), kind: 'nps', title, required: true }],
      });
      expect(edit.statusCode, edit.body).toBe(200);
      expect(await titles()).toEqual([title]);
    }
    // Switched off: the link is refused at once.
    expect((await f.admin.patch(`/api/v1/surveys/${draft.id}`, { active: false })).statusCode).toBe(200);
    expect((await publicCall(f.t, 'GET', `/api/public/surveys/${token}`)).statusCode).toBe(410);
  });

  it('takes one answer per token under two simultaneous posts: one 201, one 410', async () => {
    const { token } = await invite(f.admin, s.id);
    const answers = [
      { questionId: s.q('nps'), value: 6 },
      { questionId: s.q('csat'), value: 2 },
    ];
    const before = await count('survey_responses');
    const results = await Promise.all([post(token, answers), post(token, answers)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 410]);
    expect(await count('survey_responses')).toBe(before + 1);
  });

  it('refuses an oversize body (413) and stores nothing', async () => {
    const { token } = await invite(f.admin, s.id);
    const before = await count('survey_responses');
    const r = await post(token, [{ questionId: s.q('text'), value: 'x'.repeat(40_000) }]);
    expect(r.statusCode).toBe(413);
    expect(await count('survey_responses')).toBe(before);
  });

  it('keeps an anonymous survey’s answers unlinked from customer, ticket and invitation', async () => {
    const anon = await createSurvey(f.admin, { name: '匿名调查', anonymous: true });
    const { token, id } = await invite(f.managerA, anon.id, { customerId: f.customerA });
    const r = await post(token, [
      { questionId: anon.q('nps'), value: 3 },
      { questionId: anon.q('csat'), value: 1 },
    ]);
    expect(r.statusCode, r.body).toBe(201);
    const rows = await f.t.database.db.execute<Record<string, unknown>>(
      sql`SELECT invitation_id, customer_id, ticket_id, filled_by FROM survey_responses WHERE survey_id = ${anon.id}`,
    );
    expect(rows.rows).toEqual([{ invitation_id: null, customer_id: null, ticket_id: null, filled_by: null }]);
    const inv = await f.t.database.db.execute<{ status: string }>(
      sql`SELECT status FROM survey_invitations WHERE id = ${id}`,
    );
    expect(inv.rows[0]?.status).toBe('answered');
    const event = await f.t.database.db.execute<{ payload: Record<string, unknown> }>(
      sql`SELECT payload FROM outbox_events WHERE name = 'survey.answered' AND payload->>'surveyId' = ${anon.id}`,
    );
    expect(event.rows[0]?.payload).toMatchObject({ customerId: null, ticketId: null, lowScore: true, npsScore: 3 });
  });
});
