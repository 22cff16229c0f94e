import { recordEvent } from '../../../events/outbox.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { findCustomerInScope, touchCustomer } from '../archive/customers.repository.js';
import * as repo from './figures.repository.js';
import { auditCustomerView } from './read-audit.js';
import { insertTimelineEntries } from './timeline.repository.js';

type ActorCtx = RequestContext & { actor: Actor };

export type FiguresInput = {
  year: number;
  revenue?: number | null;
  orderCount?: number | null;
  paymentRecord?: 'on_time' | 'mostly_on_time' | 'late' | 'defaulted' | null;
  notes?: string | null;
};

async function requireCustomer(db: Parameters<typeof findCustomerInScope>[0], actor: Actor, customerId: string) {
  if (!(await findCustomerInScope(db, actor, customerId))) throw new AppError('customers.not_found', 404);
}

export async function getFigures(deps: Deps, ctx: ActorCtx, customerId: string, { audit = true } = {}) {
  const { db } = deps.database;
  await requireCustomer(db, ctx.actor, customerId);
  const items = await repo.listFigures(db, customerId);
  if (audit) await auditCustomerView(db, ctx, customerId, 'figures');
  return { items };
}

/**
 * Records the yearly business figures (revenue, order count, payment record, notes), one entry
 * per year: a given year is replaced whole, years not given stay. Audited, and on the timeline.
 */
export async function putFigures(deps: Deps, ctx: ActorCtx, customerId: string, items: FiguresInput[]) {
  const years = items.map((i) => i.year);
  const duplicate = years.findIndex((y, i) => years.indexOf(y) !== i);
  if (duplicate >= 0)
    throw new AppError('validation_failed', 400, {
      fields: [{ path: `items.${duplicate}.year`, message: 'duplicate year' }],
    });
  await deps.database.db.transaction(async (tx) => {
    await requireCustomer(tx, ctx.actor, customerId);
    const before = (await repo.listFigures(tx, customerId)).filter((f) => years.includes(f.year));
    await repo.upsertFigures(
      tx,
      items.map((i) => ({
        customerId,
        year: i.year,
        revenue: i.revenue == null ? null : i.revenue.toFixed(2),
        orderCount: i.orderCount ?? null,
        paymentRecord: i.paymentRecord ?? null,
        notes: i.notes ?? null,
      })),
    );
    await touchCustomer(tx, customerId);
    await insertTimelineEntries(tx, [
      {
        customerId,
        kind: 'change',
        title: 'customer.figures_updated',
        body: years.join(', '),
        actorId: ctx.actor.userId,
        before,
        after: items,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'customer.figures_updated',
      entityType: 'customer',
      entityId: customerId,
      before,
      after: items,
    });
    await recordEvent(tx, 'customer.updated', { customerId, fields: ['figures'] }, ctx.actor.userId);
  });
  // The answer to a write that is itself audited with what it wrote.
  return getFigures(deps, ctx, customerId, { audit: false });
}
