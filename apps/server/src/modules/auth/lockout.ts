import type { Config } from '../../config/config.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { recordAudit } from '../audit/index.js';
import { assertMayManage } from '../users/index.js';
import * as repo from './auth.repository.js';

/**
 * Sign-in lockout per (username as typed, client address) with exponential back-off. A stranger's
 * wrong guesses lock only the stranger's address out of that name; the owner signing in from
 * elsewhere is not affected. An unknown name is counted and locked exactly like a known one, so
 * the answer (status, body) never tells whether a name exists.
 */

/** Failures older than this are forgotten (the back-off starts again). */
export const FORGET_FAILURES_AFTER_MS = 24 * 3_600_000;
const DEFAULT_MAX_LOCK_MINUTES = 60;

/** Minutes of lock after the `failures`-th consecutive failure: 0 below the threshold, then doubling, capped. */
export function lockMinutesAfter(failures: number, auth: Config['auth']): number {
  if (failures < auth.maxFailedLogins) return 0;
  const max = auth.maxLockMinutes ?? DEFAULT_MAX_LOCK_MINUTES;
  const doublings = Math.min(failures - auth.maxFailedLogins, 30);
  return Math.min(auth.lockMinutes * 2 ** doublings, max);
}

export function lockedError(minutes: number): AppError {
  return new AppError('auth.account_locked', 423, { params: { minutes: Math.max(1, Math.ceil(minutes)) } });
}

/** Refuses (423) while this address is locked out of this name; the password is not even checked. */
export async function assertNotLocked(db: DbOrTx, username: string, ip: string, now: Date): Promise<void> {
  const row = await repo.findThrottle(db, username, ip);
  if (row?.lockedUntil && row.lockedUntil > now) {
    throw lockedError((row.lockedUntil.getTime() - now.getTime()) / 60_000);
  }
}

/** Counts a failure; answers the count and the minutes of lock it set (0: none). */
export async function recordFailure(
  tx: DbOrTx,
  auth: Config['auth'],
  username: string,
  ip: string,
  now: Date,
): Promise<{ failures: number; lockMinutes: number }> {
  const failures = await repo.countFailure(tx, username, ip, new Date(now.getTime() - FORGET_FAILURES_AFTER_MS));
  const lockMinutes = lockMinutesAfter(failures, auth);
  if (lockMinutes > 0) await repo.setThrottleLock(tx, username, ip, new Date(now.getTime() + lockMinutes * 60_000));
  return { failures, lockMinutes };
}

/** A successful sign-in forgets the failures from its own address only. */
export async function clearFailures(tx: DbOrTx, username: string, ip: string): Promise<void> {
  await repo.deleteThrottles(tx, username, ip);
}

/**
 * An administrator lifts every lock on a user (all addresses) and forgets the failures. The user
 * must be in the actor's scope (404 otherwise). Audited; answers how many addresses were locked.
 */
export async function unlockUser(
  deps: Deps,
  ctx: RequestContext & { actor: Actor },
  userId: string,
): Promise<{ lockedAddresses: number }> {
  const now = new Date();
  return deps.database.db.transaction(async (tx) => {
    const user = await repo.findUserInScope(tx, ctx.actor, userId);
    if (!user) throw new AppError('users.not_found', 404);
    // Lifting a lock is a user edit: only someone the user does not outrank (issue 10, users.policy).
    await assertMayManage(tx, ctx.actor, user.id);
    const rows = await repo.deleteThrottles(tx, user.username);
    await repo.updateLoginState(tx, user.id, { failedLogins: 0, lockedUntil: null });
    const lockedAddresses = rows.filter((r) => r.lockedUntil && r.lockedUntil > now).length;
    await recordAudit(tx, ctx, {
      action: 'auth.account_unlocked',
      entityType: 'user',
      entityId: user.id,
      details: { username: user.username, lockedAddresses, addressesWithFailures: rows.length },
    });
    return { lockedAddresses };
  });
}
