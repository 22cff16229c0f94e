import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

/**
 * The delivery queue's claims. A subscription's queue is delivered by one instance at a time: the
 * instance holds a lease on the subscription row (`lease_owner` = a token of this claim,
 * `lease_until`), renewed after every message and released when the queue is empty, its head not
 * yet due or failing. See webhooks.deliverer.ts for why a lease and not a held lock.
 */

/** The channel that wakes the deliverers of every instance when messages were queued. */
export const WEBHOOKS_CHANNEL = 'kefu_webhooks';

/**
 * Serialises the transactions that add to the queues, until they commit: a message's `seq` is
 * drawn while no other uncommitted one can hold a smaller one, so the deliverer, which sends the
 * smallest pending `seq` first, never sends a message before one that will appear ahead of it.
 */
export async function lockQueues(db: DbOrTx): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext('kefu.webhooks.queue'))`);
}

/** The enabled subscriptions to an event type with their owners. */
export async function subscriptionsTo(db: DbOrTx, eventType: string) {
  const result = await db.execute<{ id: string; ownerId: string }>(sql`
    SELECT s.id::text AS id, s.owner_id::text AS "ownerId" FROM webhook_subscriptions s
    WHERE s.enabled AND s.events @> ARRAY[${eventType}]::text[]`);
  return result.rows;
}

/**
 * Queues one message per subscription in ONE statement: the queue lock (`lockQueues`) is taken
 * before any `seq` is drawn (the rows to insert cannot exist before the lock's row), subscriptions
 * deleted or disabled meanwhile are skipped, an event already queued is skipped, and the
 * deliverers are woken when anything was queued.
 */
export async function enqueue(
  db: DbOrTx,
  subscriptionIds: string[],
  message: { eventId: string; eventType: string; body: string },
): Promise<void> {
  await db.execute(sql`
    WITH queue_lock AS MATERIALIZED (SELECT pg_advisory_xact_lock(hashtext('kefu.webhooks.queue')) AS locked),
    queued AS (
      INSERT INTO webhook_deliveries (subscription_id, event_id, event_type, body, created_at)
      SELECT s.id, ${message.eventId}, ${message.eventType}, ${message.body}, clock_timestamp()
      FROM queue_lock CROSS JOIN webhook_subscriptions s
      WHERE s.id = ANY(${`{${subscriptionIds.join(',')}}`}::uuid[]) AND s.enabled
      ON CONFLICT (subscription_id, event_id) DO NOTHING
      RETURNING 1
    )
    SELECT pg_notify(${WEBHOOKS_CHANNEL}, '') FROM (SELECT 1 FROM queued LIMIT 1) AS any_queued`);
}

export async function notifyQueued(db: DbOrTx): Promise<void> {
  await db.execute(sql`SELECT pg_notify(${WEBHOOKS_CHANNEL}, '')`);
}

/**
 * Claims one enabled subscription whose queue head (oldest pending message) is due and that no
 * live lease holds; `null` when there is none. `SKIP LOCKED` + the lease test re-checked on the
 * locked row: two instances never claim the same subscription.
 */
export async function claimSubscription(
  db: DbOrTx,
  token: string,
  leaseMs: number,
  exclude: readonly string[],
): Promise<string | null> {
  const skip =
    exclude.length > 0
      ? sql`AND s.id NOT IN (${sql.join(
          exclude.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql``;
  const result = await db.execute<{ id: string }>(sql`
    UPDATE webhook_subscriptions SET lease_owner = ${token},
      lease_until = now() + ${leaseMs} * interval '1 millisecond'
    WHERE id = (
      SELECT s.id FROM webhook_subscriptions s
      WHERE s.enabled AND (s.lease_until IS NULL OR s.lease_until < now()) ${skip}
        AND (SELECT d.next_attempt_at FROM webhook_deliveries d
             WHERE d.subscription_id = s.id AND d.status = 'pending' ORDER BY d.seq LIMIT 1) <= now()
      ORDER BY s.lease_until NULLS FIRST
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id::text AS id`);
  return result.rows[0]?.id ?? null;
}

export type QueueHead = {
  id: string;
  subscriptionId: string;
  eventType: string;
  body: string;
  attempts: number;
  due: boolean;
  url: string;
  secret: string;
  previousSecret: string | null;
  secretRotatedAt: Date | null;
  ownerId: string;
  enabled: boolean;
  leaseOwner: string | null;
};

/** The oldest pending messages of a subscription (up to `limit`, in order) with what sending them needs. */
export async function queueHeads(db: DbOrTx, subscriptionId: string, limit: number): Promise<QueueHead[]> {
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT d.id::text AS id, d.subscription_id::text AS "subscriptionId", d.event_type AS "eventType", d.body,
      d.attempts, d.next_attempt_at <= now() AS due, s.url, s.secret, s.previous_secret AS "previousSecret",
      s.secret_rotated_at AS "secretRotatedAt", s.owner_id::text AS "ownerId", s.enabled,
      s.lease_owner AS "leaseOwner"
    FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
    WHERE d.subscription_id = ${subscriptionId}::uuid AND d.status = 'pending'
    ORDER BY d.seq LIMIT ${limit}`);
  return result.rows.map((row) => {
    const rotated = row.secretRotatedAt;
    return { ...(row as unknown as QueueHead), secretRotatedAt: rotated ? new Date(rotated as string) : null };
  });
}

/**
 * A delivered message, in ONE statement: the lease is checked and renewed, the failure count
 * reset, the message marked delivered and its attempt logged — or nothing when the lease was lost.
 */
export async function recordDelivered(
  db: DbOrTx,
  delivery: { id: string; subscriptionId: string },
  token: string,
  leaseMs: number,
  outcome: AttemptOutcome,
): Promise<boolean> {
  const result = await db.execute<{ id: string }>(sql`
    WITH lease AS (
      UPDATE webhook_subscriptions SET lease_until = now() + ${leaseMs} * interval '1 millisecond',
        consecutive_failures = 0
      WHERE id = ${delivery.subscriptionId}::uuid AND lease_owner = ${token}
      RETURNING id
    ), d AS (
      UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, last_status = ${outcome.status},
        last_response = ${clip(outcome.response, 2000)}, last_error = NULL, delivered_at = now()
      WHERE id = ${delivery.id}::uuid AND status = 'pending' AND EXISTS (SELECT 1 FROM lease)
      RETURNING id, attempts
    )
    INSERT INTO webhook_attempts (delivery_id, attempt, ok, status, response, error, duration_ms)
    SELECT d.id, d.attempts, true, ${outcome.status}, ${clip(outcome.response)}, NULL, ${Math.round(outcome.durationMs)}
    FROM d
    RETURNING delivery_id::text AS id`);
  return result.rows.length > 0;
}

/**
 * Locks the subscription row and answers whether this claim still holds its lease (then renews
 * it). A lost lease (expired and taken by another instance) means: write nothing.
 */
export async function holdsLease(db: DbOrTx, subscriptionId: string, token: string, leaseMs: number) {
  const result = await db.execute<{ id: string }>(sql`
    UPDATE webhook_subscriptions SET lease_until = now() + ${leaseMs} * interval '1 millisecond'
    WHERE id = ${subscriptionId}::uuid AND lease_owner = ${token}
    RETURNING id::text AS id`);
  return result.rows.length > 0;
}

export async function releaseLease(db: DbOrTx, subscriptionId: string, token: string): Promise<void> {
  await db.execute(sql`
    UPDATE webhook_subscriptions SET lease_owner = NULL, lease_until = NULL
    WHERE id = ${subscriptionId}::uuid AND lease_owner = ${token}`);
}

export type AttemptOutcome = {
  ok: boolean;
  status: number | null;
  response: string | null;
  error: string | null;
  durationMs: number;
};

const clip = (text: string | null, max = 8192) => (text === null ? null : text.slice(0, max));

/** Records an attempt and the message's new state (`delivered`, or `pending` again later, or `failed`). */
export async function recordAttempt(
  db: DbOrTx,
  delivery: { id: string; attempts: number },
  outcome: AttemptOutcome,
  next: { status: 'delivered' | 'pending' | 'failed'; retryInMs: number },
): Promise<void> {
  const attempt = delivery.attempts + 1;
  await db.execute(sql`
    INSERT INTO webhook_attempts (delivery_id, attempt, ok, status, response, error, duration_ms)
    VALUES (${delivery.id}::uuid, ${attempt}, ${outcome.ok}, ${outcome.status}, ${clip(outcome.response)},
      ${clip(outcome.error, 2000)}, ${Math.round(outcome.durationMs)})`);
  await db.execute(sql`
    UPDATE webhook_deliveries SET status = ${next.status}, attempts = ${attempt},
      last_status = ${outcome.status}, last_response = ${clip(outcome.response, 2000)},
      last_error = ${clip(outcome.error, 2000)},
      delivered_at = CASE WHEN ${next.status} = 'delivered' THEN now() ELSE NULL END,
      next_attempt_at = now() + ${next.retryInMs} * interval '1 millisecond'
    WHERE id = ${delivery.id}::uuid AND status = 'pending'`);
}

export async function setFailures(db: DbOrTx, subscriptionId: string, failures: 'reset' | 'increment') {
  await db.execute(sql`
    UPDATE webhook_subscriptions
    SET consecutive_failures = ${failures === 'reset' ? sql`0` : sql`consecutive_failures + 1`}
    WHERE id = ${subscriptionId}::uuid`);
}

/** After the last retry failed: the subscription stops (its queue waits) until enabled again. */
export async function disableSubscription(db: DbOrTx, subscriptionId: string, reason: string) {
  await db.execute(sql`
    UPDATE webhook_subscriptions SET enabled = false, disabled_reason = ${reason.slice(0, 2000)},
      disabled_at = now(), lease_owner = NULL, lease_until = NULL, updated_at = now()
    WHERE id = ${subscriptionId}::uuid`);
}

/**
 * Enabling again: the messages that failed for good go back to the queue at their old place
 * (their `seq`), so the receiver gets everything in order.
 */
export async function requeueFailed(db: DbOrTx, subscriptionId: string): Promise<number> {
  const result = await db.execute<{ id: string }>(sql`
    UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now()
    WHERE subscription_id = ${subscriptionId}::uuid AND status = 'failed' AND event_id IS NOT NULL
    RETURNING id::text AS id`);
  return result.rows.length;
}
