import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { agentStatusSql } from '../../tickets/index.js';
import { usersWithPermissionSql } from '../../users/index.js';
import { callbackOwners, callbacks } from '../callbacks.tables.js';

/**
 * Distribution (docs/callbacks.md, "Distribution"): the callback specialists are the active users
 * of role `callback_specialist` (who hold `callbacks.work`), of the plan's department when it has
 * one. Each customer has one owner (`callback_owners`) who gets every callback of the customer's
 * series; a customer without an owner among the specialists gets one, new owners taken round-robin
 * in order of current load (customers dealt in the last 90 days; fewest first, then by id), so a
 * round is spread within ±1. Specialists whose agent status is `away` get no new customers; a
 * callback due today or earlier whose owner is away goes to a substitute on duty (the same one
 * for every callback of the customer), the owner stays the owner.
 */

export type Team = {
  /** On duty (not away), by id: substitutes, and the specialists dealt new customers. */
  onDuty: string[];
  /** Away: their due callbacks go to a substitute. */
  away: string[];
  /** Every specialist who may own a customer's series. */
  eligible: string[];
};

export const CALLBACK_SPECIALIST_ROLE = 'callback_specialist';
/** The load that decides who is dealt the next new customer: customers dealt to them in this many days. */
export const LOAD_WINDOW_DAYS = 90;

export async function loadTeam(db: DbOrTx, departmentId: string | null): Promise<Team> {
  const result = await db.execute<{ id: string; status: string }>(sql`
    SELECT u.id, ${agentStatusSql(sql`u.id`)} AS status
    FROM ${usersWithPermissionSql('callbacks.work')} u
    WHERE u.is_active AND u.role_key = ${CALLBACK_SPECIALIST_ROLE}
      ${departmentId ? sql`AND u.department_id = ${departmentId}` : sql``}
    ORDER BY u.id`);
  const rows = result.rows;
  return {
    onDuty: rows.filter((r) => r.status !== 'away').map((r) => r.id),
    away: rows.filter((r) => r.status === 'away').map((r) => r.id),
    eligible: rows.map((r) => r.id),
  };
}

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** Whether the customer already has an owner among the team (the common case: no dealing needed). */
export async function hasOwner(db: DbOrTx, team: Team, customerId: string): Promise<boolean> {
  if (team.eligible.length === 0) return true;
  const result = await db.execute(sql`SELECT 1 FROM ${callbackOwners}
    WHERE customer_id = ${customerId} AND user_id = ANY(${uuidArray(team.eligible)})`);
  return result.rows.length > 0;
}

/**
 * Gives an owner to every customer of `customerIds` (a subquery of one column `customer_id`) who
 * has none among the eligible specialists: the specialists on duty (everybody away: all of them)
 * ranked by load — customers dealt to them in the last LOAD_WINDOW_DAYS days, fewest first, then
 * by id — and the new customers dealt round-robin in that order. One statement, whatever the
 * number of customers.
 */
export async function ensureOwners(db: DbOrTx, team: Team, customerIds: SQL): Promise<number> {
  const dealers = team.onDuty.length > 0 ? team.onDuty : team.eligible;
  if (dealers.length === 0) return 0;
  const result = await db.execute(sql`
    WITH orphans AS (
      SELECT DISTINCT c.customer_id FROM ${customerIds} c
      WHERE NOT EXISTS (SELECT 1 FROM ${callbackOwners} o
        WHERE o.customer_id = c.customer_id AND o.user_id = ANY(${uuidArray(team.eligible)}))
    ), ranked AS (
      SELECT s.id, row_number() OVER (ORDER BY (SELECT count(*) FROM ${callbackOwners} o
          WHERE o.user_id = s.id AND o.assigned_at > now() - ${LOAD_WINDOW_DAYS} * interval '1 day'), s.id) AS k
      FROM unnest(${uuidArray(dealers)}) AS s(id)
    ), dealt AS (
      SELECT customer_id, ((row_number() OVER (ORDER BY customer_id) - 1) % ${dealers.length}) + 1 AS k FROM orphans
    )
    INSERT INTO ${callbackOwners} (customer_id, user_id)
    SELECT d.customer_id, r.id FROM dealt d JOIN ranked r ON r.k = d.k
    ON CONFLICT (customer_id) DO UPDATE SET user_id = excluded.user_id, assigned_at = now()`);
  return (result as { rowCount?: number }).rowCount ?? 0;
}

/**
 * The assignee of a new callback, as an expression over the owner, customer id and due date
 * columns of the caller's statement (which joins `callback_owners`): the owner, or a substitute on
 * duty while the owner is away and the callback is due (today or earlier); null (the pool) without
 * an owner.
 */
export function assigneeSql(team: Team, owner: SQL, customerId: SQL, dueDate: SQL, today: string): SQL {
  const onDuty = team.onDuty;
  if (team.away.length === 0 || onDuty.length === 0) return owner;
  const substitute = sql`(${uuidArray(onDuty)})[(abs(hashtext(${customerId}::text)) % ${onDuty.length}) + 1]`;
  return sql`(CASE WHEN ${owner} = ANY(${uuidArray(team.away)}) AND ${dueDate} <= ${today}::date
    THEN ${substitute} ELSE ${owner} END)`;
}

/**
 * An owner went away: their pending callbacks due today or earlier go to substitutes on duty; an
 * owner back on duty gets back the pending callbacks of their customers held by substitutes.
 */
export async function reassignForStatus(db: DbOrTx, userId: string, status: string, today: string) {
  if (status === 'away') {
    const team = await loadTeam(db, null);
    const onDuty = team.onDuty.filter((id) => id !== userId);
    if (onDuty.length === 0) return [];
    const result = await db.execute<{ assignee_id: string; n: string | number }>(sql`
      WITH moved AS (
        UPDATE ${callbacks} b
        SET assignee_id = (${uuidArray(onDuty)})[(abs(hashtext(b.customer_id::text)) % ${onDuty.length}) + 1],
            assigned_at = now(), updated_at = now(), version = b.version + 1
        WHERE b.assignee_id = ${userId} AND b.status = 'pending' AND b.due_date <= ${today}::date
        RETURNING b.assignee_id)
      SELECT assignee_id, count(*) AS n FROM moved GROUP BY assignee_id`);
    return result.rows.map((r) => ({ assigneeId: r.assignee_id, count: Number(r.n) }));
  }
  const result = await db.execute<{ n: string | number }>(sql`
    WITH back AS (
      UPDATE ${callbacks} b SET assignee_id = o.user_id, assigned_at = now(), updated_at = now(), version = b.version + 1
      FROM ${callbackOwners} o
      WHERE o.customer_id = b.customer_id AND o.user_id = ${userId} AND b.status = 'pending'
        AND b.assignee_id IS NOT NULL AND b.assignee_id <> ${userId}
      RETURNING b.id)
    SELECT count(*) AS n FROM back`);
  const count = Number(result.rows[0]?.n ?? 0);
  return count > 0 ? [{ assigneeId: userId, count }] : [];
}
