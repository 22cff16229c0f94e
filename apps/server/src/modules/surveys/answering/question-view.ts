import type { Locale } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import type { QuestionRow } from '../surveys.repository.js';
import * as repo from '../surveys.repository.js';
import type { InvitationStaff } from '../surveys.tables.js';
import { isAsked, SCALES } from './answers.rules.js';

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
