import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { assertNotMerged } from '../relations/merge.service.js';
import { getTicket } from './get-ticket.js';
import * as repo from './tickets.repository.js';
import { assertVersion, type Ctx, loadForWrite } from './tickets.rules.js';
import type { WaitingInput } from './tickets.schemas.js';

type WaitingOn = repo.TicketRow['waitingOn'];

/**
 * The ticket waits on the customer or a third party, or no longer waits: optimistic locking like
 * any edit, a `waiting` history row (what the SLA clocks pause on, rebuilt from history), the
 * `ticket.waiting_changed` event. Setting what is already set changes nothing.
 */
export async function setWaiting(deps: Deps, ctx: Ctx, id: string, input: WaitingInput) {
  await deps.database.db.transaction(async (tx) => {
    const { ticket } = await loadForWrite(tx, ctx.actor, id);
    await assertNotMerged(tx, ticket);
    assertVersion(ticket.version, input.version);
    if (ticket.waitingOn === input.waitingOn) return;
    const row = await repo.updateTicketVersioned(tx, id, input.version, { waitingOn: input.waitingOn });
    if (!row) assertVersion(-1, input.version);
    const before = { waitingOn: ticket.waitingOn };
    const after = { waitingOn: input.waitingOn };
    await repo.insertHistory(tx, [
      { ticketId: id, actorId: ctx.actor.userId, action: 'waiting', before, after, note: input.note || null },
    ]);
    await recordAudit(tx, ctx, { action: 'ticket.waiting_changed', entityType: 'ticket', entityId: id, before, after });
    await recordEvent(tx, 'ticket.waiting_changed', { ticketId: id, waitingOn: input.waitingOn }, ctx.actor.userId);
  });
  return getTicket(deps, ctx.actor, id);
}

/**
 * Ends a wait as a side effect (`note` says why: `auto` — the customer wrote —, or a resolution):
 * history row and event, no version check (the caller holds the row lock and writes it anyway).
 */
export async function clearWaiting(
  tx: DbOrTx,
  actorId: string | null,
  ticket: { id: string; waitingOn: WaitingOn },
  note: string,
  only?: NonNullable<WaitingOn>,
): Promise<boolean> {
  if (!ticket.waitingOn || (only && ticket.waitingOn !== only)) return false;
  await repo.insertHistory(tx, [
    {
      ticketId: ticket.id,
      actorId,
      action: 'waiting',
      before: { waitingOn: ticket.waitingOn },
      after: { waitingOn: null },
      note,
    },
  ]);
  await recordEvent(tx, 'ticket.waiting_changed', { ticketId: ticket.id, waitingOn: null }, actorId);
  return true;
}
