import type { CallSums } from './stats.repository.js';
import type { Figures } from './stats.schemas.js';

/** part ÷ whole as a fraction rounded to 4 places; null when the whole is 0 (never 0 ÷ 0 = 0). */
export const ratio = (part: number, whole: number): number | null =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;

/** sum ÷ count rounded to 0.01; null when nothing counts. */
export const average = (sum: number, count: number): number | null =>
  count > 0 ? Math.round((sum / count) * 100) / 100 : null;

export const EMPTY_SUMS: CallSums = {
  offered: 0,
  answered: 0,
  abandoned: 0,
  shortAbandoned: 0,
  timedOut: 0,
  exitedWithKey: 0,
  exitedEmpty: 0,
  unresolved: 0,
  transferred: 0,
  answeredWithinThreshold: 0,
  waitAnsweredSum: 0,
  waitAnsweredCount: 0,
  waitAbandonedSum: 0,
  waitAbandonedCount: 0,
  talkSum: 0,
  talkCount: 0,
  ringNoAnswerAnswered: 0,
};

/** The KPIs of one group of calls, by the definitions documented in docs (## Calls) and the schema. */
export function figuresOf(s: CallSums): Figures {
  const within = s.answeredWithinThreshold;
  const avgTalk = average(s.talkSum, s.talkCount);
  return {
    offered: s.offered,
    answered: s.answered,
    abandoned: s.abandoned,
    shortAbandoned: s.shortAbandoned,
    timedOut: s.timedOut,
    exitedWithKey: s.exitedWithKey,
    exitedEmpty: s.exitedEmpty,
    unresolved: s.unresolved,
    transferred: s.transferred,
    answeredWithinThreshold: within,
    serviceLevelOffered: ratio(within, s.offered),
    serviceLevelOfferedExShortAbandons: ratio(within, s.offered - s.shortAbandoned),
    serviceLevelAnswered: ratio(within, s.answered),
    answerRate: ratio(s.answered, s.offered),
    abandonRate: ratio(s.abandoned, s.offered),
    avgWaitAnsweredSeconds: average(s.waitAnsweredSum, s.waitAnsweredCount),
    avgWaitAbandonedSeconds: average(s.waitAbandonedSum, s.waitAbandonedCount),
    avgTalkSeconds: avgTalk,
    avgHandlingSeconds: avgTalk,
    avgRings: average(s.answered + s.ringNoAnswerAnswered, s.answered),
  };
}
