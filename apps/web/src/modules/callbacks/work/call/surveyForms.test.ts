import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../api/ApiError';
import { type SurveyForm, type SurveyFormQuestion, scaleOf, surveyFieldErrors, toSurveyAnswers } from './surveyForms';

/** A question as the server sends it (the blanks filled). */
const question = (q: Pick<SurveyFormQuestion, 'id' | 'kind' | 'title'> & Partial<SurveyFormQuestion>) => ({
  required: false,
  min: null,
  max: null,
  options: [],
  staffName: null,
  ...q,
});

const form: SurveyForm = {
  id: 's1',
  name: '满意度回访',
  anonymous: false,
  questions: [
    question({ id: 'q-nps', kind: 'nps', title: '推荐意愿', required: true, min: 0, max: 10 }),
    question({ id: 'q-csat', kind: 'csat', title: '总体满意度' }),
    question({ id: 'q-why', kind: 'multiple', title: '原因', options: [{ key: 'price', label: '价格' }] }),
    question({ id: 'q-ok', kind: 'resolved', title: '解决了吗' }),
    question({ id: 'q-text', kind: 'text', title: '其他意见' }),
  ],
};

describe('survey filled in for the customer', () => {
  it('sends the answered questions in order, text trimmed, blanks left out (a "no" kept)', () => {
    expect(
      toSurveyAnswers(form, { 'q-text': '  挺好 ', 'q-nps': 0, 'q-why': [], 'q-ok': false, 'q-csat': undefined }),
    ).toEqual({
      surveyId: 's1',
      answers: [
        { questionId: 'q-nps', value: 0 },
        { questionId: 'q-ok', value: false },
        { questionId: 'q-text', value: '挺好' },
      ],
    });
  });

  it('knows the scales', () => {
    expect(form.questions.map(scaleOf)).toEqual([[0, 10], [1, 5], null, null, null]);
  });

  it('puts the refused answers of a 422 on their questions, each reason worded', () => {
    const error = new ApiError({
      status: 422,
      code: 'surveys.invalid_answers',
      message: '有答案无效',
      errors: [
        { path: 'answers.q-nps', message: 'required' },
        { path: 'answers.q-text', message: 'something new' },
        { path: 'other', message: 'invalid' },
      ],
    });
    expect(surveyFieldErrors(error, (p) => p ?? 'fallback')).toEqual([
      { name: 'q-nps', errors: ['required'] },
      { name: 'q-text', errors: ['fallback'] },
    ]);
    expect(surveyFieldErrors(new Error('x'), () => '')).toEqual([]);
  });
});
