import { DEFAULT_ROLES } from '@kefu/shared';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../lib/passwords.js';
import { randomToken } from '../../lib/tokens.js';
import type { DbOrTx } from '../client.js';
import { roles, seedRuns, users } from '../schema/index.js';

/** Inserts the built-in roles that are missing; never overwrites an administrator's edits. */
export async function ensureRoles(db: DbOrTx): Promise<void> {
  await db
    .insert(roles)
    .values(
      DEFAULT_ROLES.map((role) => ({
        key: role.key,
        name: role.name['zh-CN'],
        nameEn: role.name.en,
        permissions: role.permissions,
        dataScope: role.dataScope,
        isSystem: true,
      })),
    )
    .onConflictDoNothing();
}

/**
 * Creates the initial administrator `admin` when it does not exist yet, with the configured
 * password or a generated one, which is returned so that it can be printed once.
 */
export async function ensureAdmin(
  db: DbOrTx,
  configuredPassword: string | undefined,
): Promise<{ created: boolean; generatedPassword?: string }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin')).limit(1);
  if (existing) return { created: false };
  const generatedPassword = configuredPassword ? undefined : `${randomToken(9)}9a`;
  const password = configuredPassword ?? (generatedPassword as string);
  await db.insert(users).values({
    username: 'admin',
    displayName: '系统管理员',
    passwordHash: await hashPassword(password),
    roleKey: 'admin',
    locale: 'zh-CN',
  });
  return { created: true, generatedPassword };
}

/** Runs `seed` once per database: the marker row commits with the seeded data. */
export async function runSeedOnce(db: DbOrTx, name: string, seed: (db: DbOrTx) => Promise<void>): Promise<boolean> {
  const claimed = await db.insert(seedRuns).values({ name }).onConflictDoNothing().returning();
  if (claimed.length === 0) return false;
  await seed(db);
  return true;
}
