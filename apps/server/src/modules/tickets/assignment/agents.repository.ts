import { eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { inScope } from '../../../lib/data-scope.js';
import { departmentNameSql } from '../../departments/index.js';
import { usersWithPermissionSql } from '../../users/index.js';
import { openTicketSql, overdueTicketSql } from '../core/open-ticket.js';
import { agentProfiles } from '../tickets.tables.js';
import type { AgentFilter, AgentStatus } from './agents.schemas.js';
import { PRIORITY_WEIGHTS } from './tickets.assignment.js';

export type AgentRow = {
  user_id: string;
  username: string;
  display_name: string;
  role_key: string;
  department_id: string | null;
  department_name: string | null;
  status: AgentStatus;
  skills: string[];
  open_tickets: number;
  load: number;
  overdue: number;
  last_assigned_at: string | null;
};

/**
 * The people who can work on tickets (active, role with tickets.write) within the actor's data
 * scope, with their availability, skills and open work — counted and weighted by priority the way
 * least-loaded assignment weighs it, and how many of them are overdue (overdueTicketSql). Users
 * without a profile row are `off` with no skills.
 */
export async function listAgents(db: DbOrTx, actor: Actor, filter: AgentFilter = {}): Promise<AgentRow[]> {
  const where: SQL[] = [sql`u.is_active`, inScope(sql`u.id`, actor)];
  if (filter.userId) where.push(sql`u.id = ${filter.userId}::uuid`);
  if (filter.departmentId) where.push(sql`u.department_id = ${filter.departmentId}::uuid`);
  if (filter.status) where.push(sql`coalesce(ap.status, 'off') = ${filter.status}`);
  if (filter.skill) where.push(sql`${filter.skill}::text = ANY(ap.skills)`);
  const result = await db.execute<AgentRow>(sql`SELECT u.id AS user_id, u.username, u.display_name, u.role_key,
      u.department_id, ${departmentNameSql(sql`u.department_id`)} AS department_name, coalesce(ap.status, 'off') AS status,
      coalesce(ap.skills, '{}'::text[]) AS skills, ap.last_assigned_at::text AS last_assigned_at,
      coalesce(w.open_tickets, 0)::int AS open_tickets, coalesce(w.load, 0)::float8 AS load,
      coalesce(w.overdue, 0)::int AS overdue
    FROM ${usersWithPermissionSql('tickets.write')} u
    LEFT JOIN agent_profiles ap ON ap.user_id = u.id
    LEFT JOIN LATERAL (
      SELECT count(*) AS open_tickets,
        sum(CASE t.priority WHEN 'urgent' THEN ${PRIORITY_WEIGHTS.urgent}::numeric WHEN 'high' THEN ${PRIORITY_WEIGHTS.high}::numeric
          WHEN 'normal' THEN ${PRIORITY_WEIGHTS.normal}::numeric ELSE ${PRIORITY_WEIGHTS.low}::numeric END) AS load,
        count(*) FILTER (WHERE ${overdueTicketSql({
          status: sql.raw('t.status'),
          nextReplyAt: sql.raw('t.next_reply_at'),
          slaState: sql.raw('t.sla_state'),
        })}) AS overdue
      FROM tickets t WHERE t.assignee_id = u.id AND ${openTicketSql(sql.raw('t.status'))}
    ) w ON TRUE
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY department_name NULLS LAST, u.display_name, u.id`);
  return result.rows.map((row) => ({
    ...row,
    open_tickets: Number(row.open_tickets),
    load: Number(row.load),
    overdue: Number(row.overdue),
  }));
}

/** Locks the agent's profile row (when there is one) for a read-modify-write. */
export async function lockProfile(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(agentProfiles).where(eq(agentProfiles.userId, userId)).for('update');
  return row;
}

/** Creates or changes the profile; fields left out keep their value (a new profile starts `off`, no skills). */
export async function upsertProfile(db: DbOrTx, userId: string, patch: { status?: AgentStatus; skills?: string[] }) {
  const [row] = await db
    .insert(agentProfiles)
    .values({ userId, ...patch, updatedAt: sql`now()` })
    .onConflictDoUpdate({ target: agentProfiles.userId, set: { ...patch, updatedAt: sql`now()` } })
    .returning();
  return row as typeof agentProfiles.$inferSelect;
}
