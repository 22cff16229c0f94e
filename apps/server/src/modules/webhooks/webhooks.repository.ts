import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../lib/actor.js';
import { inScope } from '../../lib/data-scope.js';
import { offsetOf, type PageQuery } from '../../lib/pagination.js';
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from './webhooks.tables.js';

export type Subscription = typeof webhookSubscriptions.$inferSelect;
export type Delivery = typeof webhookDeliveries.$inferSelect;

/** What the API shows of a subscription: never its secrets. */
export const subscriptionView = {
  id: webhookSubscriptions.id,
  url: webhookSubscriptions.url,
  events: webhookSubscriptions.events,
  description: webhookSubscriptions.description,
  ownerId: webhookSubscriptions.ownerId,
  enabled: webhookSubscriptions.enabled,
  disabledReason: webhookSubscriptions.disabledReason,
  disabledAt: webhookSubscriptions.disabledAt,
  consecutiveFailures: webhookSubscriptions.consecutiveFailures,
  secretRotatedAt: webhookSubscriptions.secretRotatedAt,
  createdAt: webhookSubscriptions.createdAt,
  updatedAt: webhookSubscriptions.updatedAt,
};

/** Subscriptions are visible to managers whose data scope includes their owner. */
const visible = (actor: Actor) => inScope(webhookSubscriptions.ownerId, actor);

export async function listSubscriptions(db: DbOrTx, actor: Actor, page: PageQuery) {
  const where = visible(actor);
  const items = await db
    .select(subscriptionView)
    .from(webhookSubscriptions)
    .where(where)
    .orderBy(desc(webhookSubscriptions.createdAt), desc(webhookSubscriptions.id))
    .limit(page.pageSize)
    .offset(offsetOf(page));
  const [total] = await db.select({ n: count() }).from(webhookSubscriptions).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findSubscription(db: DbOrTx, actor: Actor, id: string, { lock = false } = {}) {
  const query = db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, id), visible(actor)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function findSubscriptionById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).limit(1);
  return row;
}

export async function insertSubscription(db: DbOrTx, values: typeof webhookSubscriptions.$inferInsert) {
  const [row] = await db.insert(webhookSubscriptions).values(values).returning();
  return row as Subscription;
}

export async function updateSubscription(
  db: DbOrTx,
  id: string,
  values: Partial<typeof webhookSubscriptions.$inferInsert>,
) {
  const [row] = await db
    .update(webhookSubscriptions)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(webhookSubscriptions.id, id))
    .returning();
  return row as Subscription;
}

export async function deleteSubscription(db: DbOrTx, id: string) {
  await db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
}

export const deliveryView = {
  id: webhookDeliveries.id,
  subscriptionId: webhookDeliveries.subscriptionId,
  seq: webhookDeliveries.seq,
  eventId: webhookDeliveries.eventId,
  eventType: webhookDeliveries.eventType,
  body: webhookDeliveries.body,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastStatus: webhookDeliveries.lastStatus,
  lastResponse: webhookDeliveries.lastResponse,
  lastError: webhookDeliveries.lastError,
  deliveredAt: webhookDeliveries.deliveredAt,
  createdAt: webhookDeliveries.createdAt,
};

export async function listDeliveries(db: DbOrTx, subscriptionId: string, filter: { status?: string }, page: PageQuery) {
  const where = and(
    eq(webhookDeliveries.subscriptionId, subscriptionId),
    filter.status ? eq(webhookDeliveries.status, filter.status) : undefined,
  );
  const items = await db
    .select(deliveryView)
    .from(webhookDeliveries)
    .where(where)
    .orderBy(desc(webhookDeliveries.seq))
    .limit(page.pageSize)
    .offset(offsetOf(page));
  const [total] = await db.select({ n: count() }).from(webhookDeliveries).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function findDelivery(db: DbOrTx, subscriptionId: string, id: string) {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.subscriptionId, subscriptionId)))
    .limit(1);
  return row;
}

export async function attemptsOf(db: DbOrTx, deliveryIds: string[]) {
  if (deliveryIds.length === 0) return [];
  return db
    .select()
    .from(webhookAttempts)
    .where(sql`${webhookAttempts.deliveryId} IN ${deliveryIds}`)
    .orderBy(webhookAttempts.deliveryId, webhookAttempts.attempt);
}

/** Redeliver: back in the queue, at its end (a new `seq`), with fresh attempts; same message id. */
export async function requeueDelivery(db: DbOrTx, id: string) {
  await db.execute(sql`
    UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now(),
      seq = nextval(pg_get_serial_sequence('webhook_deliveries', 'seq')), delivered_at = NULL
    WHERE id = ${id}::uuid`);
}

export async function insertDelivery(db: DbOrTx, values: typeof webhookDeliveries.$inferInsert) {
  const [row] = await db.insert(webhookDeliveries).values(values).returning();
  return row as Delivery;
}

export async function insertAttempt(db: DbOrTx, values: typeof webhookAttempts.$inferInsert) {
  await db.insert(webhookAttempts).values(values);
}
