import type { Locale } from '@kefu/shared';
import { z } from 'zod';
import type { DbOrTx } from '../../../db/client.js';
import type { QuestionRow } from '../surveys.repository.js';
import * as repo from '../surveys.repository.js';
import type { InvitationStaff } from '../surveys.tables.js';
import { isAsked, SCALES } from './answers.rules.js';

/** A question as the person answering sees it (the public page's JSON, the callback's survey form). */
export const QuestionViewSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  required: z.boolean(),
  min: z.number().int().nullable(),
  max: z.number().int().nullable(),
  options: z.array(z.object({ key: z.string(), label: z.string() })),
  staffName: z.string().nullable().describe('staff_rating: the person rated'),
});

/** One answer's value as sent (the answer rules check it against its question). */
export const AnswerValueSchema = z.union([
  z.number(),
  z.string().max(20_000),
  z.boolean(),
  z.array(z.string().max(100)).max(50),
  z.null(),
]);

const localized = (locale: Locale, zh: string, en: string | null | undefined) => (locale === 'en' && en ? en : zh);

/** A question as the person answering sees it (public page, staff filling in for the customer). */
export function questionView(locale: Locale, q: QuestionRow, staff: InvitationStaff) {
  const scale = SCALES[q.kind];
  const person = q.kind === 'staff_rating' && q.staffRole ? (staff[q.staffRole]?.name ?? null) : null;
  return {
    id: q.id,
    kind: q.kind,
    title: localized(locale, q.title, q.titleEn),
    required: q.required,
    min: scale?.[0] ?? null,
    max: scale?.[1] ?? null,
    options: q.options.map((o) => ({ key: o.key, label: localized(locale, o.label, o.labelEn) })),
    staffName: person,
  };
}

/**
 * The active surveys with the questions staff can fill in for a customer (a callback): staff ratings
 * need the person rated, which only an invitation names, so they are left out (the callback's
 * outcome has its own staff ratings).
 */
export async function listSurveyForms(db: DbOrTx, locale: Locale) {
  const rows = await repo.listSurveyRows(db, { active: true });
  return Promise.all(
    rows.map(async ({ survey }) => ({
      id: survey.id,
      name: survey.name,
      anonymous: survey.anonymous,
      questions: (await repo.listQuestions(db, survey.id))
        .filter((q) => isAsked(q, null))
        .map((q) => questionView(locale, q, {})),
    })),
  );
}
