import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../lib/actor.js';
import { scopedUserIds } from '../../../lib/data-scope.js';
import { calls } from '../calls.tables.js';

/**
 * Which calls a reader sees (the one rule for call records, KPIs and trends):
 * - scope `all`: every call;
 * - scope `department` or `team`: calls answered by a Kefu user in their scope, and calls with no
 *   Kefu agent (unanswered calls, PBX agents not mapped yet) — the queue's calls belong to the floor,
 *   and a service level without its abandoned calls would be wrong;
 * - scope `own`: only the calls they answered themselves.
 * Applied inside the SQL of every query, never after it.
 */
export function callVisibleSql(actor: Actor): SQL {
  const ids = scopedUserIds(actor);
  if (!ids) return sql`TRUE`;
  if (actor.dataScope === 'own') return sql`${calls.agentUserId} = ${actor.userId}::uuid`;
  return sql`(${calls.agentUserId} IS NULL OR ${calls.agentUserId} IN (${ids}))`;
}
