import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { knownUserNameSql } from '../users/index.js';
import { savedViews } from './saved-views.tables.js';

export type SavedViewRow = typeof savedViews.$inferSelect;

/** The caller's own views of a module and everyone's shared ones: own first, then by name. */
export async function listVisibleViews(db: DbOrTx, userId: string, module: string) {
  const isOwn = sql<boolean>`${savedViews.userId} = ${userId}`;
  return db
    .select({
      id: savedViews.id,
      module: savedViews.module,
      name: savedViews.name,
      query: savedViews.query,
      isShared: savedViews.isShared,
      isOwn,
      ownerId: savedViews.userId,
      ownerName: knownUserNameSql(savedViews.userId),
      createdAt: savedViews.createdAt,
    })
    .from(savedViews)
    .where(and(eq(savedViews.module, module), or(eq(savedViews.userId, userId), eq(savedViews.isShared, true))))
    .orderBy(desc(isOwn), asc(savedViews.name), asc(savedViews.createdAt));
}

/**
 * Serialises saves of one user's views of one module until the transaction ends: there is no
 * unique index on (user, module, name), so the name lookup and the insert must not interleave.
 */
export async function lockUserModule(tx: DbOrTx, userId: string, module: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`saved_views:${userId}:${module}`}))`);
}

export async function findOwnViewByName(db: DbOrTx, userId: string, module: string, name: string) {
  const [row] = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.module, module), eq(savedViews.name, name)))
    .limit(1);
  return row;
}

export async function findOwnView(db: DbOrTx, userId: string, id: string) {
  const [row] = await db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.id, id), eq(savedViews.userId, userId)))
    .limit(1);
  return row;
}

export async function insertView(
  db: DbOrTx,
  values: { userId: string; module: string; name: string; query: Record<string, unknown>; isShared: boolean },
) {
  const [row] = await db.insert(savedViews).values(values).returning();
  return row as SavedViewRow;
}

export async function updateView(
  db: DbOrTx,
  id: string,
  values: { query: Record<string, unknown>; isShared: boolean },
) {
  const [row] = await db.update(savedViews).set(values).where(eq(savedViews.id, id)).returning();
  return row as SavedViewRow;
}

export async function deleteView(db: DbOrTx, id: string) {
  await db.delete(savedViews).where(eq(savedViews.id, id));
}
