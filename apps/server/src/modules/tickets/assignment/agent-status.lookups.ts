import { type SQL, sql } from 'drizzle-orm';
import { columnRef } from '../../../lib/sql-ref.js';
import { agentProfiles } from '../tickets.tables.js';

/**
 * An agent's availability (`on_shift` | `away` | `off`; `off` without a profile) as an expression
 * over a user id column of the caller's table: the callbacks module's "owner away" rule.
 */
export function agentStatusSql(userId: Parameters<typeof columnRef>[0]): SQL<string> {
  return sql<string>`coalesce((SELECT ${agentProfiles.status} FROM ${agentProfiles} WHERE ${agentProfiles.userId} = ${columnRef(userId)}), 'off')`;
}
