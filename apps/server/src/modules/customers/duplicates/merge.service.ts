import { eq, sql } from 'drizzle-orm';
import { recordEvent } from '../../../events/outbox.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { type CustomerInsert, type CustomerRow, findCustomerInScope } from '../archive/customers.repository.js';
import { assertEnoughStaff } from '../archive/customers.rules.js';
import { getCustomer } from '../archive/get-customer.js';
import { customers } from '../customers.tables.js';
import { customerGradeHistory } from '../grading/grading.tables.js';
import { auditCustomerView } from '../records/read-audit.js';
import { insertTimelineEntries, moveTimeline } from '../records/timeline.repository.js';
import { findDuplicates } from './duplicates.js';
import * as repo from './merge.repository.js';

type ActorCtx = RequestContext & { actor: Actor };

/**
 * Possible duplicates of a customer (same phone, same e-mail, similar name): those in the caller's
 * scope named, the others (same phone or e-mail only) without identity, with whom to ask. Audited.
 */
export async function listDuplicates(deps: Deps, ctx: ActorCtx, id: string) {
  const { db } = deps.database;
  const found = await findCustomerInScope(db, ctx.actor, id);
  if (!found) throw new AppError('customers.not_found', 404);
  const { name, phone, email } = found.customer;
  const { visible, elsewhere } = await findDuplicates(db, ctx.actor, { name, phone, email }, id);
  await auditCustomerView(db, ctx, id, 'duplicates', { shown: visible.map((c) => c.id), elsewhere: elsewhere.length });
  return { items: visible, elsewhere };
}

/** Fields the target takes from the source when its own are empty. */
const FILLABLE = [
  'legalRepresentative',
  'address',
  'postalCode',
  'phone',
  'phoneNormalized',
  'fax',
  'email',
  'wechat',
  'region',
  'businessScope',
  'registeredCapital',
  'birthday',
  'categoryKey',
  'grade',
  'ownerId',
  'notes',
] as const satisfies readonly (keyof CustomerRow)[];

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** The target's changes: empty fields and empty custom fields filled from the source; key if either was. */
export function filledFrom(target: CustomerRow, source: CustomerRow): Partial<CustomerInsert> {
  const fill: Record<string, unknown> = {};
  for (const field of FILLABLE) {
    if (isEmpty(target[field]) && !isEmpty(source[field])) fill[field] = source[field];
  }
  // The phone and its digits travel together.
  if ('phone' in fill) fill.phoneNormalized = source.phoneNormalized;
  else delete fill.phoneNormalized;
  const custom = { ...target.customFields };
  let customChanged = false;
  for (const [key, value] of Object.entries(source.customFields)) {
    if (isEmpty(custom[key]) && !isEmpty(value)) {
      custom[key] = value;
      customChanged = true;
    }
  }
  if (customChanged) fill.customFields = custom;
  if (source.isKey && !target.isKey) fill.isKey = true;
  return fill as Partial<CustomerInsert>;
}

/**
 * Merges `sourceId` into `targetId` in one transaction: contacts, staff (each user once), the
 * whole timeline, milestones, orders, evaluations and grade history move to the target, and the
 * yearly figures of years the target lacks; the target's empty fields are filled from the source.
 * The source stays as a row with `merged_into_id` (so references and the audit trail resolve) but
 * disappears from every list and read. Both customers must be within the caller's scope.
 */
export async function mergeCustomers(deps: Deps, ctx: ActorCtx, targetId: string, sourceId: string) {
  if (targetId === sourceId) {
    throw new AppError('customers.merge_same', 400, { fields: [{ path: 'sourceId', message: 'same as the target' }] });
  }
  await deps.database.db.transaction(async (tx) => {
    const inScope = await repo.idsInScope(tx, ctx.actor, [targetId, sourceId]);
    if (!inScope.has(targetId) || !inScope.has(sourceId)) throw new AppError('customers.not_found', 404);
    const locked = await repo.lockCustomers(tx, [targetId, sourceId]);
    const target = locked.find((c) => c.id === targetId);
    const source = locked.find((c) => c.id === sourceId);
    // Merged away by someone else between the scope check and the lock.
    if (!target || !source || target.mergedIntoId || source.mergedIntoId)
      throw new AppError('customers.not_found', 404);

    const fill = filledFrom(target, source);
    const ownerId = (fill.ownerId as string | undefined) ?? target.ownerId;
    const contacts = await repo.moveContacts(tx, sourceId, targetId);
    const staff = await repo.moveStaff(tx, sourceId, targetId, ownerId);
    await moveTimeline(tx, sourceId, targetId);
    const records = await repo.moveRecords(tx, sourceId, targetId);
    const figures = await repo.moveFigures(tx, sourceId, targetId);
    await repo.repointMerged(tx, sourceId, targetId);
    await repo.markMerged(tx, sourceId, targetId);

    const [after] = await tx
      .update(customers)
      .set({ ...fill, version: sql`${customers.version} + 1`, updatedAt: new Date() })
      .where(eq(customers.id, targetId))
      .returning();
    if (!after) throw new Error('merge: target vanished');
    assertEnoughStaff(after, staff.total);
    if (fill.grade) {
      await tx.insert(customerGradeHistory).values({
        customerId: targetId,
        gradeBefore: null,
        gradeAfter: after.grade,
        reason: 'merge',
        changedBy: ctx.actor.userId,
      });
    }
    const moved = { contacts, staff: staff.added, ...records, figures: figures.moved };
    const filledFields = Object.keys(fill);
    await insertTimelineEntries(tx, [
      {
        customerId: targetId,
        kind: 'merge',
        title: 'customer.merged',
        body: `${source.code} ${source.name}`,
        actorId: ctx.actor.userId,
        before: Object.fromEntries(filledFields.map((f) => [f, target[f as keyof CustomerRow] ?? null])),
        after: { ...fill, merged: { id: source.id, code: source.code, name: source.name } },
        refType: 'customer',
        refId: sourceId,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'customer.merged',
      entityType: 'customer',
      entityId: targetId,
      before: { target, source },
      after: { target: after, source: { ...source, mergedIntoId: targetId, version: source.version + 1 } },
      details: { sourceId, sourceCode: source.code, filledFields, moved, figuresKeptOnSource: figures.keptOnSource },
    });
    await recordEvent(tx, 'customer.merged', { targetId, sourceId }, ctx.actor.userId);
  });
  return getCustomer(deps, ctx, targetId, { audit: false });
}
