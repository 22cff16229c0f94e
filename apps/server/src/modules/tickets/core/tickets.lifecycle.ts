import type { Permission } from '@kefu/shared';
import type { TICKET_STATUSES } from '../tickets.tables.js';

export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * The ticket state machine (seed 003): every action names the states it starts from, the state it
 * leads to and the permission it needs. Complaints add guards of their own (tickets.protocol.ts);
 * `merged` is reached only through a merge.
 *
 *   received ─classify→ classified ─start→ investigating ─resolve→ resolved ─feedback→ feedback ─close→ closed
 *   received/classified ─resolve→ resolved (first-contact resolution from `received`)
 *   resolved/feedback ─reopen→ investigating;  closed ─reopen→ investigating (supervisor)
 *   resolved ─close→ closed (not for complaints: they need the customer's feedback first)
 */
export const TICKET_ACTIONS = ['classify', 'start', 'resolve', 'feedback', 'close', 'reopen'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

type Move = { from: readonly TicketStatus[]; to: TicketStatus; permission: Permission };

const MOVES: Record<TicketAction, Move[]> = {
  classify: [{ from: ['received'], to: 'classified', permission: 'tickets.write' }],
  start: [{ from: ['received', 'classified'], to: 'investigating', permission: 'tickets.write' }],
  resolve: [{ from: ['received', 'classified', 'investigating'], to: 'resolved', permission: 'tickets.write' }],
  feedback: [{ from: ['resolved'], to: 'feedback', permission: 'tickets.write' }],
  close: [{ from: ['resolved', 'feedback'], to: 'closed', permission: 'tickets.write' }],
  reopen: [
    { from: ['resolved', 'feedback'], to: 'investigating', permission: 'tickets.write' },
    { from: ['closed'], to: 'investigating', permission: 'tickets.supervise' },
  ],
};

// Open and final statuses: open-ticket.ts (the one definition of an open ticket).
export { FINAL_STATUSES, OPEN_STATUSES } from './open-ticket.js';

export type PlannedMove =
  | { ok: true; to: TicketStatus; permission: Permission }
  | { ok: false; reason: 'not_allowed' }
  | { ok: false; reason: 'forbidden'; permission: Permission };

/**
 * Where `action` leads from `from`, or why it cannot be taken. Closing a complaint needs
 * `tickets.supervise` on top of the move's own permission.
 */
export function planMove(
  from: TicketStatus,
  action: TicketAction,
  permissions: ReadonlySet<Permission>,
  isComplaint: boolean,
): PlannedMove {
  const move = MOVES[action].find((m) => m.from.includes(from));
  if (!move) return { ok: false, reason: 'not_allowed' };
  if (isComplaint && action === 'close' && from === 'resolved') return { ok: false, reason: 'not_allowed' };
  const permission: Permission = isComplaint && action === 'close' ? 'tickets.supervise' : move.permission;
  if (!permissions.has(permission)) return { ok: false, reason: 'forbidden', permission };
  return { ok: true, to: move.to, permission };
}

/** The actions open from `status` for a caller with `permissions` (the web shows these buttons). */
export function availableActions(
  status: TicketStatus,
  permissions: ReadonlySet<Permission>,
  isComplaint: boolean,
): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => planMove(status, action, permissions, isComplaint).ok);
}
