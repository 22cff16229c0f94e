import type { Locale } from '@kefu/shared';
import { hashPassword } from '../../lib/passwords.js';
import type { DbOrTx } from '../client.js';
import { departments, users } from '../schema/index.js';

/** Factories shared by the demo seed and the tests: sensible defaults, any field overridable. */
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

let sequence = 0;

export async function createDepartment(db: DbOrTx, overrides: Partial<typeof departments.$inferInsert> = {}) {
  sequence += 1;
  const [row] = await db
    .insert(departments)
    .values({ name: `部门${sequence}`, ...overrides })
    .returning();
  if (!row) throw new Error('createDepartment failed');
  return row;
}

export type UserOverrides = Partial<Omit<typeof users.$inferInsert, 'passwordHash'>> & {
  password?: string;
  locale?: Locale;
};

export async function createUser(db: DbOrTx, overrides: UserOverrides = {}) {
  sequence += 1;
  const { password = 'Passw0rd!', ...values } = overrides;
  const [row] = await db
    .insert(users)
    .values({
      username: `user${sequence}_${Math.random().toString(36).slice(2, 8)}`,
      displayName: `用户${sequence}`,
      roleKey: 'agent',
      ...values,
      passwordHash: await cachedHash(password),
    })
    .returning();
  if (!row) throw new Error('createUser failed');
  return { ...row, password };
}
