/**
 * The survey figures (docs/surveys.md), as pure functions over the scores:
 * - NPS (0–10 answers): promoters score 9–10, passives 7–8, detractors 0–6;
 *   NPS = (promoters − detractors) ÷ answers × 100, in points from −100 to 100, rounded to a whole point.
 * - CSAT (1–5 answers): the share of 4 and 5 among the answers, a fraction 0–1 (4 decimals).
 * - Staff rating (1–5): the same share of 4–5, plus the mean score (2 decimals).
 * - Response rate: responses ÷ invitations sent in the period, 0–1 (4 decimals), capped at 1.
 * Every figure is null — and `suppressed` true — when fewer than the minimum sample size of answers
 * (of invitations, for the response rate) stand behind it.
 */
export type NpsBand = 'promoter' | 'passive' | 'detractor';

export function npsBand(score: number): NpsBand {
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

/** CSAT and staff ratings: 4 and 5 are "satisfied". */
export const isSatisfied = (score: number) => score >= 4;

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

export type Figure = { value: number | null; sample: number; suppressed: boolean };

function figure(sample: number, minSample: number, compute: () => number): Figure {
  if (sample === 0 || sample < minSample) return { value: null, sample, suppressed: true };
  return { value: compute(), sample, suppressed: false };
}

export function npsOf(
  scores: readonly number[],
  minSample: number,
): Figure & { promoters: number; passives: number; detractors: number } {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const s of scores) {
    const band = npsBand(s);
    if (band === 'promoter') promoters += 1;
    else if (band === 'passive') passives += 1;
    else detractors += 1;
  }
  const f = figure(scores.length, minSample, () => Math.round(((promoters - detractors) / scores.length) * 100) + 0);
  return f.suppressed ? { ...f, promoters: 0, passives: 0, detractors: 0 } : { ...f, promoters, passives, detractors };
}

export function csatOf(scores: readonly number[], minSample: number): Figure {
  return figure(scores.length, minSample, () => round(scores.filter(isSatisfied).length / scores.length, 4));
}

export function meanOf(scores: readonly number[], minSample: number): Figure {
  return figure(scores.length, minSample, () => round(scores.reduce((a, b) => a + b, 0) / scores.length, 2));
}

export function responseRateOf(responses: number, invitations: number, minSample: number): Figure {
  return figure(invitations, minSample, () => round(Math.min(1, responses / invitations), 4));
}
