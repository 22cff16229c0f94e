import type { Db } from '../../../db/client.js';
import * as repo from '../surveys.repository.js';

/** Surveys whose questions are kept, per database handle (the least recently used goes first). */
const MAX_SURVEYS = 200;
const caches = new WeakMap<object, Map<string, { version: number; questions: readonly repo.QuestionRow[] }>>();

/**
 * A survey's questions for the public page, read once per version of the survey: the key is the
 * survey row's `updated_at`, which every edit moves forward (surveys.repository.ts updateSurveyRow),
 * and the row is read fresh with the token on each view — so an edit is seen on the next view, in
 * every instance. Answers are validated against the questions read in their own transaction, never
 * these. The rows are shared: callers must not change them.
 */
export async function surveyQuestions(db: Db, survey: repo.SurveyRow): Promise<readonly repo.QuestionRow[]> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const version = survey.updatedAt.getTime();
  const hit = cache.get(survey.id);
  if (hit && hit.version === version) {
    cache.delete(survey.id);
    cache.set(survey.id, hit);
    return hit.questions;
  }
  const questions = await repo.listQuestions(db, survey.id);
  cache.delete(survey.id);
  cache.set(survey.id, { version, questions });
  if (cache.size > MAX_SURVEYS) cache.delete(cache.keys().next().value as string);
  return questions;
}
