import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { recordEvent } from '../../../events/outbox.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError, badRequest } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { findCustomerInScope } from '../archive/customers.repository.js';
import { customerMilestones, customerOrders, milestoneTypes } from '../customers.tables.js';
import { auditCustomerView } from './read-audit.js';
import { insertTimelineEntries } from './timeline.repository.js';

type ActorCtx = RequestContext & { actor: Actor };

export type MilestoneInput = { typeKey: string; date: string; orderId?: string | null; note?: string | null };

async function requireCustomer(db: DbOrTx, actor: Actor, customerId: string) {
  if (!(await findCustomerInScope(db, actor, customerId))) throw new AppError('customers.not_found', 404);
}

export async function listMilestones(deps: Deps, ctx: ActorCtx, customerId: string) {
  const { db } = deps.database;
  const { actor } = ctx;
  await requireCustomer(db, actor, customerId);
  const items = await db
    .select({
      id: customerMilestones.id,
      typeKey: customerMilestones.typeKey,
      typeName: actor.locale === 'en' ? milestoneTypes.nameEn : milestoneTypes.name,
      date: customerMilestones.date,
      orderId: customerMilestones.orderId,
      orderNo: customerOrders.orderNo,
      note: customerMilestones.note,
      createdAt: customerMilestones.createdAt,
    })
    .from(customerMilestones)
    .innerJoin(milestoneTypes, eq(milestoneTypes.key, customerMilestones.typeKey))
    .leftJoin(customerOrders, eq(customerOrders.id, customerMilestones.orderId))
    .where(eq(customerMilestones.customerId, customerId))
    .orderBy(asc(customerMilestones.date));
  await auditCustomerView(db, ctx, customerId, 'milestones');
  return { items: items.map((m) => ({ ...m, typeName: m.typeName ?? m.typeKey })) };
}

/**
 * Sets a milestone date (booking, shoot, delivery, installation …) for a customer or one of its
 * orders. The `customer.milestone_set` event is what the callback module schedules from.
 */
export async function setMilestone(deps: Deps, ctx: ActorCtx, customerId: string, input: MilestoneInput) {
  const row = await deps.database.db.transaction(async (tx) => {
    await requireCustomer(tx, ctx.actor, customerId);
    const [type] = await tx
      .select()
      .from(milestoneTypes)
      .where(and(eq(milestoneTypes.key, input.typeKey), eq(milestoneTypes.isActive, true)));
    if (!type)
      throw badRequest('customers.milestone_type_not_found', { key: input.typeKey }, [
        { path: 'typeKey', message: 'unknown' },
      ]);
    if (input.orderId) {
      const [order] = await tx
        .select({ id: customerOrders.id })
        .from(customerOrders)
        .where(and(eq(customerOrders.id, input.orderId), eq(customerOrders.customerId, customerId)));
      if (!order) throw badRequest('not_found', {}, [{ path: 'orderId', message: 'unknown order of this customer' }]);
    }
    const [inserted] = await tx
      .insert(customerMilestones)
      .values({
        customerId,
        typeKey: input.typeKey,
        date: input.date,
        orderId: input.orderId ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!inserted) throw new Error('insert milestone returned nothing');
    await insertTimelineEntries(tx, [
      {
        customerId,
        kind: 'milestone',
        title: type.name,
        body: input.note ?? null,
        actorId: ctx.actor.userId,
        after: { typeKey: input.typeKey, date: input.date, orderId: input.orderId ?? null },
        refType: 'milestone',
        refId: inserted.id,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'customer.milestone_set',
      entityType: 'customer',
      entityId: customerId,
      after: inserted,
    });
    await recordEvent(
      tx,
      'customer.milestone_set',
      {
        customerId,
        milestoneId: inserted.id,
        typeKey: inserted.typeKey,
        date: inserted.date,
        orderId: inserted.orderId,
      },
      ctx.actor.userId,
    );
    return inserted;
  });
  return row;
}

export async function removeMilestone(deps: Deps, ctx: ActorCtx, customerId: string, milestoneId: string) {
  await deps.database.db.transaction(async (tx) => {
    await requireCustomer(tx, ctx.actor, customerId);
    const [row] = await tx
      .delete(customerMilestones)
      .where(and(eq(customerMilestones.id, milestoneId), eq(customerMilestones.customerId, customerId)))
      .returning();
    if (!row) throw new AppError('customers.milestone_not_found', 404);
    await insertTimelineEntries(tx, [
      { customerId, kind: 'milestone', title: 'customer.milestone_removed', actorId: ctx.actor.userId, before: row },
    ]);
    await recordAudit(tx, ctx, {
      action: 'customer.milestone_removed',
      entityType: 'customer',
      entityId: customerId,
      before: row,
    });
    await recordEvent(
      tx,
      'customer.milestone_removed',
      { customerId, milestoneId, typeKey: row.typeKey },
      ctx.actor.userId,
    );
    return row;
  });
}

/**
 * Every milestone as the `customer.milestone_set` event carries it, in date order — for a seed that
 * schedules from milestones written before its module's listeners ran (the callbacks demo).
 */
export async function listAllMilestoneFacts(db: DbOrTx) {
  return db
    .select({
      milestoneId: customerMilestones.id,
      customerId: customerMilestones.customerId,
      typeKey: customerMilestones.typeKey,
      date: customerMilestones.date,
      orderId: customerMilestones.orderId,
    })
    .from(customerMilestones)
    .orderBy(asc(customerMilestones.date), asc(customerMilestones.id));
}

/** The keys of the active milestone types (a plan or a form that names one checks it against these). */
export async function activeMilestoneTypeKeys(db: DbOrTx): Promise<Set<string>> {
  const rows = await db
    .select({ key: milestoneTypes.key })
    .from(milestoneTypes)
    .where(eq(milestoneTypes.isActive, true));
  return new Set(rows.map((r) => r.key));
}
