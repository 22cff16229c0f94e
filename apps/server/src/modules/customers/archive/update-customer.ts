import { recordEvent } from '../../../events/outbox.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { customerGradeHistory } from '../grading/grading.tables.js';
import { insertTimelineEntries } from '../records/timeline.repository.js';
import { allCustomerFields, normaliseCustomFields } from './custom-fields.js';
import * as repo from './customers.repository.js';
import { assertActiveUser, assertCategory, assertEnoughStaff, normalisePhone } from './customers.rules.js';
import type { CustomerFields } from './customers.schemas.js';
import { getCustomer } from './get-customer.js';

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}

/**
 * Updates a customer with optimistic locking (`version`): of two people editing the same file,
 * the second gets a 409 and loses nothing silently. Each change lands on the timeline with
 * before/after; a grade change is kept in the grade history.
 */
export async function updateCustomer(
  deps: Deps,
  ctx: RequestContext & { actor: Actor },
  id: string,
  input: Partial<CustomerFields> & { version: number },
) {
  const { version, ...fields } = input;
  await deps.database.db.transaction(async (tx) => {
    const found = await repo.findCustomerInScope(tx, ctx.actor, id);
    if (!found) throw new AppError('customers.not_found', 404);
    const before = found.customer;
    await assertCategory(tx, fields.categoryKey);
    await assertActiveUser(tx, fields.ownerId, 'ownerId');
    const values: Partial<repo.CustomerInsert> = { ...fields, registeredCapital: undefined };
    if (fields.registeredCapital !== undefined) values.registeredCapital = fields.registeredCapital?.toString() ?? null;
    if (fields.phone !== undefined) values.phoneNormalized = normalisePhone(fields.phone);
    if (fields.customFields !== undefined) {
      const merged = { ...before.customFields, ...fields.customFields };
      values.customFields = normaliseCustomFields(await allCustomerFields(tx), merged, { requireAll: true });
    }
    const staff = await repo.listStaff(tx, id);
    if (fields.ownerId !== undefined && fields.ownerId !== before.ownerId) {
      const others = staff.filter((s) => s.role !== 'owner' && s.userId !== fields.ownerId);
      const next = fields.ownerId ? [{ userId: fields.ownerId, role: 'owner' as const }, ...others] : others;
      await repo.replaceStaff(tx, id, next);
      staff.splice(0, staff.length, ...next.map((s) => ({ ...s, displayName: '' })));
    }
    const isKey = fields.isKey ?? before.isKey;
    const grade = fields.grade === undefined ? before.grade : fields.grade;
    // Checked when this update touches what the rule depends on, so that an unrelated edit of a key
    // customer that fell short (e.g. raised to A by an evaluation) is not blocked.
    if (fields.isKey !== undefined || fields.grade !== undefined || fields.ownerId !== undefined) {
      assertEnoughStaff({ isKey, grade }, staff.length);
    }

    const after = await repo.updateCustomerVersioned(tx, id, version, values);
    if (!after) throw new AppError('conflict', 409, { params: { version: before.version } });
    const fieldsChanged = changedFields(
      before as unknown as Record<string, unknown>,
      after as unknown as Record<string, unknown>,
    ).filter((f) => !['version', 'updatedAt'].includes(f));
    const pick = (row: Record<string, unknown>) => Object.fromEntries(fieldsChanged.map((f) => [f, row[f]]));
    if (fieldsChanged.length > 0) {
      await insertTimelineEntries(tx, [
        {
          customerId: id,
          kind: 'change',
          title: 'customer.updated',
          actorId: ctx.actor.userId,
          before: pick(before as unknown as Record<string, unknown>),
          after: pick(after as unknown as Record<string, unknown>),
        },
      ]);
    }
    if (after.grade !== before.grade) {
      await tx.insert(customerGradeHistory).values({
        customerId: id,
        gradeBefore: before.grade,
        gradeAfter: after.grade,
        reason: 'manual',
        changedBy: ctx.actor.userId,
      });
    }
    await recordAudit(tx, ctx, { action: 'customer.updated', entityType: 'customer', entityId: id, before, after });
    await recordEvent(tx, 'customer.updated', { customerId: id, fields: fieldsChanged }, ctx.actor.userId);
    if (after.grade !== before.grade) {
      await recordEvent(
        tx,
        'customer.grade_changed',
        { customerId: id, gradeBefore: before.grade, gradeAfter: after.grade },
        ctx.actor.userId,
      );
    }
  });
  return getCustomer(deps, ctx, id, { audit: false });
}
