import { randomUUID } from 'node:crypto';
import type { Actor, RequestContext } from '../../lib/actor.js';
import { AppError, badRequest } from '../../lib/app-error.js';
import type { Deps } from '../../lib/deps.js';
import { assertPublicUrl } from '../../lib/outbound-http.js';
import type { PageQuery } from '../../lib/pagination.js';
import { recordAudit } from '../audit/index.js';
import * as queue from './delivery-queue.repository.js';
import { outboundTesting, sendSigned } from './webhooks.deliverer.js';
import { eventTypeList, messageBody, TEST_EVENT_TYPE } from './webhooks.events.js';
import { forgetSubscriptions } from './webhooks.listeners.js';
import * as repo from './webhooks.repository.js';
import type { CreateWebhookBodySchema, UpdateWebhookBodySchema } from './webhooks.schemas.js';
import { generateSecret, isValidSecret } from './webhooks.signature.js';

type ActorCtx = RequestContext & { actor: Actor };
type DeliveryStatus = 'pending' | 'delivered' | 'failed';
type CreateInput = (typeof CreateWebhookBodySchema)['_zod']['output'];
type UpdateInput = (typeof UpdateWebhookBodySchema)['_zod']['output'];

/** What the API answers of a subscription: no secret. */
function view(row: repo.Subscription) {
  const { secret: _secret, previousSecret: _previous, leaseOwner: _leaseOwner, leaseUntil: _leaseUntil, ...rest } = row;
  return rest;
}

async function load(deps: Deps, actor: Actor, id: string) {
  const row = await repo.findSubscription(deps.database.db, actor, id);
  if (!row) throw new AppError('webhooks.not_found', 404);
  return row;
}

export function listEventTypes(locale: RequestContext['locale']) {
  return { items: eventTypeList().map((t) => ({ type: t.type, description: t.description[locale] })) };
}

export async function createWebhook(deps: Deps, ctx: ActorCtx, input: CreateInput) {
  if (input.secret !== undefined && !isValidSecret(input.secret)) {
    throw badRequest('webhooks.bad_secret', {}, [{ path: 'secret', message: 'whsec_ + base64 of 24–64 bytes' }]);
  }
  await assertPublicUrl(input.url, deps.config.outbound.allowPrivate, outboundTesting);
  const secret = input.secret ?? generateSecret();
  const row = await deps.database.db.transaction(async (tx) => {
    const created = await repo.insertSubscription(tx, {
      url: input.url,
      events: [...new Set(input.events)],
      description: input.description ?? null,
      secret,
      ownerId: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'webhook.created',
      entityType: 'webhook',
      entityId: created.id,
      after: { url: created.url, events: created.events, description: created.description },
    });
    return created;
  });
  forgetSubscriptions();
  return { ...view(row), secret };
}

export async function listWebhooks(deps: Deps, actor: Actor, page: PageQuery) {
  const { items, total } = await repo.listSubscriptions(deps.database.db, actor, page);
  return { items, total, page: page.page, pageSize: page.pageSize };
}

export async function getWebhook(deps: Deps, actor: Actor, id: string) {
  return view(await load(deps, actor, id));
}

export async function updateWebhook(deps: Deps, ctx: ActorCtx, id: string, input: UpdateInput) {
  if (input.url !== undefined) await assertPublicUrl(input.url, deps.config.outbound.allowPrivate, outboundTesting);
  const row = await deps.database.db.transaction(async (tx) => {
    const before = await repo.findSubscription(tx, ctx.actor, id, { lock: true });
    if (!before) throw new AppError('webhooks.not_found', 404);
    const enabling = input.enabled === true && !before.enabled;
    const updated = await repo.updateSubscription(tx, id, {
      ...(input.url === undefined ? {} : { url: input.url }),
      ...(input.events === undefined ? {} : { events: [...new Set(input.events)] }),
      ...(input.description === undefined ? {} : { description: input.description }),
      ...(input.enabled === undefined
        ? {}
        : input.enabled
          ? { enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0 }
          : { enabled: false, disabledReason: 'manual', disabledAt: new Date() }),
    });
    const requeued = enabling ? await queue.requeueFailed(tx, id) : 0;
    await recordAudit(tx, ctx, {
      action: 'webhook.updated',
      entityType: 'webhook',
      entityId: id,
      before: { url: before.url, events: before.events, description: before.description, enabled: before.enabled },
      after: { url: updated.url, events: updated.events, description: updated.description, enabled: updated.enabled },
      ...(requeued > 0 ? { details: { requeued } } : {}),
    });
    if (enabling) await queue.notifyQueued(tx);
    return updated;
  });
  forgetSubscriptions();
  return view(row);
}

export async function deleteWebhook(deps: Deps, ctx: ActorCtx, id: string) {
  await deps.database.db.transaction(async (tx) => {
    const row = await repo.findSubscription(tx, ctx.actor, id, { lock: true });
    if (!row) throw new AppError('webhooks.not_found', 404);
    await repo.deleteSubscription(tx, id);
    await recordAudit(tx, ctx, {
      action: 'webhook.deleted',
      entityType: 'webhook',
      entityId: id,
      before: { url: row.url, events: row.events },
    });
  });
  forgetSubscriptions();
}

/** A new secret; the previous one keeps signing beside it for 24 h (receivers accept either). */
export async function rotateSecret(deps: Deps, ctx: ActorCtx, id: string) {
  const secret = generateSecret();
  await deps.database.db.transaction(async (tx) => {
    const row = await repo.findSubscription(tx, ctx.actor, id, { lock: true });
    if (!row) throw new AppError('webhooks.not_found', 404);
    await repo.updateSubscription(tx, id, { secret, previousSecret: row.secret, secretRotatedAt: new Date() });
    await recordAudit(tx, ctx, { action: 'webhook.secret_rotated', entityType: 'webhook', entityId: id });
  });
  return { secret };
}

/** Sends a `webhook.test` message now (outside the queue) and answers what the receiver said. */
export async function testWebhook(deps: Deps, ctx: ActorCtx, id: string) {
  const row = await load(deps, ctx.actor, id);
  const deliveryId = randomUUID();
  const at = new Date().toISOString();
  const body = messageBody(TEST_EVENT_TYPE, at, { id: row.id, description: row.description });
  const outcome = await sendSigned(deps, row, deliveryId, body);
  await deps.database.db.transaction(async (tx) => {
    await repo.insertDelivery(tx, {
      id: deliveryId,
      subscriptionId: row.id,
      eventType: TEST_EVENT_TYPE,
      body,
      status: 'pending',
    });
    await queue.recordAttempt(tx, { id: deliveryId, attempts: 0 }, outcome, {
      status: outcome.ok ? 'delivered' : 'failed',
      retryInMs: 0,
    });
  });
  return {
    ok: outcome.ok,
    status: outcome.status,
    response: (outcome.response ?? outcome.error)?.slice(0, 8192) ?? null,
    deliveryId,
  };
}

const attemptView = (a: Awaited<ReturnType<typeof repo.attemptsOf>>[number]) => ({
  attempt: a.attempt,
  at: a.at,
  ok: a.ok,
  status: a.status,
  response: a.response,
  error: a.error,
  durationMs: a.durationMs,
});

export async function listDeliveries(deps: Deps, actor: Actor, id: string, query: PageQuery & { status?: string }) {
  await load(deps, actor, id);
  const { db } = deps.database;
  const { page, pageSize, status } = query;
  const { items, total } = await repo.listDeliveries(db, id, { status }, { page, pageSize });
  const attempts = await repo.attemptsOf(
    db,
    items.map((d) => d.id),
  );
  const withLog = items.map((d) => ({
    ...d,
    status: d.status as DeliveryStatus,
    attemptLog: attempts.filter((a) => a.deliveryId === d.id).map(attemptView),
  }));
  return { items: withLog, total, page, pageSize };
}

/** Puts a message back at the end of the queue (same `webhook-id`, fresh retries). */
export async function redeliver(deps: Deps, ctx: ActorCtx, id: string, deliveryId: string) {
  await load(deps, ctx.actor, id);
  const { db } = deps.database;
  await db.transaction(async (tx) => {
    const delivery = await repo.findDelivery(tx, id, deliveryId);
    if (!delivery) throw new AppError('webhooks.delivery_not_found', 404);
    await queue.lockQueues(tx);
    await repo.requeueDelivery(tx, deliveryId);
    await recordAudit(tx, ctx, {
      action: 'webhook.redelivered',
      entityType: 'webhook',
      entityId: id,
      details: { deliveryId, eventType: delivery.eventType },
    });
    await queue.notifyQueued(tx);
  });
  const delivery = (await repo.findDelivery(db, id, deliveryId)) as repo.Delivery;
  const attempts = await repo.attemptsOf(db, [deliveryId]);
  return { ...delivery, status: delivery.status as DeliveryStatus, attemptLog: attempts.map(attemptView) };
}
