import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { AppError } from '../../../lib/app-error.js';
import { usersWithPermissionSql } from '../../users/index.js';
import { openTicketSql } from '../core/open-ticket.js';

export type AutoStrategy = 'round_robin' | 'least_loaded';

/** Open tickets weigh by priority when "least loaded" compares agents. */
export const PRIORITY_WEIGHTS = { urgent: 4, high: 2, normal: 1, low: 0.5 } as const;

type Target = { departmentId: string | null; skill: string | null };

/**
 * The automatic rule, as one statement: among those who may take the ticket — active, allowed to
 * work on tickets, on shift (agent_profiles.status), in the responsible department when there is
 * one, and with the skill the ticket type asks for —
 * - round_robin: the eligible agent assigned longest ago (never assigned first), so over N
 *   tickets every agent gets N / agents ± 1;
 * - least_loaded: the fewest open tickets weighted by priority (PRIORITY_WEIGHTS), ties to the one
 *   assigned longest ago.
 */
function autoPickSql(strategy: AutoStrategy, { departmentId, skill }: Target) {
  const eligible = sql`ap.status = 'on_shift' AND u.is_active
    AND (${departmentId}::uuid IS NULL OR u.department_id = ${departmentId}::uuid)
    AND (${skill}::text IS NULL OR ${skill}::text = ANY(ap.skills))`;
  const load = sql`(SELECT coalesce(sum(CASE t.priority WHEN 'urgent' THEN ${PRIORITY_WEIGHTS.urgent}::numeric
      WHEN 'high' THEN ${PRIORITY_WEIGHTS.high}::numeric WHEN 'normal' THEN ${PRIORITY_WEIGHTS.normal}::numeric
      ELSE ${PRIORITY_WEIGHTS.low}::numeric END), 0)
    FROM tickets t WHERE t.assignee_id = u.id AND ${openTicketSql(sql.raw('t.status'))})`;
  const order =
    strategy === 'least_loaded'
      ? sql`${load}, ap.last_assigned_at ASC NULLS FIRST, u.id`
      : sql`ap.last_assigned_at ASC NULLS FIRST, u.id`;
  return sql`SELECT ap.user_id FROM agent_profiles ap
      JOIN ${usersWithPermissionSql('tickets.write')} u ON u.id = ap.user_id
      WHERE ${eligible} ORDER BY ${order} LIMIT 1`;
}

/**
 * Picks the agent for a new or re-assigned ticket by the automatic rule (autoPickSql). The chosen
 * profile row is locked (`FOR UPDATE SKIP LOCKED`: concurrent assignments take the next agent
 * instead of waiting) and stamped, in the caller's transaction.
 */
export async function pickAssignee(
  tx: DbOrTx,
  strategy: AutoStrategy,
  { departmentId, skill, departmentName }: Target & { departmentName?: string },
): Promise<string> {
  const result = await tx.execute<{ user_id: string }>(
    sql`${autoPickSql(strategy, { departmentId, skill })} FOR UPDATE OF ap SKIP LOCKED`,
  );
  const chosen = result.rows[0]?.user_id;
  if (!chosen) {
    throw new AppError('tickets.no_agent_available', 409, { params: { department: departmentName ?? '—' } });
  }
  await stampAssigned(tx, chosen);
  return chosen;
}

/**
 * Whom pickAssignee would choose now (the same statement), without locking or stamping anyone:
 * the assign dialog's suggestion. Null when nobody is eligible.
 */
export async function previewAssignee(db: DbOrTx, strategy: AutoStrategy, target: Target): Promise<string | null> {
  const result = await db.execute<{ user_id: string }>(autoPickSql(strategy, target));
  return result.rows[0]?.user_id ?? null;
}

/** Records that `userId` just received a ticket (round-robin turns), creating the profile if needed. */
export async function stampAssigned(tx: DbOrTx, userId: string) {
  await tx.execute(sql`INSERT INTO agent_profiles (user_id, last_assigned_at) VALUES (${userId}::uuid, clock_timestamp())
    ON CONFLICT (user_id) DO UPDATE SET last_assigned_at = clock_timestamp()`);
}
