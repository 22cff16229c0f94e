import { isWellFormedText } from '../../../plugins/text-input.js';
import { SURVEY_LIMITS } from '../surveys.schemas.js';
import type { InvitationStaff, QuestionKind, QuestionOption } from '../surveys.tables.js';

/** What a client may send as one answer: a score, a yes/no, an option key (or several), or text. */
export type AnswerValue = number | string | boolean | string[] | null;
export type AnswerInput = { questionId: string; value: AnswerValue };

export type QuestionForAnswer = {
  id: string;
  kind: QuestionKind;
  required: boolean;
  options: QuestionOption[];
  staffRole: string | null;
};

export type ValidAnswer = {
  questionId: string;
  kind: QuestionKind;
  score: number | null;
  choices: string[] | null;
  text: string | null;
  staffUserId: string | null;
};

/** Why an answer was refused (the page words each; the API returns them as `errors[].message`). */
export type AnswerProblem = 'unknown_question' | 'duplicate' | 'required' | 'invalid' | 'too_long';
export type AnswerIssue = { questionId: string; problem: AnswerProblem };

/** The score range of each scored kind. */
export const SCALES: Partial<Record<QuestionKind, readonly [number, number]>> = {
  nps: [0, 10],
  csat: [1, 5],
  staff_rating: [1, 5],
};

/** A staff rating is asked only when the invitation names the person rated. */
export function isAsked(q: QuestionForAnswer, staff: InvitationStaff | null): boolean {
  if (q.kind !== 'staff_rating') return true;
  return staff !== null && q.staffRole !== null && staff[q.staffRole] !== undefined;
}

const isBlank = (v: AnswerValue) =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/** An integer from a number or a form field's digits ("7"); NaN otherwise. */
function integerOf(v: AnswerValue): number {
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number.NaN;
  if (typeof v === 'string' && /^\s*-?\d{1,3}\s*$/.test(v)) return Number(v);
  return Number.NaN;
}

function yesNo(v: AnswerValue): number | null {
  if (v === true || v === 1 || v === 'yes' || v === 'true' || v === '1') return 1;
  if (v === false || v === 0 || v === 'no' || v === 'false' || v === '0') return 0;
  return null;
}

function checkAnswer(q: QuestionForAnswer, v: AnswerValue, staff: InvitationStaff | null): ValidAnswer | AnswerProblem {
  const base = { questionId: q.id, kind: q.kind, score: null, choices: null, text: null, staffUserId: null };
  const scale = SCALES[q.kind];
  if (scale) {
    const n = integerOf(v);
    if (!(n >= scale[0] && n <= scale[1])) return 'invalid';
    const staffUserId = q.kind === 'staff_rating' && q.staffRole ? (staff?.[q.staffRole]?.userId ?? null) : null;
    return { ...base, score: n, staffUserId };
  }
  switch (q.kind) {
    case 'resolved': {
      const n = yesNo(v);
      return n === null ? 'invalid' : { ...base, score: n };
    }
    case 'single': {
      if (typeof v !== 'string' || !q.options.some((o) => o.key === v)) return 'invalid';
      return { ...base, choices: [v] };
    }
    case 'multiple': {
      const list = typeof v === 'string' ? [v] : v;
      if (!Array.isArray(list) || list.length > q.options.length) return 'invalid';
      const keys = new Set(q.options.map((o) => o.key));
      if (new Set(list).size !== list.length || !list.every((k) => typeof k === 'string' && keys.has(k))) {
        return 'invalid';
      }
      return { ...base, choices: list };
    }
    case 'text': {
      if (typeof v !== 'string' || !isWellFormedText(v)) return 'invalid';
      const text = v.trim();
      if ([...text].length > SURVEY_LIMITS.text) return 'too_long';
      return { ...base, text };
    }
    default:
      return 'invalid';
  }
}

/**
 * Checks a whole submission against the questions: every answer must belong to a question asked,
 * once, within its range or choices, text within the length; every required question asked must be
 * answered. A blank value is no answer. Either all answers are valid (`issues` empty) or none is kept.
 */
export function validateAnswers(
  questions: readonly QuestionForAnswer[],
  answers: readonly AnswerInput[],
  staff: InvitationStaff | null,
): { answers: ValidAnswer[]; issues: AnswerIssue[] } {
  const byId = new Map(questions.filter((q) => isAsked(q, staff)).map((q) => [q.id, q]));
  const issues: AnswerIssue[] = [];
  const valid: ValidAnswer[] = [];
  const seen = new Set<string>();
  for (const answer of answers) {
    const q = byId.get(answer.questionId);
    if (!q) {
      issues.push({ questionId: answer.questionId, problem: 'unknown_question' });
      continue;
    }
    if (seen.has(q.id)) {
      issues.push({ questionId: q.id, problem: 'duplicate' });
      continue;
    }
    seen.add(q.id);
    if (isBlank(answer.value)) continue;
    const result = checkAnswer(q, answer.value, staff);
    if (typeof result === 'string') issues.push({ questionId: q.id, problem: result });
    else valid.push(result);
  }
  const answered = new Set(valid.map((a) => a.questionId));
  for (const q of byId.values()) {
    const refused = issues.some((i) => i.questionId === q.id);
    if (q.required && !answered.has(q.id) && !refused) issues.push({ questionId: q.id, problem: 'required' });
  }
  return { answers: valid, issues };
}

/** The first NPS and CSAT scores of a response, and whether it is a low score (detractor or CSAT ≤ 2). */
export function headlineScores(answers: readonly ValidAnswer[]) {
  const npsScore = answers.find((a) => a.kind === 'nps')?.score ?? null;
  const csatScore = answers.find((a) => a.kind === 'csat')?.score ?? null;
  const lowScore = (npsScore !== null && npsScore <= 6) || (csatScore !== null && csatScore <= 2);
  return { npsScore, csatScore, lowScore };
}
