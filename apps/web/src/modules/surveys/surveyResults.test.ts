import { describe, expect, it } from 'vitest';
import { summaryFixture, surveyFixture } from './surveyFixtures';
import {
  answerText,
  bucketRange,
  defaultSurveyId,
  formatFraction,
  formatNps,
  npsOf,
  npsShares,
  npsSplitOption,
  staffBarOption,
  trendOption,
} from './surveyResults';

// Hand-computed: 5 promoters, 3 passives, 2 detractors → (5 − 2) ÷ 10 × 100 = 30.
const split = { promoters: 5, passives: 3, detractors: 2, answers: 10 };
const labels = { promoters: '推荐者', passives: '中立者', detractors: '贬损者' };

describe('survey results', () => {
  it('computes and formats NPS as the server does', () => {
    expect(npsOf(split)).toBe(30);
    expect(npsOf({ promoters: 1, passives: 0, detractors: 2 })).toBe(-33);
    expect(npsOf({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
    expect(formatNps(30)).toBe('+30');
    expect(formatNps(-33)).toBe('-33');
    expect(formatNps(0)).toBe('0');
    expect(formatNps(null)).toBe('—');
    expect(formatFraction(0.8333)).toBe('83.3%');
    expect(formatFraction(null)).toBe('—');
  });

  it('draws the NPS split as one stacked bar: detractors, passives, promoters', () => {
    expect(npsShares(split)).toEqual({ detractors: 20, passives: 30, promoters: 50 });
    const option = npsSplitOption(split, labels);
    expect(option.series.map((s) => s.name)).toEqual(['贬损者', '中立者', '推荐者']);
    expect(option.series.every((s) => s.stack === 'nps')).toBe(true);
    expect(option.series.map((s) => s.data[0])).toEqual([
      { value: 20, count: 2 },
      { value: 30, count: 3 },
      { value: 50, count: 5 },
    ]);
    expect(npsShares({ promoters: 0, passives: 0, detractors: 0, answers: 0 }).promoters).toBe(0);
  });

  it('trends responses (bars) and NPS / CSAT % (lines) per period, gaps kept as null', () => {
    const option = trendOption(
      {
        period: 'week',
        trend: [
          { period: '2026-11-02', responses: 6, nps: 33, csat: 0.8333, suppressed: false },
          { period: '2026-11-09', responses: 2, nps: null, csat: null, suppressed: true },
        ],
      },
      { responses: '回答数', nps: 'NPS', csat: 'CSAT' },
    );
    expect(option.xAxis.data).toEqual(['11-02', '11-09']);
    expect(option.series[0]?.data).toEqual([6, 2]);
    expect(option.series[1]?.data).toEqual([33, null]);
    expect(option.series[2]?.data).toEqual([83.3, null]);
  });

  it('lists staff by share satisfied, leaving out the suppressed', () => {
    const option = staffBarOption(
      [
        { userId: 'a', name: '王芳', role: 'agent', ratings: 10, satisfied: 0.9, mean: 4.5, suppressed: false },
        { userId: 'b', name: null, role: 'agent', ratings: 6, satisfied: 0.5, mean: 3.2, suppressed: false },
        { userId: 'c', name: '陈晨', role: 'agent', ratings: 2, satisfied: null, mean: null, suppressed: true },
      ],
      '（未命名）',
      '满意率',
    );
    expect(option.yAxis.data).toEqual(['（未命名）', '王芳']);
    expect(option.series[0]?.data.map((d) => d.value)).toEqual([50, 90]);
  });

  it('drills a trend bucket down to its days within the period', () => {
    const outer = { from: '2026-11-04', to: '2026-11-20' };
    expect(bucketRange('2026-11-02', 'week', outer)).toEqual({ from: '2026-11-04', to: '2026-11-08' });
    expect(bucketRange('2026-11-16', 'week', outer)).toEqual({ from: '2026-11-16', to: '2026-11-20' });
    expect(bucketRange('2026-11-05', 'day', outer)).toEqual({ from: '2026-11-05', to: '2026-11-05' });
    expect(bucketRange('2026-11-01', 'month', outer)).toEqual({ from: '2026-11-04', to: '2026-11-20' });
  });

  it('reads answers: scores, yes / no, option labels, text', () => {
    const words = { yes: '是', no: '否' };
    const base = { questionId: 'q', score: null, choices: null, text: null, staffUserId: null };
    const single = surveyFixture.questions.find((q) => q.kind === 'single');
    expect(answerText({ ...base, kind: 'nps', score: 9 }, undefined, words)).toBe('9');
    expect(answerText({ ...base, kind: 'resolved', score: 0 }, undefined, words)).toBe('否');
    expect(answerText({ ...base, kind: 'single', choices: ['slow', 'gone'] }, single, words)).toBe('太慢、gone');
    expect(answerText({ ...base, kind: 'text', text: '很好' }, undefined, words)).toBe('很好');
  });

  it('opens on the first active survey', () => {
    const inactive = { ...summaryFixture, id: 'x', active: false };
    expect(defaultSurveyId([inactive, summaryFixture])).toBe(summaryFixture.id);
    expect(defaultSurveyId([inactive])).toBe('x');
    expect(defaultSurveyId([])).toBeUndefined();
  });
});

describe('remarksOf', () => {
  it('joins what the customer wrote, leaving scores and blank texts out', async () => {
    const { remarksOf } = await import('./ResponsesDrawer');
    const answer = (text: string | null, score: number | null = null) =>
      ({ questionId: 'q', kind: text === null ? 'nps' : 'text', score, choices: null, text }) as never;
    expect(remarksOf({ answers: [answer(null, 9), answer(' 师傅很准时 '), answer('  '), answer('谢谢')] })).toBe(
      '师傅很准时 / 谢谢',
    );
    expect(remarksOf({ answers: [answer(null, 3)] })).toBe('');
  });
});
