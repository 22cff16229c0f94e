import { recordEvent } from '../../../events/outbox.js';
import type { Actor } from '../../../lib/actor.js';
import { notFound } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import type { Ctx } from '../core/tickets.rules.js';
import * as repo from './agents.repository.js';
import type { Agent, AgentFilter, AgentStatus, UpdateAgentInput } from './agents.schemas.js';

export const toAgent = (row: repo.AgentRow): Agent => ({
  userId: row.user_id,
  username: row.username,
  displayName: row.display_name,
  roleKey: row.role_key,
  departmentId: row.department_id,
  departmentName: row.department_name,
  status: row.status,
  skills: row.skills,
  openTickets: row.open_tickets,
  load: row.load,
  overdue: row.overdue,
  lastAssignedAt: row.last_assigned_at ? new Date(row.last_assigned_at).toISOString() : null,
});

/** GET /agents — who can work on tickets in the caller's scope, with availability and load. */
export async function listAgents(deps: Deps, actor: Actor, filter: AgentFilter) {
  const rows = await repo.listAgents(deps.database.db, actor, filter);
  return { items: rows.map(toAgent) };
}

/**
 * Changes an agent's availability and/or skills. The agent must be in the caller's data scope
 * (else 404, as for any record out of scope). Audited; a status change is announced
 * (`agent.status_changed`) so that open agent lists and assignment dialogs refresh.
 */
export async function updateAgent(deps: Deps, ctx: Ctx, userId: string, input: UpdateAgentInput) {
  const patch: { status?: AgentStatus; skills?: string[] } = {};
  if (input.status) patch.status = input.status;
  if (input.skills) patch.skills = [...new Set(input.skills)];
  return deps.database.db.transaction(async (tx) => {
    const [target] = await repo.listAgents(tx, ctx.actor, { userId });
    if (!target) throw notFound('users.not_found');
    const profile = await repo.lockProfile(tx, userId);
    const before = { status: profile?.status ?? 'off', skills: profile?.skills ?? [] };
    const saved = await repo.upsertProfile(tx, userId, patch);
    const after = { status: saved.status, skills: saved.skills };
    await recordAudit(tx, ctx, {
      action: input.skills ? 'agent.updated' : 'agent.status_changed',
      entityType: 'agent',
      entityId: userId,
      before,
      after,
    });
    if (before.status !== after.status) {
      await recordEvent(tx, 'agent.status_changed', { userId, status: after.status }, ctx.actor.userId);
    }
    const [row] = await repo.listAgents(tx, ctx.actor, { userId });
    return toAgent(row as repo.AgentRow);
  });
}

/** PUT /agents/me/status — any agent goes on shift, away or off. */
export async function setMyStatus(deps: Deps, ctx: Ctx, status: AgentStatus) {
  return updateAgent(deps, ctx, ctx.actor.userId, { status });
}
