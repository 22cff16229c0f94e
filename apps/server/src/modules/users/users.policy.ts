import { DATA_SCOPES } from '@kefu/shared';
import { and, count, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/app-error.js';

type RoleRow = { key: string; name: string; permissions: string[]; dataScope: (typeof DATA_SCOPES)[number] };

/**
 * No escalation: whoever assigns a role must already hold every permission in it and a data scope
 * at least as wide. Otherwise `users.write` alone would let anyone make themselves administrator.
 */
export function assertCanGrant(actor: Actor, role: RoleRow): void {
  const missing = role.permissions.filter((p) => !actor.permissions.has(p as never));
  const wider = DATA_SCOPES.indexOf(role.dataScope) > DATA_SCOPES.indexOf(actor.dataScope);
  if (missing.length > 0 || wider) {
    throw new AppError('users.role_escalation', 403, {
      params: { role: role.name },
      fields: [
        { path: 'roleKey', message: `exceeds caller: ${[...missing, ...(wider ? [role.dataScope] : [])].join(', ')}` },
      ],
    });
  }
}

/** The last active administrator can be neither disabled nor given another role (no lock-out). */
export async function assertNotLastAdmin(db: DbOrTx, userId: string): Promise<void> {
  const [others] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.roleKey, 'admin'), eq(users.isActive, true), ne(users.id, userId)));
  if ((others?.n ?? 0) === 0) throw new AppError('users.last_admin', 409);
}
