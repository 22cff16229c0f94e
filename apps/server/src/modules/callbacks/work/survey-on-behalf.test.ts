import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CallbackWorld, callbackWorld } from './work.test-setup.js';

type Form = { id: string; questions: { id: string; kind: string; min: number | null; max: number | null }[] };

describe('callbacks/work: a survey filled in for the customer during the callback', () => {
  let w: CallbackWorld;
  let customer: string;
  let cb: string;
  let surveyId: string;

  beforeAll(async () => {
    w = await callbackWorld();
    customer = await w.customer('孙丽');
    cb = await w.callback({ customerId: customer });
    const created = await w.admin.post('/api/v1/surveys', {
      name: '拍摄满意度',
      questions: [
        { kind: 'nps', title: '您向亲友推荐我们的可能性有多大？', required: true },
        { kind: 'staff_rating', title: '请为摄影师打分', staffRole: 'photographer' },
        { kind: 'text', title: '其他意见' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    surveyId = created.json().id;
  });
  afterAll(async () => {
    await w?.t.close();
  });

  const responses = async () =>
    (
      await w.t.database.db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM survey_responses WHERE survey_id = ${surveyId}`,
      )
    ).rows[0]?.n;

  it('offers the active surveys without the staff ratings (no one is named without an invitation)', async () => {
    const forms = await w.specA.get(`/api/v1/callbacks/${cb}/survey-forms`);
    expect(forms.statusCode, forms.body).toBe(200);
    const form = (forms.json().items as Form[]).find((f) => f.id === surveyId);
    expect(form?.questions.map((q) => q.kind)).toEqual(['nps', 'text']);
    expect(form?.questions[0]).toMatchObject({ min: 0, max: 10 });
    // Another specialist's callback is not theirs to see.
    expect((await w.specB.get(`/api/v1/callbacks/${cb}/survey-forms`)).statusCode).toBe(404);
  });

  it('refuses an out-of-range score and stores nothing; stores a valid answer as on behalf of the customer', async () => {
    const form = ((await w.specA.get(`/api/v1/callbacks/${cb}/survey-forms`)).json().items as Form[]).find(
      (f) => f.id === surveyId,
    ) as Form;
    const [nps, text] = form.questions.map((q) => q.id);
    const refused = await w.specA.post(`/api/v1/callbacks/${cb}/survey-answers`, {
      surveyId,
      answers: [{ questionId: nps, value: 11 }],
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(await responses()).toBe(0);
    const other = await w.specB.post(`/api/v1/callbacks/${cb}/survey-answers`, {
      surveyId,
      answers: [{ questionId: nps, value: 9 }],
    });
    expect(other.statusCode).toBe(404);
    expect(await responses()).toBe(0);

    const stored = await w.specA.post(`/api/v1/callbacks/${cb}/survey-answers`, {
      surveyId,
      answers: [
        { questionId: nps, value: 9 },
        { questionId: text, value: '摄影师很耐心' },
      ],
    });
    expect(stored.statusCode, stored.body).toBe(201);
    const { rows } = await w.t.database.db.execute<{ source: string; filled_by: string; customer_id: string }>(
      sql`SELECT source, filled_by, customer_id FROM survey_responses WHERE survey_id = ${surveyId}`,
    );
    expect(rows).toEqual([{ source: 'on_behalf', filled_by: w.ids.specA, customer_id: customer }]);
  });
});
