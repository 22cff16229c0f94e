import type { Tx } from '../db/client.js';
import type { Deps } from '../lib/deps.js';
import type { EventCatalog, EventName } from './catalog.js';

/** An event as the outbox stored it: `id` orders it and keys idempotent effects. */
export type StoredEvent<N extends EventName = EventName> = {
  id: string;
  name: N;
  payload: EventCatalog[N];
  actorId: string | null;
  at: string;
  /** The record the event is about (`ticket`, `customer`, …) and its id: delivery is in order per aggregate. */
  aggregateType: string;
  aggregateId: string;
};

/**
 * A durable listener: the outbox dispatcher delivers each event it subscribes to at least once, in
 * order per aggregate, in a transaction that also records the delivery — so the listener's own
 * database effects happen once per event (it must still be idempotent about anything outside the
 * database). A listener that throws is retried with back-off, then lands in the dead-letter list.
 */
export type DurableListener = {
  /** Stable key of the delivery markers (`<module>.<what>`, e.g. `customers.ticket_timeline`). */
  name: string;
  events: readonly EventName[];
  handle(args: { tx: Tx; event: StoredEvent; deps: Deps }): Promise<void>;
};
