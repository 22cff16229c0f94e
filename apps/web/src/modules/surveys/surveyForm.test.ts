import { describe, expect, it } from 'vitest';
import { surveyFixture } from './surveyFixtures';
import {
  defaultValues,
  moveItem,
  newQuestion,
  nextOptionKey,
  questionsChanged,
  splitMinutes,
  toBody,
  toPatch,
  toValues,
} from './surveyForm';

describe('survey form ↔ body', () => {
  it('reads a survey in question order, the sampling rate in percent', () => {
    const values = toValues(surveyFixture);
    expect(values.questions.map((q) => q.kind)).toEqual(['nps', 'single', 'staff_rating']);
    expect(values.samplingPercent).toBe(25);
    expect(values.reminderAfterDays).toBe(3);
    expect(values.questions[1]?.options[0]).toEqual({ key: 'slow', label: '太慢', labelEn: 'Slow' });
  });

  it('builds the create body: fraction, trimmed texts, blanks as null, no question ids, options only on choices', () => {
    const values = toValues(surveyFixture);
    values.samplingPercent = 12.5;
    values.name = '  回访  ';
    values.description = '  ';
    values.questions = values.questions.map((q, i) =>
      i === 0 ? { ...q, titleEn: ' ', options: [{ key: 'x', label: 'x' }] } : q,
    );
    const body = toBody(values);
    expect(body.name).toBe('回访');
    expect(body.description).toBeNull();
    expect(body.samplingRate).toBe(0.125);
    expect(body.questions.every((q) => !('id' in q))).toBe(true);
    expect(body.questions[0]).toEqual({
      kind: 'nps',
      title: '推荐意愿',
      titleEn: null,
      required: true,
      staffRole: null,
      options: [],
    });
    expect(body.questions[2]?.staffRole).toBe('photographer');
    expect(body.questions[1]?.options).toEqual([
      { key: 'slow', label: '太慢', labelEn: 'Slow' },
      { key: 'rude', label: '态度差', labelEn: null },
    ]);
  });

  it('patches the settings only while the questions are unchanged (a survey with answers can be renamed)', () => {
    const values = toValues(surveyFixture);
    values.name = '新名字';
    expect(questionsChanged(values, surveyFixture)).toBe(false);
    const patch = toPatch(values, surveyFixture);
    expect(patch.name).toBe('新名字');
    expect(patch).not.toHaveProperty('questions');

    values.questions = moveItem(values.questions, 2, -1);
    const reordered = toPatch(values, surveyFixture);
    expect(reordered.questions?.map((q) => q.kind)).toEqual(['nps', 'staff_rating', 'single']);
    expect(reordered.questions?.[0]?.id).toBe('00000000-0000-4000-8000-0000000000a1');
  });

  it('creates new questions with defaults and unique option keys', () => {
    const q = newQuestion('multiple', '原因', ['慢', '没解决']);
    expect(q.options.map((o) => o.key)).toEqual(['o1', 'o2']);
    expect(newQuestion('staff_rating', '打分', ['a', 'b'])).toMatchObject({ staffRole: 'agent', options: [] });
    expect(newQuestion('nps', 'x', ['a', 'b']).required).toBe(true);
    expect(
      nextOptionKey([
        { key: 'o1', label: '' },
        { key: 'o3', label: '' },
      ]),
    ).toBe('o2');
    expect(
      nextOptionKey([
        { key: 'o1', label: '' },
        { key: 'o2', label: '' },
      ]),
    ).toBe('o3');
    expect(defaultValues().samplingPercent).toBe(100);
  });

  it('moves a question one step and leaves the ends alone', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('splits a delay into days, hours or minutes', () => {
    expect(splitMinutes(30)).toEqual({ value: 30, unit: 'minutes' });
    expect(splitMinutes(90)).toEqual({ value: 1.5, unit: 'hours' });
    expect(splitMinutes(2880)).toEqual({ value: 2, unit: 'days' });
    expect(splitMinutes(0)).toEqual({ value: 0, unit: 'minutes' });
  });
});
