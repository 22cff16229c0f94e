import type { Actor } from '../../../lib/actor.js';
import { notFound } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { findTicketInScope } from '../core/tickets.repository.js';
import { listAgents } from './agents.repository.js';
import type { AgentStatus } from './agents.schemas.js';
import type { Assignee } from './assignees.schemas.js';
import { type AutoStrategy, previewAssignee } from './tickets.assignment.js';

/** On shift before away before off: the order people are offered in (assign dialog, home page). */
export const AGENT_STATUS_RANK: Record<AgentStatus, number> = { on_shift: 0, away: 1, off: 2 };

/** On shift first (then away, then off), then the suggestion, then the lightest load, then by name. */
export function compareAssignees(a: Assignee, b: Assignee): number {
  return (
    AGENT_STATUS_RANK[a.status] - AGENT_STATUS_RANK[b.status] ||
    Number(b.suggested) - Number(a.suggested) ||
    a.load - b.load ||
    a.openTickets - b.openTickets ||
    a.displayName.localeCompare(b.displayName, 'zh-CN') ||
    a.userId.localeCompare(b.userId)
  );
}

/**
 * GET /tickets/:id/assignees — whom the caller may assign the ticket to, with what a supervisor
 * weighs: status, skills, open work, overdue work, and the automatic rule's pick now.
 * - the ticket must be in the caller's data scope (else 404 tickets.not_found);
 * - candidates are exactly those a manual assignment accepts (assertAssignable): active people
 *   allowed to work on tickets within the caller's data scope — the agents list (listAgents);
 * - `suggested` is what pickAssignee would choose (previewAssignee: the same statement, without
 *   the lock and the stamp), marked only when that person is among the candidates.
 */
export async function listAssignees(deps: Deps, actor: Actor, id: string, strategy: AutoStrategy) {
  const db = deps.database.db;
  const found = await findTicketInScope(db, actor, id);
  if (!found) throw notFound('tickets.not_found');
  const skill = found.typeSkill ?? null;
  const [agents, pick] = await Promise.all([
    listAgents(db, actor),
    previewAssignee(db, strategy, { departmentId: found.ticket.departmentId, skill }),
  ]);
  const items: Assignee[] = agents.map((row) => ({
    userId: row.user_id,
    displayName: row.display_name,
    departmentName: row.department_name,
    status: row.status,
    skills: row.skills,
    matchesSkill: skill === null || row.skills.includes(skill),
    openTickets: row.open_tickets,
    load: row.load,
    overdue: row.overdue,
    suggested: row.user_id === pick,
  }));
  return { skill, strategy, items: items.sort(compareAssignees) };
}
