import type { Permission } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { findDepartmentRow } from '../../departments/index.js';
import { toTicketDto } from '../core/get-ticket.js';
import { isUnfinished } from '../core/open-ticket.js';
import * as repo from '../core/tickets.repository.js';
import { assertAssignable, assertVersion, type Ctx, loadForWrite, noticeUsers } from '../core/tickets.rules.js';
import { assertNotMerged } from '../relations/merge.service.js';
import type { AssignInput, AssignStrategy } from './assignment.schemas.js';
import { pickAssignee, stampAssigned } from './tickets.assignment.js';

export type LoadedTicket = Awaited<ReturnType<typeof loadForWrite>>;

export type AssignmentOutcome = {
  row: repo.TicketRow;
  changed: boolean;
  previousAssigneeId: string | null;
};

const forbidden = (permission: Permission) => new AppError('forbidden', 403, { params: { permission } });

/**
 * What a strategy asks of the caller, checked before any ticket is touched: `take` needs
 * tickets.write (the route's own access), everything else tickets.assign; `manual` needs a name.
 */
export function requireAssignRights(actor: Actor, strategy: AssignStrategy, assigneeId: string | undefined) {
  if (strategy !== 'take' && !actor.permissions.has('tickets.assign')) throw forbidden('tickets.assign');
  if (strategy === 'manual' && !assigneeId) {
    throw badRequest('validation_failed', {}, [{ path: 'assigneeId', message: 'required with strategy "manual"' }]);
  }
}

async function departmentName(tx: DbOrTx, departmentId: string | null) {
  if (!departmentId) return undefined;
  return (await findDepartmentRow(tx, departmentId))?.name;
}

/**
 * Gives a ticket loaded `FOR UPDATE` (loadForWrite) its new assignee in the caller's transaction,
 * with a history entry and an audit entry. `version` is checked by the UPDATE (the single-ticket
 * API passes the client's version; bulk passes the current one: last writer wins there).
 * - take: only an unassigned ticket (or one already the caller's) unless the caller may assign;
 * - merged tickets (409 tickets.ticket_merged) and closed ones (409 tickets.transition_not_allowed)
 *   keep their assignee;
 * - the same assignee again changes nothing (no version bump, no event);
 * - the new assignee gets an in-app notice, as on creation.
 */
export async function applyAssignment(
  tx: DbOrTx,
  ctx: Ctx,
  { ticket, typeSkill }: LoadedTicket,
  strategy: AssignStrategy,
  assigneeId: string | undefined,
  version: number,
): Promise<AssignmentOutcome> {
  const previousAssigneeId = ticket.assigneeId;
  await assertNotMerged(tx, ticket);
  if (!isUnfinished(ticket.status)) {
    throw new AppError('tickets.transition_not_allowed', 409, { params: { from: ticket.status, action: 'assign' } });
  }
  let next: string | null;
  switch (strategy) {
    case 'unassign':
      next = null;
      break;
    case 'take':
      if (
        previousAssigneeId &&
        previousAssigneeId !== ctx.actor.userId &&
        !ctx.actor.permissions.has('tickets.assign')
      ) {
        throw forbidden('tickets.assign');
      }
      next = (await assertAssignable(tx, ctx.actor, ctx.actor.userId)).id;
      break;
    case 'manual':
      next = (await assertAssignable(tx, ctx.actor, assigneeId as string)).id;
      break;
    default:
      next = await pickAssignee(tx, strategy, { departmentId: ticket.departmentId, skill: typeSkill }).catch(
        async (error: unknown) => {
          // Name the department in the message (looked up only when nobody is available).
          if (!(error instanceof AppError) || error.code !== 'tickets.no_agent_available') throw error;
          const department = (await departmentName(tx, ticket.departmentId)) ?? '—';
          throw new AppError(error.code, error.status, { params: { department } });
        },
      );
  }
  if (next === previousAssigneeId) return { row: ticket, changed: false, previousAssigneeId };
  // Automatic strategies stamped their pick already; a person chosen by hand also takes a turn.
  if (next && (strategy === 'manual' || strategy === 'take')) await stampAssigned(tx, next);

  const row = await repo.updateTicketVersioned(tx, ticket.id, version, { assigneeId: next });
  if (!row) assertVersion(-1, version);
  // The new assignee is told in-app (not when they took it themselves).
  await noticeUsers(tx, ctx.actor.userId, [next], ticket, 'assigned');
  const before = { assigneeId: previousAssigneeId };
  const after = { assigneeId: next };
  await repo.insertHistory(tx, [
    { ticketId: ticket.id, actorId: ctx.actor.userId, action: 'assigned', before, after, note: strategy },
  ]);
  await recordAudit(tx, ctx, {
    action: 'ticket.assigned',
    entityType: 'ticket',
    entityId: ticket.id,
    before,
    after,
    details: { strategy },
  });
  await recordEvent(
    tx,
    'ticket.assigned',
    { ticketId: ticket.id, assigneeId: next, previousAssigneeId, strategy },
    ctx.actor.userId,
  );
  return { row: row as repo.TicketRow, changed: true, previousAssigneeId };
}

/**
 * POST /tickets/:id/assign — manual, round-robin, least-loaded, unassign or take, with optimistic
 * locking. The answer is the ticket as written, even when the new assignee takes it out of the
 * caller's data scope.
 */
export async function assignTicket(deps: Deps, ctx: Ctx, id: string, input: AssignInput) {
  requireAssignRights(ctx.actor, input.strategy, input.assigneeId);
  return deps.database.db.transaction(async (tx) => {
    const loaded = await loadForWrite(tx, ctx.actor, id);
    assertVersion(loaded.ticket.version, input.version);
    const outcome = await applyAssignment(tx, ctx, loaded, input.strategy, input.assigneeId, input.version);
    return toTicketDto(tx, ctx.actor, outcome.row, loaded.isComplaint);
  });
}
