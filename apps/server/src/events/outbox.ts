import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { aggregateOf } from './aggregates.js';
import type { DomainEvent, EventCatalog, EventName } from './catalog.js';
import type { DurableListener, StoredEvent } from './listener.js';

/**
 * The channel every recorded event is NOTIFYed on (delivered only when its transaction commits):
 * it wakes the outbox dispatchers of every instance and carries the event to the real-time hubs.
 */
export const OUTBOX_CHANNEL = 'kefu_events';

/** NOTIFY payloads must stay under 8000 bytes; a bigger event is announced by id and read back. */
const NOTIFY_LIMIT = 7000;

const listeners = new Map<string, DurableListener>();

/**
 * The durable listeners of this process, registered at start from the module manifests. Each
 * recorded event gets one delivery row per listener subscribed to it. Registering the same name
 * again replaces the listener (an app built twice in one process).
 */
export function registerDurableListeners(list: readonly DurableListener[]): void {
  for (const listener of list) listeners.set(listener.name, listener);
}

/** Removes listeners by name (tests that register their own). */
export function unregisterDurableListeners(names: readonly string[]): void {
  for (const name of names) listeners.delete(name);
}

export function durableListener(name: string): DurableListener | undefined {
  return listeners.get(name);
}

export function durableListenerNames(): string[] {
  return [...listeners.keys()];
}

export function subscribersOf(name: EventName): string[] {
  return [...listeners.values()].filter((l) => l.events.includes(name)).map((l) => l.name);
}

/**
 * Records a domain event in the caller's transaction (ADR 0007): the event row, one pending
 * delivery per subscribed durable listener and the NOTIFY, in one statement. A rolled-back
 * transaction leaves no trace of it; a committed one is delivered to each listener at least once.
 * Given the database instead of a transaction (progress ticks), it commits on its own.
 */
export async function recordEvent<N extends EventName>(
  tx: DbOrTx,
  name: N,
  payload: EventCatalog[N],
  actorId: string | null = null,
): Promise<StoredEvent<N>> {
  const [aggregateType, aggregateId] = aggregateOf(name, payload);
  const json = JSON.stringify(payload);
  const subscribers = JSON.stringify(subscribersOf(name));
  // Bytes, not characters: a Chinese character is three bytes of the 8000 a NOTIFY may carry.
  const carry = Buffer.byteLength(json, 'utf8') < NOTIFY_LIMIT;
  const result = await tx.execute<{ id: string | number; at: string | Date }>(sql`
    WITH e AS (
      INSERT INTO outbox_events (name, aggregate_type, aggregate_id, payload, actor_id)
      VALUES (${name}, ${aggregateType}, ${aggregateId}, ${json}::jsonb, ${actorId})
      RETURNING id, created_at
    ), d AS (
      INSERT INTO outbox_deliveries (event_id, listener, aggregate_type, aggregate_id)
      SELECT e.id, l.value, ${aggregateType}, ${aggregateId}
      FROM e, jsonb_array_elements_text(${subscribers}::jsonb) AS l(value)
    )
    SELECT e.id::text AS id, e.created_at AS at,
      pg_notify(${OUTBOX_CHANNEL}, json_build_object(
        'id', e.id::text, 'name', ${name}::text, 'actorId', ${actorId}::text, 'at', e.created_at,
        'aggregateType', ${aggregateType}::text, 'aggregateId', ${aggregateId}::text,
        'payload', CASE WHEN ${carry}::boolean THEN ${json}::jsonb END
      )::text)
    FROM e`);
  const row = result.rows[0];
  if (!row) throw new Error(`could not record event ${name}`);
  return {
    id: String(row.id),
    name,
    payload,
    actorId,
    at: new Date(row.at).toISOString(),
    aggregateType,
    aggregateId,
  };
}

/** A notification on OUTBOX_CHANNEL: an event (its payload null when too big to carry), or a bare wake-up. */
export type OutboxNotice = Omit<StoredEvent, 'payload'> & { payload: StoredEvent['payload'] | null };

export function parseOutboxNotice(text: string): OutboxNotice | { wake: true } | null {
  try {
    const value = JSON.parse(text) as Partial<OutboxNotice> & { wake?: boolean };
    if (value.wake === true) return { wake: true };
    if (typeof value.id !== 'string' || typeof value.name !== 'string') return null;
    return value as OutboxNotice;
  } catch {
    return null;
  }
}

/** A recorded event read back by id (one too big to travel in its notification). */
export async function loadOutboxEvent(db: DbOrTx, id: string): Promise<DomainEvent | undefined> {
  const result = await db.execute<DomainEvent>(sql`
    SELECT name, payload, actor_id AS "actorId", created_at AS at FROM outbox_events WHERE id = ${id}::bigint`);
  return result.rows[0];
}
