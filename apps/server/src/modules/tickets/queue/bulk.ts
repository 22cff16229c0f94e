import { errorMessage, type Permission } from '@kefu/shared';
import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import type { AssignStrategy, BulkInput, BulkResult } from '../assignment/assignment.schemas.js';
import { applyAssignment, requireAssignRights } from '../assignment/assignment.service.js';
import * as repo from '../core/tickets.repository.js';
import { type Ctx, loadForWrite } from '../core/tickets.rules.js';
import { assertNotMerged } from '../relations/merge.service.js';
import { watchInTx } from '../relations/watchers.service.js';

/** The most tags a ticket keeps (as in TicketFieldsSchema). */
const MAX_TAGS = 20;

type Logger = { error(obj: unknown, msg?: string): void };

const required = (path: string) =>
  badRequest('validation_failed', {}, [{ path, message: 'required with this action' }]);

function requirePermission(ctx: Ctx, permission: Permission) {
  if (!ctx.actor.permissions.has(permission)) throw new AppError('forbidden', 403, { params: { permission } });
}

/** Checks the request as a whole before any ticket is touched (a 400 or 403 changes nothing). */
function validate(ctx: Ctx, input: BulkInput): AssignStrategy | null {
  switch (input.action) {
    case 'assign': {
      const strategy = input.strategy ?? 'manual';
      requireAssignRights(ctx.actor, strategy, input.assigneeId);
      return strategy;
    }
    case 'priority':
      requirePermission(ctx, 'tickets.write');
      if (!input.priority) throw required('priority');
      return null;
    case 'add_tag':
      requirePermission(ctx, 'tickets.write');
      if (!input.tag) throw required('tag');
      return null;
    case 'watch':
      return null;
  }
}

/** A plain field change without the version check, recorded like any edit. */
async function setField(
  tx: DbOrTx,
  ctx: Ctx,
  ticket: repo.TicketRow,
  field: 'priority' | 'tags',
  value: repo.TicketRow['priority'] | string[],
): Promise<void> {
  const before = { [field]: ticket[field] };
  const after = { [field]: value };
  // The row is locked (loadForWrite): its current version cannot be stale. The bump makes an
  // editor who read the ticket earlier reload before saving over this change.
  await repo.updateTicketVersioned(tx, ticket.id, ticket.version, { [field]: value });
  await repo.insertHistory(tx, [
    { ticketId: ticket.id, actorId: ctx.actor.userId, action: 'updated', before, after, note: 'bulk' },
  ]);
  await recordAudit(tx, ctx, {
    action: 'ticket.updated',
    entityType: 'ticket',
    entityId: ticket.id,
    before,
    after,
    details: { bulk: true },
  });
}

async function applyOne(
  tx: DbOrTx,
  ctx: Ctx,
  id: string,
  input: BulkInput,
  strategy: AssignStrategy | null,
): Promise<void> {
  const recordUpdated = async (fields: string[]) => {
    await recordEvent(tx, 'ticket.updated', { ticketId: id, fields }, ctx.actor.userId);
  };
  switch (input.action) {
    case 'assign': {
      const loaded = await loadForWrite(tx, ctx.actor, id);
      const s = strategy as AssignStrategy;
      // Records `ticket.assigned` when the assignee changed.
      await applyAssignment(tx, ctx, loaded, s, input.assigneeId, loaded.ticket.version);
      return;
    }
    case 'priority': {
      const { ticket } = await loadForWrite(tx, ctx.actor, id);
      await assertNotMerged(tx, ticket);
      const priority = input.priority as repo.TicketRow['priority'];
      if (ticket.priority === priority) return;
      await setField(tx, ctx, ticket, 'priority', priority);
      return recordUpdated(['priority']);
    }
    case 'add_tag': {
      const { ticket } = await loadForWrite(tx, ctx.actor, id);
      await assertNotMerged(tx, ticket);
      const tag = input.tag as string;
      if (ticket.tags.includes(tag)) return;
      if (ticket.tags.length >= MAX_TAGS) {
        throw badRequest('validation_failed', {}, [{ path: 'tag', message: `at most ${MAX_TAGS} tags` }]);
      }
      await setField(tx, ctx, ticket, 'tags', [...ticket.tags, tag]);
      return recordUpdated(['tags']);
    }
    case 'watch':
      // Records `ticket.updated` (watchers) when it added one.
      await watchInTx(tx, ctx, id, ctx.actor.userId);
      return;
  }
}

/**
 * POST /tickets/bulk — one action over up to 200 tickets. Each ticket is changed in its own
 * transaction, so a failure on one (out of scope → tickets.not_found, no agent available, a closed
 * ticket…) leaves the others done; the answer lists every id with its outcome. No versions: for
 * these fields the last writer wins, and every change is in the ticket's history.
 */
export async function bulkTickets(deps: Deps, ctx: Ctx, input: BulkInput, log?: Logger): Promise<BulkResult> {
  const strategy = validate(ctx, input);
  const results: BulkResult['results'] = [];
  for (const id of new Set(input.ids)) {
    try {
      await deps.database.db.transaction((tx) => applyOne(tx, ctx, id, input, strategy));
      results.push({ id, ok: true, code: null, message: null });
    } catch (error) {
      if (!(error instanceof AppError)) log?.error({ err: error, ticketId: id }, 'bulk ticket action failed');
      const code = error instanceof AppError ? error.code : 'internal';
      const params = error instanceof AppError ? error.params : {};
      results.push({ id, ok: false, code, message: errorMessage(code, ctx.locale, params) });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
