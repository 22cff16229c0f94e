import type { Locale, Permission } from '@kefu/shared';
import { isPermission } from '@kefu/shared';
import type { Db } from '../../db/client.js';
import { recordEvent } from '../../events/outbox.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { assertStrongPassword, hashPassword, verifyPassword } from '../../lib/passwords.js';
import { randomToken, sha256 } from '../../lib/tokens.js';
import { recordAudit } from '../audit/index.js';
import * as repo from './auth.repository.js';
import { revokeCredentials } from './credentials.js';
import * as lockout from './lockout.js';

/** Verifying against this keeps the time of "no such user" equal to "wrong password". */
let dummyHash: Promise<string> | undefined;

const SESSION_TOUCH_MS = 5 * 60_000;

/** The actor of a session or token row (also used by the real-time stream to re-check a connection). */
export function toActor(row: repo.ActorRow, via: Actor['via']): Actor {
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    roleKey: row.roleKey,
    permissions: new Set(row.permissions.filter(isPermission)) as ReadonlySet<Permission>,
    dataScope: row.dataScope,
    departmentId: row.departmentId,
    locale: row.locale,
    via,
  };
}

/** A password change or token management needs a person at a browser, not a token. */
export function assertSessionActor(actor: Actor): void {
  if (actor.via !== 'session') throw new AppError('auth.session_required', 403);
}

async function checkPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  if (passwordHash) return verifyPassword(passwordHash, password);
  // No such user: verify anyway, so that the answer takes as long as a wrong password.
  dummyHash ??= hashPassword('kefu-dummy-password-1');
  await verifyPassword(await dummyHash, password);
  return false;
}

/**
 * Signs in. Lockout (lockout.ts) is per (typed name, client address) and the same for unknown
 * names, so neither the status, the body nor the time tells whether a username exists.
 */
export async function login(
  deps: Deps,
  ctx: RequestContext,
  input: { username: string; password: string },
): Promise<{ userId: string; sessionToken: string; csrfToken: string; expiresAt: Date }> {
  const { db } = deps.database;
  const { sessionHours } = deps.config.auth;
  const username = input.username.trim().toLowerCase();
  const ip = ctx.ip ?? '';
  const now = new Date();

  await lockout.assertNotLocked(db, username, ip, now);
  const user = await repo.findUserByUsername(db, username);
  const ok = await checkPassword(user?.passwordHash, input.password);
  if (!user || !ok) {
    const { lockMinutes } = await db.transaction(async (tx) => {
      const counted = await lockout.recordFailure(tx, deps.config.auth, username, ip, now);
      await recordAudit(tx, ctx, {
        action: counted.lockMinutes > 0 ? 'auth.account_locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id,
        details: {
          username,
          failures: counted.failures,
          ...(counted.lockMinutes > 0 ? { minutes: counted.lockMinutes } : {}),
        },
      });
      await recordEvent(tx, 'auth.login_failed', { username, locked: counted.lockMinutes > 0 });
      return counted;
    });
    if (lockMinutes > 0) throw lockout.lockedError(lockMinutes);
    throw new AppError('auth.invalid_credentials', 401);
  }
  if (!user.isActive) throw new AppError('auth.account_disabled', 403);

  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
  await db.transaction(async (tx) => {
    await repo.insertSession(tx, {
      id: sha256(sessionToken),
      userId: user.id,
      csrfToken,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      expiresAt,
    });
    await lockout.clearFailures(tx, username, ip);
    await repo.updateLoginState(tx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    await recordAudit(
      tx,
      { ...ctx, actor: { userId: user.id, username: user.username, displayName: user.displayName } as Actor },
      { action: 'auth.login', entityType: 'user', entityId: user.id },
    );
    await recordEvent(tx, 'auth.logged_in', { userId: user.id }, user.id);
  });
  return { userId: user.id, sessionToken, csrfToken, expiresAt };
}

export async function logout(deps: Deps, ctx: RequestContext, sessionToken: string | undefined): Promise<void> {
  if (!sessionToken || !ctx.actor) return;
  const { userId } = ctx.actor;
  await deps.database.db.transaction(async (tx) => {
    await repo.deleteSession(tx, sha256(sessionToken));
    await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor?.userId });
    await recordEvent(tx, 'auth.logged_out', { userId }, userId);
  });
}

/** Resolves a session cookie; slides its expiry at most every five minutes. */
export async function authenticateSession(deps: Deps, sessionToken: string) {
  const db: Db = deps.database.db;
  const sessionId = sha256(sessionToken);
  const row = await repo.findActorBySession(db, sessionId);
  if (!row?.isActive) return null;
  if (Date.now() - row.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
    await repo.touchSession(db, sessionId, new Date(Date.now() + deps.config.auth.sessionHours * 3_600_000));
  }
  return { actor: toActor(row, 'session'), csrfToken: row.csrfToken };
}

export async function authenticateToken(deps: Deps, token: string): Promise<Actor | null> {
  const row = await repo.findActorByToken(deps.database.db, sha256(token));
  if (!row?.isActive) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > SESSION_TOUCH_MS) {
    await repo.touchToken(deps.database.db, row.tokenId);
  }
  return toActor(row, 'token');
}

export async function changePassword(
  deps: Deps,
  ctx: RequestContext & { actor: Actor },
  input: { currentPassword: string; newPassword: string; sessionToken?: string },
): Promise<void> {
  assertSessionActor(ctx.actor);
  const { db } = deps.database;
  const user = await repo.findUserById(db, ctx.actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('auth.wrong_password', 400, { fields: [{ path: 'currentPassword', message: 'wrong' }] });
  }
  assertStrongPassword(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, user.id, passwordHash);
    // Other browsers signed in as this user are signed out and every API token revoked; this session stays.
    const { tokensRevoked } = await revokeCredentials(tx, user.id, {
      keepSessionId: input.sessionToken ? sha256(input.sessionToken) : undefined,
    });
    await recordAudit(tx, ctx, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
      details: { tokensRevoked },
    });
  });
}

export async function listApiTokens(deps: Deps, actor: Actor) {
  return repo.listTokensOfUser(deps.database.db, actor.userId);
}

export async function createApiToken(
  deps: Deps,
  ctx: RequestContext & { actor: Actor },
  input: { name: string; expiresInDays?: number },
) {
  assertSessionActor(ctx.actor);
  const token = `kefu_${randomToken(30)}`;
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return deps.database.db.transaction(async (tx) => {
    const row = await repo.insertToken(tx, {
      userId: ctx.actor.userId,
      name: input.name,
      prefix: token.slice(0, 12),
      tokenHash: sha256(token),
      expiresAt,
    });
    await recordAudit(tx, ctx, {
      action: 'auth.token_created',
      entityType: 'api_token',
      entityId: row.id,
      after: { name: row.name, prefix: row.prefix, expiresAt },
    });
    return { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, expiresAt, token };
  });
}

export async function revokeApiToken(deps: Deps, ctx: RequestContext & { actor: Actor }, tokenId: string) {
  assertSessionActor(ctx.actor);
  await deps.database.db.transaction(async (tx) => {
    const revoked = await repo.revokeToken(tx, ctx.actor.userId, tokenId);
    if (!revoked) throw new AppError('auth.token_not_found', 404);
    await recordAudit(tx, ctx, { action: 'auth.token_revoked', entityType: 'api_token', entityId: tokenId });
  });
}

export type { Locale };
