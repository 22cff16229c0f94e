import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { inScope } from '../../lib/data-scope.js';
import { users } from './users.tables.js';

// The user rows the auth module reads and writes at sign-in, lockout and password change.

export async function findUserByUsername(db: DbOrTx, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return row;
}

/** A user the actor may see (data scope in the query), or nothing. */
export async function findUserInScope(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.id, id), inScope(users.id, actor)))
    .limit(1);
  return row;
}

export async function findUserById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function updateLoginState(
  db: DbOrTx,
  userId: string,
  values: Partial<Pick<typeof users.$inferInsert, 'failedLogins' | 'lockedUntil' | 'lastLoginAt'>>,
) {
  await db.update(users).set(values).where(eq(users.id, userId));
}

export async function updatePasswordHash(db: DbOrTx, userId: string, passwordHash: string) {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date(), failedLogins: 0, lockedUntil: null })
    .where(eq(users.id, userId));
}
