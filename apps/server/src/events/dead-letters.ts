import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { OUTBOX_CHANNEL } from './outbox.js';

export type DeadLetter = {
  eventId: string;
  listener: string;
  eventName: string;
  aggregateType: string;
  aggregateId: string;
  payload: unknown;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date;
};

/** Deliveries that failed `maxAttempts` times (the dead-letter list on the jobs page), newest first. */
export async function listDeadLetters(db: DbOrTx, limit: number, offset: number) {
  const rows = await db.execute<DeadLetter>(sql`
    SELECT d.event_id::text AS "eventId", d.listener, e.name AS "eventName", d.aggregate_type AS "aggregateType",
      d.aggregate_id AS "aggregateId", e.payload, d.attempts, d.last_error AS "lastError",
      e.created_at AS "createdAt", d.next_attempt_at AS "failedAt"
    FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
    WHERE d.status = 'dead'
    ORDER BY d.event_id DESC
    LIMIT ${limit} OFFSET ${offset}`);
  const total = await db.execute<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM outbox_deliveries WHERE status = 'dead'`,
  );
  const items = rows.rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt), failedAt: new Date(r.failedAt) }));
  return { items, total: Number(total.rows[0]?.n ?? 0) };
}

/**
 * Puts a dead delivery back in the queue with fresh attempts and wakes the dispatchers (on
 * commit). Returns false when there is no such dead delivery.
 */
export async function retryDeadLetter(tx: DbOrTx, eventId: string, listener: string): Promise<boolean> {
  const result = await tx.execute<{ listener: string }>(sql`
    UPDATE outbox_deliveries SET status = 'pending', attempts = 0, next_attempt_at = now()
    WHERE event_id = ${eventId}::bigint AND listener = ${listener} AND status = 'dead'
    RETURNING listener`);
  if (result.rows.length === 0) return false;
  await tx.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '{"wake":true}')`);
  return true;
}
