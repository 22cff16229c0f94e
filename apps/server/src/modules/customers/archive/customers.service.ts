import { t } from '@kefu/shared';
import { recordEvent } from '../../../events/outbox.js';
import type { Actor, RequestContext } from '../../../lib/actor.js';
import { AppError } from '../../../lib/app-error.js';
import type { Deps } from '../../../lib/deps.js';
import { type ExportFormat, exportStream } from '../../../lib/export.js';
import type { PageQuery } from '../../../lib/pagination.js';
import { recordAudit } from '../../audit/index.js';
import { customerExportColumns } from '../import-export/customers.export.js';
import { auditCustomerList, auditCustomerView } from '../records/read-audit.js';
import { insertTimelineEntries, listTimeline, milestoneTypeNames } from '../records/timeline.repository.js';
import { wordTimeline } from '../records/timeline.text.js';
import * as repo from './customers.repository.js';
import { assertActiveUser, assertEnoughStaff } from './customers.rules.js';
import type { ContactInput } from './customers.schemas.js';
import { getCustomer } from './get-customer.js';

export { createCustomer } from './create-customer.js';
export { getCustomer } from './get-customer.js';
export { updateCustomer } from './update-customer.js';

type ActorCtx = RequestContext & { actor: Actor };

/** A page of the scoped list or search; the customers shown are audited (ADR 0006). */
export async function listCustomers(deps: Deps, ctx: ActorCtx, filter: repo.CustomerFilter, page: PageQuery) {
  const { db } = deps.database;
  const { items, total, totalExact } = await repo.listCustomersInScope(db, ctx.actor, filter, page);
  await auditCustomerList(
    db,
    ctx,
    'customers',
    items.map((c) => c.id),
    { filter, page: page.page, pageSize: page.pageSize, sort: page.sort ?? null },
    items.map((c) => c.ownerId),
  );
  return { items, total, totalExact, page: page.page, pageSize: page.pageSize };
}

/**
 * The export's batches, each put on record (`customer.exported_rows`, the ids it holds) before it
 * is sent: the audit trail says which customers left in the file, even when the download is cut.
 */
async function* auditedBatches<T extends { id: string; ownerId: string | null }>(
  db: Deps['database']['db'],
  ctx: ActorCtx,
  batches: AsyncIterable<T[]>,
) {
  let batch = 0;
  for await (const rows of batches) {
    batch += 1;
    await recordAudit(db, ctx, {
      action: 'customer.exported_rows',
      entityType: 'customer',
      details: { batch, ids: rows.map((r) => r.id) },
      audience: { userIds: [...new Set(rows.flatMap((r) => (r.ownerId ? [r.ownerId] : [])))] },
    });
    yield rows;
  }
}

/** Streams the filtered list; the export (who, which filter, which fields) is audited first. */
export async function exportCustomers(deps: Deps, ctx: ActorCtx, filter: repo.CustomerFilter, format: ExportFormat) {
  const { db } = deps.database;
  const columns = await customerExportColumns(db, ctx.locale);
  await recordAudit(db, ctx, {
    action: 'customer.exported',
    entityType: 'customer',
    details: { format, filter, fields: columns.map((c) => c.header) },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    filename: `${t(ctx.locale, 'label.export.customers_file')}-${stamp}.${format}`,
    ...exportStream({
      format,
      sheetName: t(ctx.locale, 'label.export.customers'),
      columns,
      batches: auditedBatches(db, ctx, repo.iterateCustomersInScope(db, ctx.actor, filter)),
    }),
  };
}

async function requireInScope(deps: Deps, actor: Actor, customerId: string, db = deps.database.db) {
  const found = await repo.findCustomerInScope(db, actor, customerId);
  if (!found) throw new AppError('customers.not_found', 404);
  return found.customer;
}

export async function addContact(deps: Deps, ctx: ActorCtx, customerId: string, input: ContactInput) {
  await deps.database.db.transaction(async (tx) => {
    await requireInScope(deps, ctx.actor, customerId, tx);
    const [contact] = await repo.insertContacts(tx, customerId, [input]);
    await repo.touchCustomer(tx, customerId);
    await insertTimelineEntries(tx, [
      {
        customerId,
        kind: 'change',
        title: 'customer.contact_added',
        body: input.name,
        actorId: ctx.actor.userId,
        after: input,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'customer.contact_added',
      entityType: 'customer',
      entityId: customerId,
      after: contact,
    });
    await recordEvent(tx, 'customer.updated', { customerId, fields: ['contacts'] }, ctx.actor.userId);
  });
  return getCustomer(deps, ctx, customerId, { audit: false });
}

export async function updateContact(
  deps: Deps,
  ctx: ActorCtx,
  customerId: string,
  contactId: string,
  input: Partial<ContactInput>,
) {
  await deps.database.db.transaction(async (tx) => {
    await requireInScope(deps, ctx.actor, customerId, tx);
    const before = (await repo.listContacts(tx, customerId)).find((c) => c.id === contactId);
    const after = await repo.updateContact(tx, customerId, contactId, input);
    if (!before || !after) throw new AppError('customers.contact_not_found', 404);
    await repo.touchCustomer(tx, customerId);
    await insertTimelineEntries(tx, [
      {
        customerId,
        kind: 'change',
        title: 'customer.contact_updated',
        body: after.name,
        actorId: ctx.actor.userId,
        before,
        after,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'customer.contact_updated',
      entityType: 'customer',
      entityId: customerId,
      before,
      after,
    });
    await recordEvent(tx, 'customer.updated', { customerId, fields: ['contacts'] }, ctx.actor.userId);
  });
  return getCustomer(deps, ctx, customerId, { audit: false });
}

export async function removeContact(deps: Deps, ctx: ActorCtx, customerId: string, contactId: string) {
  await deps.database.db.transaction(async (tx) => {
    await requireInScope(deps, ctx.actor, customerId, tx);
    const removed = await repo.deleteContact(tx, customerId, contactId);
    if (!removed) throw new AppError('customers.contact_not_found', 404);
    await repo.touchCustomer(tx, customerId);
    await insertTimelineEntries(tx, [
      {
        customerId,
        kind: 'change',
        title: 'customer.contact_removed',
        body: removed.name,
        actorId: ctx.actor.userId,
        before: removed,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'customer.contact_removed',
      entityType: 'customer',
      entityId: customerId,
      before: removed,
    });
    await recordEvent(tx, 'customer.updated', { customerId, fields: ['contacts'] }, ctx.actor.userId);
  });
}

/** Replaces the staff contacts; the owner stays in the list, key customers keep at least two. */
export async function setStaff(
  deps: Deps,
  ctx: ActorCtx,
  customerId: string,
  staff: { userId: string; role: repo.StaffRole }[],
) {
  await deps.database.db.transaction(async (tx) => {
    const customer = await requireInScope(deps, ctx.actor, customerId, tx);
    for (const [i, s] of staff.entries()) await assertActiveUser(tx, s.userId, `staff.${i}.userId`);
    const unique = [...new Map(staff.map((s) => [s.userId, s])).values()].filter(
      (s) => s.userId !== customer.ownerId && s.role !== 'owner',
    );
    const next = customer.ownerId ? [{ userId: customer.ownerId, role: 'owner' as const }, ...unique] : unique;
    assertEnoughStaff(customer, next.length);
    const before = await repo.listStaff(tx, customerId);
    await repo.replaceStaff(tx, customerId, next);
    await repo.touchCustomer(tx, customerId);
    await insertTimelineEntries(tx, [
      { customerId, kind: 'change', title: 'customer.staff_changed', actorId: ctx.actor.userId, before, after: next },
    ]);
    await recordAudit(tx, ctx, {
      action: 'customer.staff_changed',
      entityType: 'customer',
      entityId: customerId,
      before,
      after: next,
    });
    await recordEvent(tx, 'customer.updated', { customerId, fields: ['staff'] }, ctx.actor.userId);
  });
  return getCustomer(deps, ctx, customerId, { audit: false });
}

export async function getTimeline(
  deps: Deps,
  ctx: ActorCtx,
  customerId: string,
  kinds: string[] | undefined,
  page: PageQuery,
) {
  const { db } = deps.database;
  await requireInScope(deps, ctx.actor, customerId);
  const { items: rows, total } = await listTimeline(
    db,
    customerId,
    kinds,
    page.pageSize,
    (page.page - 1) * page.pageSize,
  );
  const milestones = rows.some((r) => r.kind === 'milestone') ? await milestoneTypeNames(db, ctx.locale) : new Map();
  const items = wordTimeline(rows, ctx.locale, milestones);
  await auditCustomerView(db, ctx, customerId, 'timeline', { page: page.page, kinds: kinds ?? null });
  return { items, total, page: page.page, pageSize: page.pageSize };
}

export type ContactLogInput = {
  kind: 'call' | 'email' | 'visit' | 'letter' | 'fax' | 'wechat' | 'note';
  direction?: 'inbound' | 'outbound';
  at?: Date;
  title: string;
  body?: string | null;
};

/** A manual timeline entry: a call, visit, letter/fax, e-mail or WeChat exchange with the customer. */
export async function logContact(deps: Deps, ctx: ActorCtx, customerId: string, input: ContactLogInput) {
  await deps.database.db.transaction(async (tx) => {
    await requireInScope(deps, ctx.actor, customerId, tx);
    await insertTimelineEntries(tx, [
      {
        customerId,
        kind: input.kind,
        channel: input.kind,
        direction: input.direction ?? null,
        at: input.at ?? new Date(),
        title: input.title,
        body: input.body ?? null,
        actorId: ctx.actor.userId,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'customer.contact_logged',
      entityType: 'customer',
      entityId: customerId,
      after: input,
    });
    await recordEvent(tx, 'customer.contact_logged', { customerId, kind: input.kind }, ctx.actor.userId);
  });
}
