import { recordEvent } from '../../../events/outbox.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import type { Deps } from '../../../lib/deps.js';
import { recordAudit } from '../../audit/index.js';
import { assertNoDuplicates, findDuplicates } from '../duplicates/duplicates.js';
import { customerGradeHistory } from '../grading/grading.tables.js';
import { insertTimelineEntries } from '../records/timeline.repository.js';
import { activeCustomerFields, normaliseCustomFields } from './custom-fields.js';
import * as repo from './customers.repository.js';
import { assertActiveUser, assertCategory, assertEnoughStaff, normalisePhone } from './customers.rules.js';
import type { ContactInput, CustomerFields } from './customers.schemas.js';
import { getCustomer } from './get-customer.js';

export type CreateCustomerInput = CustomerFields & {
  contacts?: ContactInput[];
  staff?: { userId: string; role: 'owner' | 'backup' | 'sales' | 'engineer' | 'other' }[];
  ignoreDuplicates?: boolean;
};

/**
 * Staff list with the owner in it (as 'owner'), each user once. Only the owner (`ownerId`) has the
 * role 'owner' — the scoped customer list relies on it — so anyone else named as one is a backup,
 * as when customers are merged.
 */
export function staffWithOwner(ownerId: string | null | undefined, staff: CreateCustomerInput['staff'] = []) {
  const list = staff
    .filter((s) => s.userId !== ownerId)
    .map((s) => (s.role === 'owner' ? { ...s, role: 'backup' as const } : s));
  return ownerId ? [{ userId: ownerId, role: 'owner' as const }, ...list] : list;
}

export async function createCustomer(deps: Deps, ctx: RequestContext & { actor: Actor }, input: CreateCustomerInput) {
  const { contacts = [], staff, ignoreDuplicates, ...fields } = input;
  // An agent who records a customer without naming an owner becomes its owner.
  const ownerId = fields.ownerId === undefined ? ctx.actor.userId : fields.ownerId;
  const team = staffWithOwner(ownerId, staff);
  assertEnoughStaff({ isKey: fields.isKey ?? false, grade: fields.grade ?? null }, team.length);

  const id = await deps.database.db.transaction(async (tx) => {
    await assertCategory(tx, fields.categoryKey);
    await assertActiveUser(tx, ownerId, 'ownerId');
    for (const [i, s] of team.entries()) await assertActiveUser(tx, s.userId, `staff.${i}.userId`);
    const customFields = normaliseCustomFields(await activeCustomerFields(tx), fields.customFields ?? {}, {
      requireAll: true,
    });
    // Named when the caller may see them; outside the caller's scope only whom to ask (no identity).
    if (!ignoreDuplicates) assertNoDuplicates(await findDuplicates(tx, ctx.actor, fields));
    const row = await repo.insertCustomer(tx, {
      ...fields,
      registeredCapital: fields.registeredCapital?.toString() ?? null,
      phoneNormalized: normalisePhone(fields.phone),
      ownerId,
      customFields,
      createdBy: ctx.actor.userId,
    });
    await repo.insertContacts(tx, row.id, contacts);
    await repo.replaceStaff(tx, row.id, team);
    if (fields.grade) {
      await tx.insert(customerGradeHistory).values({
        customerId: row.id,
        gradeBefore: null,
        gradeAfter: fields.grade,
        reason: 'initial',
        changedBy: ctx.actor.userId,
      });
    }
    await insertTimelineEntries(tx, [
      {
        customerId: row.id,
        kind: 'change',
        title: 'customer.created',
        actorId: ctx.actor.userId,
        after: { ...fields, contacts: contacts.length },
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'customer.created',
      entityType: 'customer',
      entityId: row.id,
      after: { ...row, contacts },
    });
    await recordEvent(tx, 'customer.created', { customerId: row.id }, ctx.actor.userId);
    return row.id;
  });
  return getCustomer(deps, ctx, id, { audit: false });
}
