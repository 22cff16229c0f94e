import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { inScope } from '../../lib/data-scope.js';
import { offsetOf } from '../../lib/pagination.js';
import { knownUserNameSql, userNameSql } from '../users/index.js';
import type { ListOverridesQuery } from './phrases.schemas.js';
import { cannedReplies, forbiddenPhraseOverrides, forbiddenPhrases, servicePhrases } from './phrases.tables.js';

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ── standard phrases ─────────────────────────────────────────────────────────

export type ServicePhraseRow = typeof servicePhrases.$inferSelect;

export async function listServicePhrases(
  db: DbOrTx,
  filter: { q?: string; category?: string; includeInactive?: boolean },
) {
  const like = filter.q ? likeOf(filter.q) : undefined;
  return db
    .select()
    .from(servicePhrases)
    .where(
      and(
        filter.includeInactive ? undefined : eq(servicePhrases.isActive, true),
        filter.category ? eq(servicePhrases.category, filter.category) : undefined,
        like
          ? or(
              ilike(servicePhrases.text, like),
              ilike(servicePhrases.textEn, like),
              ilike(servicePhrases.category, like),
            )
          : undefined,
      ),
    )
    .orderBy(asc(servicePhrases.category), asc(servicePhrases.sortOrder), asc(servicePhrases.createdAt));
}

export async function findServicePhrase(db: DbOrTx, id: string) {
  const [row] = await db.select().from(servicePhrases).where(eq(servicePhrases.id, id)).limit(1);
  return row;
}

export async function insertServicePhrase(db: DbOrTx, values: typeof servicePhrases.$inferInsert) {
  const [row] = await db.insert(servicePhrases).values(values).returning();
  if (!row) throw new Error('insert service phrase returned nothing');
  return row;
}

export async function updateServicePhrase(db: DbOrTx, id: string, values: Partial<typeof servicePhrases.$inferInsert>) {
  const [row] = await db
    .update(servicePhrases)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(servicePhrases.id, id))
    .returning();
  if (!row) throw new Error('update service phrase returned nothing');
  return row;
}

export async function deleteServicePhrase(db: DbOrTx, id: string) {
  await db.delete(servicePhrases).where(eq(servicePhrases.id, id));
}

// ── canned replies ───────────────────────────────────────────────────────────

export type CannedReplyRow = typeof cannedReplies.$inferSelect;

/** Shared replies and the caller's personal ones, with the owner's name. */
export async function listCannedReplies(db: DbOrTx, userId: string, filter: { q?: string; scope: string }) {
  const like = filter.q ? likeOf(filter.q) : undefined;
  const visible =
    filter.scope === 'shared'
      ? eq(cannedReplies.isShared, true)
      : filter.scope === 'personal'
        ? and(eq(cannedReplies.isShared, false), eq(cannedReplies.ownerId, userId))
        : or(eq(cannedReplies.isShared, true), eq(cannedReplies.ownerId, userId));
  return db
    .select({ reply: cannedReplies, ownerName: userNameSql(cannedReplies.ownerId) })
    .from(cannedReplies)
    .where(
      and(
        visible,
        like
          ? or(ilike(cannedReplies.title, like), ilike(cannedReplies.body, like), ilike(cannedReplies.category, like))
          : undefined,
      ),
    )
    .orderBy(desc(cannedReplies.isShared), asc(cannedReplies.category), asc(cannedReplies.title));
}

export async function findCannedReply(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ reply: cannedReplies, ownerName: userNameSql(cannedReplies.ownerId) })
    .from(cannedReplies)
    .where(eq(cannedReplies.id, id))
    .limit(1);
  return row;
}

export async function insertCannedReply(db: DbOrTx, values: typeof cannedReplies.$inferInsert) {
  const [row] = await db.insert(cannedReplies).values(values).returning();
  if (!row) throw new Error('insert canned reply returned nothing');
  return row;
}

export async function updateCannedReply(db: DbOrTx, id: string, values: Partial<typeof cannedReplies.$inferInsert>) {
  const [row] = await db
    .update(cannedReplies)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(cannedReplies.id, id))
    .returning();
  if (!row) throw new Error('update canned reply returned nothing');
  return row;
}

export async function deleteCannedReply(db: DbOrTx, id: string) {
  await db.delete(cannedReplies).where(eq(cannedReplies.id, id));
}

// ── forbidden phrases ────────────────────────────────────────────────────────

export type ForbiddenPhraseRow = typeof forbiddenPhrases.$inferSelect;

export async function listForbiddenPhrases(db: DbOrTx, filter: { q?: string; includeInactive?: boolean }) {
  const like = filter.q ? likeOf(filter.q) : undefined;
  return db
    .select()
    .from(forbiddenPhrases)
    .where(
      and(
        filter.includeInactive ? undefined : eq(forbiddenPhrases.isActive, true),
        like
          ? or(
              ilike(forbiddenPhrases.phrase, like),
              ilike(forbiddenPhrases.alternative, like),
              ilike(forbiddenPhrases.category, like),
            )
          : undefined,
      ),
    )
    .orderBy(asc(forbiddenPhrases.category), asc(forbiddenPhrases.createdAt), asc(forbiddenPhrases.id));
}

/** What the matcher is built from: the active phrases, in a stable order. */
export async function activeForbiddenPhrases(db: DbOrTx) {
  return db
    .select({
      id: forbiddenPhrases.id,
      phrase: forbiddenPhrases.phrase,
      alternative: forbiddenPhrases.alternative,
      exceptions: forbiddenPhrases.exceptions,
    })
    .from(forbiddenPhrases)
    .where(eq(forbiddenPhrases.isActive, true))
    .orderBy(asc(forbiddenPhrases.id));
}

/**
 * A cheap fingerprint of the whole list (one scan, no hashing): row count, latest edit and the sum
 * of all edit times in microseconds. It changes with any insert, delete, edit or (de)activation made
 * through the service (each sets `updated_at`) — also with one committed late by a transaction that
 * started earlier, which `max(updated_at)` alone would miss.
 */
export async function forbiddenListFingerprint(db: DbOrTx): Promise<string> {
  const result = await db.execute<{ fp: string }>(sql`
    SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') || ':' ||
      coalesce(sum((extract(epoch FROM updated_at) * 1000000)::bigint)::text, '0') AS fp
    FROM forbidden_phrases`);
  return String(result.rows[0]?.fp ?? '');
}

export async function findForbiddenPhrase(db: DbOrTx, id: string) {
  const [row] = await db.select().from(forbiddenPhrases).where(eq(forbiddenPhrases.id, id)).limit(1);
  return row;
}

export async function findForbiddenByNormalized(db: DbOrTx, normalized: string) {
  const [row] = await db.select().from(forbiddenPhrases).where(eq(forbiddenPhrases.normalized, normalized)).limit(1);
  return row;
}

export async function insertForbiddenPhrase(db: DbOrTx, values: typeof forbiddenPhrases.$inferInsert) {
  const [row] = await db.insert(forbiddenPhrases).values(values).returning();
  if (!row) throw new Error('insert forbidden phrase returned nothing');
  return row;
}

export async function updateForbiddenPhrase(
  db: DbOrTx,
  id: string,
  values: Partial<typeof forbiddenPhrases.$inferInsert>,
) {
  const [row] = await db
    .update(forbiddenPhrases)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(forbiddenPhrases.id, id))
    .returning();
  if (!row) throw new Error('update forbidden phrase returned nothing');
  return row;
}

export async function deleteForbiddenPhrase(db: DbOrTx, id: string) {
  await db.delete(forbiddenPhrases).where(eq(forbiddenPhrases.id, id));
}

// ── overrides ────────────────────────────────────────────────────────────────

export type OverrideRow = typeof forbiddenPhraseOverrides.$inferSelect;

function overrideView(db: DbOrTx) {
  return db
    .select({
      override: forbiddenPhraseOverrides,
      authorName: knownUserNameSql(forbiddenPhraseOverrides.authorId),
      reviewerName: userNameSql(forbiddenPhraseOverrides.reviewedBy),
    })
    .from(forbiddenPhraseOverrides);
}

/** Overrides whose author is in the actor's data scope, newest first. */
export async function listOverrides(db: DbOrTx, actor: Actor, query: ListOverridesQuery) {
  const where: SQL | undefined = and(
    inScope(forbiddenPhraseOverrides.authorId, actor),
    query.status === 'unreviewed'
      ? isNull(forbiddenPhraseOverrides.reviewedAt)
      : query.status === 'reviewed'
        ? isNotNull(forbiddenPhraseOverrides.reviewedAt)
        : undefined,
    query.authorId ? eq(forbiddenPhraseOverrides.authorId, query.authorId) : undefined,
    query.ticketId ? eq(forbiddenPhraseOverrides.ticketId, query.ticketId) : undefined,
  );
  const [items, [total]] = await Promise.all([
    overrideView(db)
      .where(where)
      .orderBy(desc(forbiddenPhraseOverrides.createdAt), desc(forbiddenPhraseOverrides.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(forbiddenPhraseOverrides).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function findOverride(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await overrideView(db)
    .where(and(eq(forbiddenPhraseOverrides.id, id), inScope(forbiddenPhraseOverrides.authorId, actor)))
    .limit(1);
  return row;
}

export async function insertOverride(db: DbOrTx, values: typeof forbiddenPhraseOverrides.$inferInsert) {
  const [row] = await db.insert(forbiddenPhraseOverrides).values(values).returning();
  if (!row) throw new Error('insert override returned nothing');
  return row;
}

/** Marks an unreviewed override reviewed; returns nothing when someone else was quicker. */
export async function markOverrideReviewed(db: DbOrTx, id: string, reviewerId: string, note: string | null) {
  const [row] = await db
    .update(forbiddenPhraseOverrides)
    .set({ reviewedBy: reviewerId, reviewedAt: new Date(), reviewNote: note })
    .where(and(eq(forbiddenPhraseOverrides.id, id), isNull(forbiddenPhraseOverrides.reviewedAt)))
    .returning();
  return row;
}
