/** The survey builder's form ↔ the API's request bodies. Pure, unit-tested (surveyForm.test.ts). */
import type { QuestionBody, QuestionKind, Survey, SurveyBody, SurveyPatch, SurveyTrigger } from './types';

export type OptionValues = { key: string; label: string; labelEn?: string | null };

/** One question as the builder edits it; `id` only for a question the server already has. */
export type QuestionValues = {
  id?: string;
  kind: QuestionKind;
  title: string;
  titleEn?: string | null;
  required: boolean;
  staffRole?: string | null;
  options: OptionValues[];
};

export type SurveyValues = {
  name: string;
  description?: string | null;
  anonymous: boolean;
  active: boolean;
  trigger: SurveyTrigger;
  ticketTypeKeys: string[];
  delayAfterCloseMinutes: number;
  /** The sampling rate in percent (0–100); the API takes a fraction. */
  samplingPercent: number;
  skipNoAgentReply: boolean;
  skipInternal: boolean;
  expiryDays: number;
  /** Null or undefined: no reminder. */
  reminderAfterDays?: number | null;
  minSample: number;
  questions: QuestionValues[];
};

export const isChoice = (kind: QuestionKind) => kind === 'single' || kind === 'multiple';
/** Kinds answered with a number (shown as buttons on the public page). */
export const SCALES: Partial<Record<QuestionKind, { min: number; max: number }>> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  staff_rating: { min: 1, max: 5 },
};
export const scaleOf = (kind: QuestionKind) => SCALES[kind];
export const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/** The server's defaults for a new survey (surveys.tables.ts). */
export function defaultValues(questions: QuestionValues[] = []): SurveyValues {
  return {
    name: '',
    description: '',
    anonymous: false,
    active: true,
    trigger: 'ticket_closed',
    ticketTypeKeys: [],
    delayAfterCloseMinutes: 60,
    samplingPercent: 100,
    skipNoAgentReply: true,
    skipInternal: true,
    expiryDays: 14,
    reminderAfterDays: null,
    minSample: 5,
    questions,
  };
}

/** A fresh question of `kind` with its (translated) default title and, for choices, two options. */
export function newQuestion(kind: QuestionKind, title: string, optionLabels: [string, string]): QuestionValues {
  return {
    kind,
    title,
    titleEn: null,
    required: kind === 'nps' || kind === 'csat',
    staffRole: kind === 'staff_rating' ? 'agent' : null,
    options: isChoice(kind)
      ? [
          { key: 'o1', label: optionLabels[0], labelEn: null },
          { key: 'o2', label: optionLabels[1], labelEn: null },
        ]
      : [],
  };
}

/** The first `oN` key not used yet (keys are stored in the answers, so existing ones never change). */
export function nextOptionKey(options: readonly OptionValues[]): string {
  const used = new Set(options.map((o) => o.key));
  let n = options.length + 1;
  for (let i = 1; i <= options.length + 1; i += 1) {
    if (!used.has(`o${i}`)) {
      n = i;
      break;
    }
  }
  return `o${n}`;
}

export function toValues(survey: Survey): SurveyValues {
  return {
    name: survey.name,
    description: survey.description ?? '',
    anonymous: survey.anonymous,
    active: survey.active,
    trigger: survey.trigger,
    ticketTypeKeys: survey.ticketTypeKeys,
    delayAfterCloseMinutes: survey.delayAfterCloseMinutes,
    samplingPercent: Math.round(survey.samplingRate * 1000) / 10,
    skipNoAgentReply: survey.skipNoAgentReply,
    skipInternal: survey.skipInternal,
    expiryDays: survey.expiryDays,
    reminderAfterDays: survey.reminderAfterDays,
    minSample: survey.minSample,
    questions: [...survey.questions]
      .sort((a, b) => a.position - b.position)
      .map((q) => ({
        id: q.id,
        kind: q.kind,
        title: q.title,
        titleEn: q.titleEn,
        required: q.required,
        staffRole: q.staffRole,
        options: q.options.map((o) => ({ key: o.key, label: o.label, labelEn: o.labelEn ?? null })),
      })),
  };
}

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

export function toQuestionBody(q: QuestionValues): QuestionBody {
  const choice = isChoice(q.kind);
  return {
    ...(q.id ? { id: q.id } : {}),
    kind: q.kind,
    title: q.title.trim(),
    titleEn: blankToNull(q.titleEn),
    required: q.required,
    staffRole: q.kind === 'staff_rating' ? (blankToNull(q.staffRole) ?? 'agent') : null,
    options: choice
      ? q.options.map((o) => ({ key: o.key, label: o.label.trim(), labelEn: blankToNull(o.labelEn) }))
      : [],
  };
}

function settingsOf(values: SurveyValues) {
  return {
    name: values.name.trim(),
    description: blankToNull(values.description),
    anonymous: values.anonymous,
    active: values.active,
    trigger: values.trigger,
    ticketTypeKeys: values.ticketTypeKeys,
    delayAfterCloseMinutes: values.delayAfterCloseMinutes,
    samplingRate: Math.round(values.samplingPercent * 10) / 1000,
    skipNoAgentReply: values.skipNoAgentReply,
    skipInternal: values.skipInternal,
    expiryDays: values.expiryDays,
    reminderAfterDays: values.reminderAfterDays ?? null,
    minSample: values.minSample,
  };
}

/** `POST /api/v1/surveys`: a new questionnaire (question ids dropped: a copy gets new ones). */
export function toBody(values: SurveyValues): SurveyBody {
  return {
    ...settingsOf(values),
    questions: values.questions.map((q) => {
      const { id: _id, ...body } = toQuestionBody(q);
      return body;
    }),
  };
}

/** True when the question list differs from the stored one (then the PATCH carries it). */
export function questionsChanged(values: SurveyValues, survey: Survey): boolean {
  const before = toValues(survey).questions.map(toQuestionBody);
  const after = values.questions.map(toQuestionBody);
  return JSON.stringify(before) !== JSON.stringify(after);
}

/**
 * `PATCH /api/v1/surveys/{id}`: the settings always; the questions only when they changed, so a
 * survey that already has answers (its questions locked, 409 `surveys.locked`) can still be renamed.
 */
export function toPatch(values: SurveyValues, survey: Survey): SurveyPatch {
  const settings = settingsOf(values);
  return questionsChanged(values, survey) ? { ...settings, questions: values.questions.map(toQuestionBody) } : settings;
}

/** A question list moved one step (`delta` −1 up, +1 down); unchanged at the ends. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1);
  if (moved !== undefined) next.splice(target, 0, moved);
  return next;
}

/** `90` → `{ value: 1.5, unit: 'hours' }`; whole days, else hours, else minutes. */
export function splitMinutes(minutes: number): { value: number; unit: 'minutes' | 'hours' | 'days' } {
  if (minutes > 0 && minutes % 1440 === 0) return { value: minutes / 1440, unit: 'days' };
  if (minutes >= 60) return { value: Math.round((minutes / 60) * 10) / 10, unit: 'hours' };
  return { value: minutes, unit: 'minutes' };
}
