import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { actorView } from '../users/index.js';
import { apiTokens, loginThrottles, sessions } from './auth.tables.js';

// The user rows sign-in reads and writes belong to the users module.
export {
  findUserById,
  findUserByUsername,
  findUserInScope,
  updateLoginState,
  updatePasswordHash,
} from '../users/index.js';

function actorColumns() {
  const actor = actorView();
  return {
    userId: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roleKey: actor.roleKey,
    departmentId: actor.departmentId,
    locale: actor.locale,
    isActive: actor.isActive,
    permissions: actor.permissions,
    dataScope: actor.dataScope,
  };
}

export type ActorRow = {
  userId: string;
  username: string;
  displayName: string;
  roleKey: string;
  departmentId: string | null;
  locale: 'zh-CN' | 'en';
  isActive: boolean;
  permissions: string[];
  dataScope: 'own' | 'team' | 'department' | 'all';
};

export async function findActorBySession(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select({ ...actorColumns(), csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(actorView(), eq(actorView().userId, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  return row as (ActorRow & { csrfToken: string; lastSeenAt: Date }) | undefined;
}

export async function findActorByToken(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({ ...actorColumns(), tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(actorView(), eq(actorView().userId, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .limit(1);
  return row as (ActorRow & { tokenId: string; lastUsedAt: Date | null }) | undefined;
}

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function deleteSession(db: DbOrTx, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string, exceptSessionId?: string) {
  await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined));
}

export async function touchSession(db: DbOrTx, sessionId: string, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: new Date(), expiresAt }).where(eq(sessions.id, sessionId));
}

export async function touchToken(db: DbOrTx, tokenId: string) {
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, tokenId));
}

export async function listTokensOfUser(db: DbOrTx, userId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
}

export async function insertToken(db: DbOrTx, values: typeof apiTokens.$inferInsert) {
  const [row] = await db.insert(apiTokens).values(values).returning();
  if (!row) throw new Error('insert api token returned nothing');
  return row;
}

export async function revokeToken(db: DbOrTx, userId: string, tokenId: string) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id, name: apiTokens.name });
  return rows[0];
}

/** Revokes every live API token of a user; answers how many. */
export async function revokeTokensOfUser(db: DbOrTx, userId: string) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}

export async function findThrottle(db: DbOrTx, username: string, ip: string) {
  const [row] = await db
    .select()
    .from(loginThrottles)
    .where(and(eq(loginThrottles.username, username), eq(loginThrottles.ip, ip)))
    .limit(1);
  return row;
}

/**
 * Counts one failure atomically (parallel guesses each count); failures older than `forgetBefore`
 * are forgotten first. Answers the new count.
 */
export async function countFailure(db: DbOrTx, username: string, ip: string, forgetBefore: Date) {
  const [row] = await db
    .insert(loginThrottles)
    .values({ username, ip, failures: 1, lastFailureAt: new Date() })
    .onConflictDoUpdate({
      target: [loginThrottles.username, loginThrottles.ip],
      set: {
        failures: sql`CASE WHEN ${loginThrottles.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz THEN 1 ELSE ${loginThrottles.failures} + 1 END`,
        lastFailureAt: new Date(),
      },
    })
    .returning({ failures: loginThrottles.failures });
  return row?.failures ?? 1;
}

export async function setThrottleLock(db: DbOrTx, username: string, ip: string, lockedUntil: Date) {
  await db
    .update(loginThrottles)
    .set({ lockedUntil })
    .where(and(eq(loginThrottles.username, username), eq(loginThrottles.ip, ip)));
}

/** Forgets the failures of one name from one address (`ip` given) or from everywhere. */
export async function deleteThrottles(db: DbOrTx, username: string, ip?: string) {
  const rows = await db
    .delete(loginThrottles)
    .where(and(eq(loginThrottles.username, username), ip === undefined ? undefined : eq(loginThrottles.ip, ip)))
    .returning({ lockedUntil: loginThrottles.lockedUntil });
  return rows;
}

export async function purgeThrottles(db: DbOrTx, before: Date) {
  await db.delete(loginThrottles).where(lt(loginThrottles.lastFailureAt, before));
}
