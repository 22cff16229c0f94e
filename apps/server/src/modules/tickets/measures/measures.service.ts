import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Actor } from '../../../lib/actor.js';
import { AppError, badRequest, notFound } from '../../../lib/app-error.js';
import { dayIn } from '../../../lib/calendar-day.js';
import type { Deps } from '../../../lib/deps.js';
import type { PageQuery } from '../../../lib/pagination.js';
import { recordAudit } from '../../audit/index.js';
import { queueNotification } from '../../notifications/index.js';
import { findTicketInScope, findUsers, insertHistory } from '../core/tickets.repository.js';
import { type Ctx, loadForWrite } from '../core/tickets.rules.js';
import { assertNotMerged } from '../relations/merge.service.js';
import * as repo from './measures.repository.js';
import type { CreateMeasureInput, ListMeasuresQuery, Measure, UpdateMeasureInput } from './measures.schemas.js';

/** Today's date (YYYY-MM-DD) in the business time zone. */
export function businessToday(timeZone: string, at = new Date()): string {
  return dayIn(at, timeZone);
}

const OPEN = new Set(['open', 'in_progress']);

export function toMeasureDto(row: repo.MeasureListRow, today: string): Measure {
  const m = row.measure;
  return {
    id: m.id,
    ticketId: m.ticketId,
    ticketNumber: row.ticketNumber,
    ticketSubject: row.ticketSubject,
    title: m.title,
    owner: { id: m.ownerId, displayName: row.ownerName },
    dueDate: m.dueDate,
    status: m.status,
    doneNote: m.doneNote,
    doneAt: m.doneAt ? m.doneAt.toISOString() : null,
    overdue: OPEN.has(m.status) && m.dueDate < today,
    createdBy: m.createdBy ? { id: m.createdBy, displayName: row.creatorName ?? '' } : null,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

/**
 * An owner must be within the caller's scope (else 404, as if there were no such user), active and
 * allowed to work on tickets (to see the measure through).
 */
async function assertOwner(db: DbOrTx, actor: Actor, userId: string) {
  const [user] = await findUsers(db, actor, [userId]);
  if (!user) throw new AppError('users.not_found', 404, { fields: [{ path: 'ownerId', message: userId }] });
  if (!user.is_active || !user.permissions.includes('tickets.write')) {
    throw badRequest('tickets.measure_owner_not_eligible', { name: user.display_name }, [
      { path: 'ownerId', message: userId },
    ]);
  }
}

function assertDueDate(dueDate: string, today: string) {
  if (dueDate < today)
    throw badRequest('tickets.measure_due_in_past', { today }, [{ path: 'dueDate', message: dueDate }]);
}

/** Tells the owner in-app, in the caller's transaction (not when they gave it to themselves). */
async function notifyOwner(
  tx: DbOrTx,
  ctx: Ctx,
  measure: { id: string; title: string; ownerId: string; dueDate: string },
  ticket: { number: string; subject: string },
) {
  if (measure.ownerId === ctx.actor.userId) return;
  await queueNotification(tx, {
    channel: 'in_app',
    recipient: measure.ownerId,
    topic: 'measures.assigned',
    vars: { ticketNumber: ticket.number, title: measure.title, dueDate: measure.dueDate },
    content: {
      subject: { key: 'notice.measure.subject', params: { title: measure.title } },
      body: {
        key: 'notice.measure.body',
        params: {
          actor: ctx.actor.displayName,
          number: ticket.number,
          subject: ticket.subject,
          title: measure.title,
          dueDate: measure.dueDate,
        },
      },
    },
    ref: `improvement_measure:${measure.id}`,
  });
}

export async function listTicketMeasures(deps: Deps, actor: Actor, ticketId: string) {
  const { db } = deps.database;
  if (!(await findTicketInScope(db, actor, ticketId))) throw notFound('tickets.not_found');
  const today = businessToday(deps.config.timezone);
  const rows = await repo.listForTicket(db, ticketId);
  return { items: rows.map((r) => toMeasureDto(r, today)) };
}

export async function listMeasures(
  deps: Deps,
  actor: Actor,
  filter: Omit<ListMeasuresQuery, keyof PageQuery>,
  page: PageQuery,
) {
  const today = businessToday(deps.config.timezone);
  const { items, total } = await repo.listMeasures(deps.database.db, actor, filter, page, today);
  return { items: items.map((r) => toMeasureDto(r, today)), total, page: page.page, pageSize: page.pageSize };
}

/**
 * Improvement measures the actor may see (their own and those of tickets in scope) that are still
 * open or in progress after their due date (business time zone): the measures list's "overdue".
 */
export async function countOverdueMeasures(db: DbOrTx, actor: Actor, timeZone: string): Promise<number> {
  const { total } = await repo.listMeasures(
    db,
    actor,
    { overdue: true },
    { page: 1, pageSize: 1 },
    businessToday(timeZone),
  );
  return total;
}

/** Adds an improvement measure (整改措施) to a ticket; the owner is told in-app. */
export async function createMeasure(deps: Deps, ctx: Ctx, ticketId: string, input: CreateMeasureInput) {
  const today = businessToday(deps.config.timezone);
  const measure = await deps.database.db.transaction(async (tx) => {
    const { ticket } = await loadForWrite(tx, ctx.actor, ticketId);
    await assertNotMerged(tx, ticket);
    await assertOwner(tx, ctx.actor, input.ownerId);
    assertDueDate(input.dueDate, today);
    const row = await repo.insertMeasure(tx, { ticketId, ...input, createdBy: ctx.actor.userId });
    const after = {
      measureId: row.id,
      title: row.title,
      ownerId: row.ownerId,
      dueDate: row.dueDate,
      status: row.status,
    };
    await insertHistory(tx, [{ ticketId, actorId: ctx.actor.userId, action: 'measure_added', after }]);
    await recordAudit(tx, ctx, {
      action: 'improvement_measure.created',
      entityType: 'improvement_measure',
      entityId: row.id,
      after: { ticketId, ...after },
    });
    await notifyOwner(tx, ctx, row, ticket);
    await recordEvent(
      tx,
      'ticket.measure_updated',
      { ticketId, measureId: row.id, status: row.status },
      ctx.actor.userId,
    );
    return row;
  });
  return toMeasureDto((await repo.findMeasure(deps.database.db, measure.id)) as repo.MeasureListRow, today);
}

/**
 * Follows a measure up: title, owner (told in-app), due date, status. `done` needs a note of what
 * was done and stamps `doneAt`; leaving `done` clears it. The measure's owner and whoever may see
 * its ticket may change it.
 */
export async function updateMeasure(deps: Deps, ctx: Ctx, id: string, input: UpdateMeasureInput) {
  const today = businessToday(deps.config.timezone);
  await deps.database.db.transaction(async (tx) => {
    const found = await repo.findVisibleMeasure(tx, ctx.actor, id, { forUpdate: true });
    if (!found) throw notFound('tickets.measure_not_found');
    const current = found.measure;
    const patch: Partial<repo.MeasureInsert> = {};
    if (input.title !== undefined && input.title !== current.title) patch.title = input.title;
    if (input.ownerId !== undefined && input.ownerId !== current.ownerId) {
      await assertOwner(tx, ctx.actor, input.ownerId);
      patch.ownerId = input.ownerId;
    }
    if (input.dueDate !== undefined && input.dueDate !== current.dueDate) {
      assertDueDate(input.dueDate, today);
      patch.dueDate = input.dueDate;
    }
    const doneNote = input.doneNote === undefined ? current.doneNote : input.doneNote || null;
    if (doneNote !== current.doneNote) patch.doneNote = doneNote;
    if (input.status !== undefined && input.status !== current.status) {
      patch.status = input.status;
      if (input.status === 'done') {
        if (!doneNote) {
          throw new AppError('tickets.measure_done_note_required', 400, {
            fields: [{ path: 'doneNote', message: '' }],
          });
        }
        patch.doneAt = new Date();
      } else if (current.status === 'done') {
        patch.doneAt = null;
      }
    } else if (current.status === 'done' && !doneNote) {
      throw new AppError('tickets.measure_done_note_required', 400, { fields: [{ path: 'doneNote', message: '' }] });
    }
    if (Object.keys(patch).length === 0) return null;

    const row = await repo.updateMeasure(tx, id, patch);
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, current[k as keyof repo.MeasureRow] ?? null]));
    const after = Object.fromEntries(
      Object.entries(patch).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : (v ?? null)]),
    );
    await insertHistory(tx, [
      {
        ticketId: current.ticketId,
        actorId: ctx.actor.userId,
        action: 'measure_updated',
        before: { measureId: id, ...before },
        after: { measureId: id, ...after },
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'improvement_measure.updated',
      entityType: 'improvement_measure',
      entityId: id,
      before,
      after: { ticketId: current.ticketId, ...after },
    });
    if (patch.ownerId) {
      await notifyOwner(tx, ctx, row, { number: found.ticketNumber, subject: found.ticketSubject });
    }
    await recordEvent(
      tx,
      'ticket.measure_updated',
      { ticketId: row.ticketId, measureId: id, status: row.status },
      ctx.actor.userId,
    );
    return row;
  });
  return toMeasureDto((await repo.findMeasure(deps.database.db, id)) as repo.MeasureListRow, today);
}

export type SeedMeasureInput = {
  ticketId: string;
  title: string;
  ownerId: string;
  dueDate: string;
  status?: repo.MeasureRow['status'];
  doneNote?: string | null;
  doneAt?: Date | null;
  createdBy?: string | null;
};

/**
 * For the demo seed: adds a measure (in any status, e.g. done with its note) with the ticket's
 * history entry, but without audit, notification or event (no request, no listener yet).
 */
export async function seedImprovementMeasure(db: DbOrTx, input: SeedMeasureInput) {
  const status = input.status ?? 'open';
  const row = await repo.insertMeasure(db, {
    ticketId: input.ticketId,
    title: input.title,
    ownerId: input.ownerId,
    dueDate: input.dueDate,
    status,
    doneNote: input.doneNote ?? null,
    doneAt: status === 'done' ? (input.doneAt ?? new Date()) : null,
    createdBy: input.createdBy ?? null,
  });
  await insertHistory(db, [
    {
      ticketId: input.ticketId,
      actorId: input.createdBy ?? null,
      action: 'measure_added',
      after: { measureId: row.id, title: row.title, ownerId: row.ownerId, dueDate: row.dueDate, status: row.status },
    },
  ]);
  return row;
}
