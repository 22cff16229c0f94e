import { buildForbiddenMatcher, type ForbiddenHit, type ForbiddenMatcher, normalizeForMatch } from '@kefu/shared';
import type { DbOrTx } from '../../db/client.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './phrases.repository.js';
import type { ForbiddenPhraseInput, ListOverridesQuery } from './phrases.schemas.js';

type ActorCtx = RequestContext & { actor: Actor };

// ── the compiled matcher, cached per process ─────────────────────────────────

/**
 * Compiled matchers by list fingerprint. Every check reads the fingerprint (one aggregate over the
 * list), so an edit made through another instance is seen at once; the matcher is rebuilt only
 * when the list really changed. A few entries, not one: a process may serve several databases
 * (tests, benchmarks).
 */
const matchers = new Map<string, ForbiddenMatcher>();
const MATCHER_CACHE_SIZE = 4;

export async function forbiddenMatcher(db: DbOrTx): Promise<ForbiddenMatcher> {
  const fingerprint = await repo.forbiddenListFingerprint(db);
  const cached = matchers.get(fingerprint);
  if (cached) return cached;
  const matcher = buildForbiddenMatcher(await repo.activeForbiddenPhrases(db));
  if (matchers.size >= MATCHER_CACHE_SIZE) matchers.delete(matchers.keys().next().value as string);
  matchers.set(fingerprint, matcher);
  return matcher;
}

/** For tests and benchmarks: how many compiled matchers are cached. */
export function cachedMatcherCount(): number {
  return matchers.size;
}

/**
 * The authoritative check of a reply before it is sent (the browser checks too, as the agent
 * types, but only this one counts). Call it inside the reply's transaction.
 */
export async function checkReply(db: DbOrTx, text: string): Promise<ForbiddenHit[]> {
  if (text.trim() === '') return [];
  return (await forbiddenMatcher(db)).check(text);
}

export type RecordOverrideInput = {
  ticketId: string;
  /** Human-readable reference shown to the supervisor, e.g. the ticket number. */
  ref?: string | null;
  messageId?: string | null;
  authorId: string;
  hits: ForbiddenHit[];
  reason: string;
};

/**
 * Records that a reply was sent despite forbidden-phrase hits, with the agent's reason, for the
 * supervisor's review; with `ctx`, audited in the same transaction.
 */
export async function recordOverride(db: DbOrTx, input: RecordOverrideInput, ctx?: RequestContext) {
  const reason = input.reason.trim();
  if (!reason) throw badRequest('validation_failed', {}, [{ path: 'reason', message: 'a reason is required' }]);
  const row = await repo.insertOverride(db, {
    ticketId: input.ticketId,
    ref: input.ref ?? null,
    messageId: input.messageId ?? null,
    authorId: input.authorId,
    hits: input.hits.map((h) => ({
      phraseId: h.phraseId,
      phrase: h.phrase,
      alternative: h.alternative,
      start: h.start,
      end: h.end,
      matched: h.matched,
    })),
    reason,
  });
  if (ctx) {
    await recordAudit(db, ctx, {
      action: 'forbidden_phrase.overridden',
      entityType: 'forbidden_phrase_override',
      entityId: row.id,
      after: row,
      details: { ticketId: input.ticketId, messageId: input.messageId ?? null },
    });
  }
  return row;
}

// ── the list (服务忌语) ────────────────────────────────────────────────────────

function toDto(row: repo.ForbiddenPhraseRow) {
  const { normalized: _normalized, createdBy: _createdBy, ...dto } = row;
  return dto;
}

/** Normalised phrase, checked: not empty, not listed twice, exceptions that make sense. */
async function prepare(db: DbOrTx, input: ForbiddenPhraseInput, before?: repo.ForbiddenPhraseRow) {
  const phrase = input.phrase ?? before?.phrase ?? '';
  const normalized = normalizeForMatch(phrase);
  if (!normalized)
    throw badRequest('phrases.forbidden_empty', {}, [{ path: 'phrase', message: 'no letters or digits' }]);
  const same = await repo.findForbiddenByNormalized(db, normalized);
  if (same && same.id !== before?.id)
    throw new AppError('phrases.forbidden_duplicate', 409, { params: { phrase: same.phrase } });
  const exceptions = input.exceptions ?? before?.exceptions ?? [];
  exceptions.forEach((exception, index) => {
    const e = normalizeForMatch(exception);
    if (e.length <= normalized.length || !e.includes(normalized)) {
      throw badRequest('phrases.exception_invalid', { exception }, [
        { path: `exceptions.${index}`, message: 'must contain the phrase' },
      ]);
    }
  });
  return { normalized, exceptions: [...new Set(exceptions)] };
}

export async function listForbiddenPhrases(deps: Deps, filter: { q?: string; includeInactive?: boolean }) {
  const rows = await repo.listForbiddenPhrases(deps.database.db, filter);
  return { items: rows.map(toDto) };
}

export async function createForbiddenPhrase(
  deps: Deps,
  ctx: ActorCtx,
  input: ForbiddenPhraseInput & { phrase: string; alternative: string },
) {
  return deps.database.db.transaction(async (tx) => {
    const { normalized, exceptions } = await prepare(tx, input);
    const row = await repo.insertForbiddenPhrase(tx, { ...input, normalized, exceptions, createdBy: ctx.actor.userId });
    await recordAudit(tx, ctx, {
      action: 'forbidden_phrase.created',
      entityType: 'forbidden_phrase',
      entityId: row.id,
      after: row,
    });
    return toDto(row);
  });
}

export async function updateForbiddenPhrase(deps: Deps, ctx: ActorCtx, id: string, input: ForbiddenPhraseInput) {
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForbiddenPhrase(tx, id);
    if (!before) throw new AppError('phrases.forbidden_not_found', 404);
    const { normalized, exceptions } = await prepare(tx, input, before);
    const after = await repo.updateForbiddenPhrase(tx, id, { ...input, normalized, exceptions });
    await recordAudit(tx, ctx, {
      action: 'forbidden_phrase.updated',
      entityType: 'forbidden_phrase',
      entityId: id,
      before,
      after,
    });
    return toDto(after);
  });
}

export async function deleteForbiddenPhrase(deps: Deps, ctx: ActorCtx, id: string) {
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.findForbiddenPhrase(tx, id);
    if (!before) throw new AppError('phrases.forbidden_not_found', 404);
    await repo.deleteForbiddenPhrase(tx, id);
    await recordAudit(tx, ctx, {
      action: 'forbidden_phrase.deleted',
      entityType: 'forbidden_phrase',
      entityId: id,
      before,
    });
  });
}

export async function checkText(deps: Deps, text: string) {
  return { hits: await checkReply(deps.database.db, text) };
}

// ── overrides: the supervisor's review ───────────────────────────────────────

type OverrideView = { override: repo.OverrideRow; authorName: string; reviewerName: string | null };

function toOverrideDto(view: OverrideView) {
  return { ...view.override, authorName: view.authorName, reviewerName: view.reviewerName };
}

export async function listOverrides(deps: Deps, actor: Actor, query: ListOverridesQuery) {
  const { items, total } = await repo.listOverrides(deps.database.db, actor, query);
  return { items: items.map(toOverrideDto), total, page: query.page, pageSize: query.pageSize };
}

export async function reviewOverride(deps: Deps, ctx: ActorCtx, id: string, note: string | undefined) {
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findOverride(tx, ctx.actor, id);
    if (!before) throw new AppError('phrases.override_not_found', 404);
    const after = await repo.markOverrideReviewed(tx, id, ctx.actor.userId, note?.trim() || null);
    if (!after) {
      const current = await repo.findOverride(tx, ctx.actor, id);
      throw new AppError('phrases.override_reviewed', 409, { params: { name: current?.reviewerName ?? '' } });
    }
    await recordAudit(tx, ctx, {
      action: 'forbidden_phrase_override.reviewed',
      entityType: 'forbidden_phrase_override',
      entityId: id,
      before: before.override,
      after,
    });
    return toOverrideDto({ override: after, authorName: before.authorName, reviewerName: ctx.actor.displayName });
  });
}
