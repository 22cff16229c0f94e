import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import { recordEvent } from '../../events/outbox.js';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import type { PageQuery } from '../../lib/pagination.js';
import { recordAudit } from '../audit/index.js';
import { revokeCredentials } from '../auth/index.js';
import { insertTimelineEntries, type TimelineInsert } from '../customers/index.js';
import { queueNotification } from '../notifications/index.js';
import { assertMayManage, assertNotLastAdmin, updateUser } from '../users/index.js';
import { type HandoverContributor, handoverContributors } from './handover.contributors.js';
import { NOTIFY_CUSTOMERS_JOB } from './handover.jobs.js';
import * as repo from './handover.repository.js';
import type { HandoverInput, HandoverView } from './handover.schemas.js';
import { TEMPLATE_PLACEHOLDERS, unknownPlaceholders } from './handover.template.js';

type ActorCtx = RequestContext & { actor: Actor };

/**
 * Both people, within the caller's data scope (else 404, like any record out of scope); the
 * successor must be active and someone else. With `lock`, both rows stay locked until commit.
 */
async function loadParties(db: DbOrTx, actor: Actor, fromUserId: string, toUserId: string, lock = false) {
  if (fromUserId === toUserId) {
    throw badRequest('handover.same_user', {}, [{ path: 'toUserId', message: 'same as fromUserId' }]);
  }
  const found = await repo.findPartiesInScope(db, actor, [fromUserId, toUserId], { lock });
  const from = found.find((u) => u.id === fromUserId);
  const to = found.find((u) => u.id === toUserId);
  if (!from) throw new AppError('users.not_found', 404, { fields: [{ path: 'fromUserId', message: 'not found' }] });
  if (!to) throw new AppError('users.not_found', 404, { fields: [{ path: 'toUserId', message: 'not found' }] });
  if (!to.isActive) {
    throw badRequest('handover.successor_inactive', { name: to.displayName }, [
      { path: 'toUserId', message: 'inactive' },
    ]);
  }
  return { from, to };
}

const party = (u: repo.Party) => ({ id: u.id, displayName: u.displayName, isActive: u.isActive });

/** What a handover from `fromUserId` to `toUserId` would move, kind by kind (first 50 of each). */
export async function previewHandover(
  deps: Deps,
  ctx: ActorCtx,
  input: { fromUserId: string; toUserId: string; scope: 'all' },
) {
  const { db } = deps.database;
  const { from, to } = await loadParties(db, ctx.actor, input.fromUserId, input.toUserId);
  const contributions = [];
  for (const contributor of handoverContributors) {
    const { count, items, warnings = [] } = await contributor.preview(db, from.id, to.id);
    contributions.push({ kind: contributor.kind, label: contributor.label[ctx.locale], count, items, warnings });
  }
  return { from: party(from), to: party(to), scope: input.scope, contributions };
}

/** The successor's in-app notice, as catalog keys (worded in the reader's language when listed). */
function successorMessage(fromName: string, reason: string, moved: { c: HandoverContributor; n: number }[]) {
  const parts = moved.map(({ c, n }) => ({
    key: 'notice.handover.part' as const,
    params: { label: c.label, count: n },
  }));
  return {
    subject: { key: 'notice.handover.subject' as const, params: { from: fromName } },
    body: { key: 'notice.handover.body' as const, params: { from: fromName, parts, reason } },
  };
}

/**
 * Moves everything the leaving user holds to the successor in ONE transaction: each contributor
 * moves its kind; each affected customer gets a version bump and one 'handover' timeline entry;
 * the handover record, its audit entry and the successor's in-app notification are written with
 * it. Either all of it commits or none. After commit: `handover.completed`, and when asked, one
 * job that writes the customer notices.
 */
export async function executeHandover(deps: Deps, ctx: ActorCtx, input: HandoverInput) {
  const actorId = ctx.actor.userId;
  if (input.deactivateFrom && !ctx.actor.permissions.has('users.write')) {
    throw new AppError('forbidden', 403, { params: { permission: 'users.write' } });
  }
  if (input.deactivateFrom && input.fromUserId === actorId) {
    throw badRequest('users.cannot_disable_self', {}, [{ path: 'deactivateFrom', message: 'self' }]);
  }
  const unknown = input.messageTemplate ? unknownPlaceholders(input.messageTemplate) : [];
  if (unknown.length > 0) {
    throw badRequest(
      'handover.template_unknown_variable',
      { names: unknown.map((n) => `{${n}}`).join('、'), allowed: TEMPLATE_PLACEHOLDERS.map((n) => `{${n}}`).join(' ') },
      [{ path: 'messageTemplate', message: `unknown placeholders: ${unknown.join(', ')}` }],
    );
  }

  const handoverId = randomUUID();
  const result = await deps.database.db.transaction(async (tx) => {
    const { from, to } = await loadParties(tx, ctx.actor, input.fromUserId, input.toUserId, true);
    // Disabling the account is a user edit: the rule of PATCH /users (no one who outranks the caller).
    if (input.deactivateFrom && from.isActive) await assertMayManage(tx, ctx.actor, from.id);
    const at = new Date();
    const counts: Record<string, number> = {};
    const touched = new Map<string, string[]>();
    const moved: { c: HandoverContributor; n: number }[] = [];
    for (const contributor of handoverContributors) {
      const r = await contributor.move(tx, from.id, to.id, { handoverId, actorId, at });
      counts[contributor.kind] = r.count;
      if (r.count > 0) moved.push({ c: contributor, n: r.count });
      for (const id of r.customerIds) touched.set(id, [...(touched.get(id) ?? []), contributor.kind]);
    }
    const customerIds = [...touched.keys()];
    await repo.bumpCustomerVersions(tx, customerIds, at);
    const entries: TimelineInsert[] = customerIds.map((customerId) => ({
      customerId,
      at,
      kind: 'handover',
      title: 'customer.handover',
      body: input.reason,
      actorId,
      before: { userId: from.id, displayName: from.displayName },
      after: { userId: to.id, displayName: to.displayName, kinds: touched.get(customerId) },
      refType: 'handover',
      refId: handoverId,
    }));
    for (const part of repo.chunks(entries)) await insertTimelineEntries(tx, part);

    await repo.insertHandover(tx, {
      id: handoverId,
      fromUserId: from.id,
      toUserId: to.id,
      reason: input.reason,
      counts,
      notify: input.notifyCustomers,
      createdBy: actorId,
      createdAt: at,
    });
    const deactivate = input.deactivateFrom && from.isActive;
    if (deactivate) {
      if (from.roleKey === 'admin') await assertNotLastAdmin(tx, from.id);
      await updateUser(tx, from.id, { isActive: false });
      await revokeCredentials(tx, from.id);
    }
    const summary = {
      fromUserId: from.id,
      toUserId: to.id,
      reason: input.reason,
      counts,
      notify: input.notifyCustomers,
      deactivatedFrom: deactivate,
    };
    await recordAudit(
      tx,
      ctx,
      {
        action: 'handover.completed',
        entityType: 'handover',
        entityId: handoverId,
        after: summary,
        details: { customerIds },
      },
      ...(deactivate
        ? [
            {
              action: 'user.updated',
              entityType: 'user',
              entityId: from.id,
              before: { isActive: true },
              after: { isActive: false },
              details: { handoverId },
            },
          ]
        : []),
    );
    if (moved.length > 0) {
      const content = successorMessage(from.displayName, input.reason, moved);
      await queueNotification(tx, {
        channel: 'in_app',
        recipient: to.id,
        topic: 'handover.successor',
        content,
        locale: to.locale,
        ref: `handover:${handoverId}`,
      });
    }
    await recordEvent(
      tx,
      'handover.completed',
      { handoverId, fromUserId: from.id, toUserId: to.id, customerCount: customerIds.length },
      actorId,
    );
    if (deactivate) await recordEvent(tx, 'user.updated', { userId: from.id, fields: ['isActive'] }, actorId);
    // The notice job commits with the handover. Without a job runner (jobs disabled) there is
    // none, and `notifyJobId` is null, which the caller shows.
    const notifyJobId =
      input.notifyCustomers && customerIds.length > 0 && deps.jobs.started
        ? await deps.jobs.send(
            NOTIFY_CUSTOMERS_JOB,
            { handoverId, customerIds, template: input.messageTemplate },
            { tx },
          )
        : null;
    return { customerIds, deactivate, notifyJobId };
  });

  const { customerIds, deactivate, notifyJobId } = result;
  const view = (await repo.findHandoverView(deps.database.db, handoverId)) as HandoverView;
  return { ...view, affectedCustomers: customerIds.length, deactivatedFrom: deactivate, notifyJobId };
}

export async function listHandovers(deps: Deps, ctx: ActorCtx, filter: { userId?: string }, page: PageQuery) {
  const { items, total } = await repo.listHandoversInScope(deps.database.db, ctx.actor, filter, page);
  return { items, total, page: page.page, pageSize: page.pageSize };
}
