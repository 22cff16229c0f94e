import { type Locale, t } from '@kefu/shared';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './surveys.repository.js';
import type { CreateSurveyBody, QuestionInput, SurveySettings, UpdateSurveyBody } from './surveys.schemas.js';
import type { QuestionKind } from './surveys.tables.js';

type Ctx = RequestContext & { actor: Actor };

export const kindLabel = (locale: Locale, kind: QuestionKind) => t(locale, `label.survey_kind.${kind}`);

export function questionView(q: repo.QuestionRow, locale: Locale) {
  return {
    id: q.id,
    position: q.position,
    kind: q.kind,
    kindLabel: kindLabel(locale, q.kind),
    title: q.title,
    titleEn: q.titleEn,
    options: q.options,
    required: q.required,
    staffRole: q.staffRole,
  };
}

function settingsView(s: repo.SurveyRow) {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    anonymous: s.anonymous,
    active: s.active,
    trigger: s.trigger,
    ticketTypeKeys: s.ticketTypeKeys,
    delayAfterCloseMinutes: s.delayAfterCloseMinutes,
    samplingRate: s.samplingRate,
    skipNoAgentReply: s.skipNoAgentReply,
    skipInternal: s.skipInternal,
    expiryDays: s.expiryDays,
    reminderAfterDays: s.reminderAfterDays,
    minSample: s.minSample,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** A reminder comes before the link expires. */
function checkSettings(s: { expiryDays: number; reminderAfterDays: number | null }) {
  if (s.reminderAfterDays !== null && s.reminderAfterDays >= s.expiryDays) {
    throw badRequest('validation_failed', {}, [
      { path: 'reminderAfterDays', message: `must be less than expiryDays (${s.expiryDays})` },
    ]);
  }
}

function questionValues(q: QuestionInput, position: number) {
  return {
    position,
    kind: q.kind,
    title: q.title,
    titleEn: q.titleEn ?? null,
    options: q.options.map((o) => ({ key: o.key, label: o.label, labelEn: o.labelEn ?? null })),
    required: q.required,
    staffRole: q.kind === 'staff_rating' ? (q.staffRole ?? null) : null,
  };
}

function pickSettings(body: Partial<SurveySettings>): Partial<SurveySettings> {
  const keys: (keyof SurveySettings)[] = [
    'description',
    'anonymous',
    'active',
    'trigger',
    'ticketTypeKeys',
    'delayAfterCloseMinutes',
    'samplingRate',
    'skipNoAgentReply',
    'skipInternal',
    'expiryDays',
    'reminderAfterDays',
    'minSample',
  ];
  const out: Record<string, unknown> = {};
  for (const key of keys) if (body[key] !== undefined) out[key] = body[key];
  return out as Partial<SurveySettings>;
}

export async function getSurvey(deps: Deps, actor: Actor, id: string, locale: Locale = actor.locale) {
  const db = deps.database.db;
  const survey = await repo.findSurvey(db, id);
  if (!survey) throw new AppError('surveys.not_found', 404);
  const [questions, counts] = await Promise.all([repo.listQuestions(db, id), repo.surveyCounts(db, id)]);
  return { ...settingsView(survey), ...counts, questions: questions.map((q) => questionView(q, locale)) };
}

export async function listSurveys(deps: Deps, filter: { active?: 'true' | 'false'; q?: string }) {
  const rows = await repo.listSurveyRows(deps.database.db, {
    active: filter.active === undefined ? undefined : filter.active === 'true',
    q: filter.q,
  });
  return {
    items: rows.map((r) => ({
      ...settingsView(r.survey),
      invitations: r.invitations,
      responses: r.responses,
      questionCount: r.questionCount,
    })),
  };
}

export async function createSurvey(deps: Deps, ctx: Ctx, body: CreateSurveyBody) {
  const settings = pickSettings(body);
  checkSettings({ expiryDays: settings.expiryDays ?? 14, reminderAfterDays: settings.reminderAfterDays ?? null });
  const id = await deps.database.db.transaction(async (tx) => {
    const survey = await repo.insertSurvey(tx, { name: body.name, ...settings, createdBy: ctx.actor.userId });
    await repo.insertQuestions(
      tx,
      body.questions.map((q, i) => ({ surveyId: survey.id, ...questionValues(q, i + 1) })),
    );
    await recordAudit(tx, ctx, {
      action: 'survey.created',
      entityType: 'survey',
      entityId: survey.id,
      after: { name: body.name, questions: body.questions.length, ...settings },
    });
    return survey.id;
  });
  return getSurvey(deps, ctx.actor, id, ctx.locale);
}

/**
 * Settings change at any time; the questions only while nobody answered (answers refer to them):
 * the list given replaces the current one — an item with an `id` keeps that question (its kind
 * too), one without is new, a question left out is removed.
 */
export async function updateSurvey(deps: Deps, ctx: Ctx, id: string, body: UpdateSurveyBody) {
  await deps.database.db.transaction(async (tx) => {
    const survey = await repo.findSurvey(tx, id, { lock: true });
    if (!survey) throw new AppError('surveys.not_found', 404);
    const settings = pickSettings(body);
    checkSettings({
      expiryDays: settings.expiryDays ?? survey.expiryDays,
      reminderAfterDays:
        settings.reminderAfterDays !== undefined ? settings.reminderAfterDays : survey.reminderAfterDays,
    });
    if (body.questions) {
      if (await repo.hasResponses(tx, id)) throw new AppError('surveys.locked', 409);
      const current = await repo.listQuestions(tx, id);
      const byId = new Map(current.map((q) => [q.id, q]));
      const kept = new Set<string>();
      const fresh: QuestionInput[] = [];
      for (const [i, q] of body.questions.entries()) {
        const existing = q.id ? byId.get(q.id) : undefined;
        if (q.id && (!existing || existing.kind !== q.kind)) {
          throw badRequest('validation_failed', {}, [
            { path: `questions.${i}.id`, message: 'not a question of this survey with this kind' },
          ]);
        }
        if (existing) {
          kept.add(existing.id);
          await repo.updateQuestion(tx, existing.id, questionValues(q, i + 1));
        } else fresh.push({ ...q, id: String(i + 1) });
      }
      await repo.deleteQuestions(
        tx,
        current.filter((q) => !kept.has(q.id)).map((q) => q.id),
      );
      await repo.insertQuestions(
        tx,
        fresh.map((q) => ({ surveyId: id, ...questionValues(q, Number(q.id)) })),
      );
    }
    await repo.updateSurveyRow(tx, id, { ...(body.name ? { name: body.name } : {}), ...settings });
    await recordAudit(tx, ctx, {
      action: 'survey.updated',
      entityType: 'survey',
      entityId: id,
      before: { name: survey.name, active: survey.active },
      after: { ...(body.name ? { name: body.name } : {}), ...settings, questions: body.questions?.length },
    });
  });
  return getSurvey(deps, ctx.actor, id, ctx.locale);
}
