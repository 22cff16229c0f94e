import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Database, Tx } from '../db/client.js';
import type { Deps } from '../lib/deps.js';
import type { EventCatalog, EventName } from './catalog.js';
import type { StoredEvent } from './listener.js';
import {
  durableListener,
  durableListenerNames,
  OUTBOX_CHANNEL,
  parseOutboxNotice,
  registerDurableListeners,
  subscribersOf,
} from './outbox.js';

type Claimed = {
  event_id: string;
  listener: string;
  attempts: number;
  name: string;
  payload: unknown;
  actor_id: string | null;
  created_at: string | Date;
  aggregate_type: string;
  aggregate_id: string;
};

/**
 * Delivers the outbox to the durable listeners (ADR 0007). One loop per instance: it claims due
 * deliveries with `FOR UPDATE SKIP LOCKED` — never one while an earlier delivery of the same
 * aggregate to the same listener is pending — and runs each listener in a savepoint of the claiming
 * transaction, which also marks the delivery `delivered`: the listener's database effects commit
 * together with the marker, once, whichever instance ran it. A listener that throws is rolled back
 * to its savepoint; the delivery's attempts grow and it waits an exponential back-off, then is
 * `dead` (the dead-letter list on the jobs page). Woken by the NOTIFY of each recorded event,
 * otherwise it polls.
 */
export class OutboxDispatcher {
  /** The registry of durable listeners (module-level: `recordEvent` reads it too). */
  static register = registerDurableListeners;

  private loop: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private woken = false;
  private unlisten: (() => Promise<void>) | undefined;
  /** Batches run one at a time per instance (the loop and `drain`). */
  private running: Promise<number> = Promise.resolve(0);
  private deps: Deps | undefined;

  constructor(private readonly options: { database: Database; config: Config; logger: Logger }) {}

  async start(deps: Deps): Promise<void> {
    this.deps = deps;
    this.stopping = false;
    this.unlisten = await this.options.database.listen(OUTBOX_CHANNEL, (text) => {
      const notice = parseOutboxNotice(text);
      if (!notice) return;
      if ('wake' in notice || subscribersOf(notice.name as EventName).length > 0) this.nudge();
    });
    this.loop = this.run();
  }

  private nudge(): void {
    this.woken = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    const { config, logger } = this.options;
    while (!this.stopping) {
      let claimed = 0;
      try {
        claimed = await this.batch();
      } catch (error) {
        logger.warn({ err: error }, 'outbox dispatch failed');
      }
      if (claimed < config.outbox.batchSize && !this.stopping) {
        const woken = await this.sleep(config.outbox.pollingIntervalMs);
        // Let the burst that woke us commit, then deliver it in one transaction.
        if (woken && config.outbox.coalesceMs > 0 && !this.stopping) await this.pause(config.outbox.coalesceMs);
      }
    }
  }

  /**
   * Sleeps `ms`, or until an event for a listener of this instance is committed, or stop();
   * resolves `true` when woken before the time was up.
   */
  private sleep(ms: number): Promise<boolean> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const done = (woken: boolean) => {
        clearTimeout(timer);
        this.wake = undefined;
        this.woken = false;
        resolve(woken);
      };
      const timer = setTimeout(() => done(false), ms);
      this.wake = () => done(true);
    });
  }

  /** Waits `ms` without being woken early (stop() still ends it). */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        if (!this.stopping) return;
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  /** Runs one batch after the one in progress; resolves with the number of deliveries claimed. */
  private batch(): Promise<number> {
    const next = this.running.catch(() => 0).then(() => this.dispatchBatch());
    this.running = next;
    return next;
  }

  /** Delivers everything due now (tests, and the benchmark): resolves when a batch finds nothing to claim. */
  async drain(): Promise<void> {
    while ((await this.batch()) > 0) {}
  }

  private async dispatchBatch(): Promise<number> {
    const names = durableListenerNames();
    const deps = this.deps;
    if (names.length === 0 || !deps) return 0;
    const { database, config } = this.options;
    return database.db.transaction(async (tx) => {
      const claimed = await tx.execute<Claimed>(sql`
        SELECT d.event_id::text AS event_id, d.listener, d.attempts, e.name, e.payload, e.actor_id,
          e.created_at, d.aggregate_type, d.aggregate_id
        FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= now()
          AND d.listener IN (${sql.join(
            names.map((n) => sql`${n}`),
            sql`, `,
          )})
          AND NOT EXISTS (
            SELECT 1 FROM outbox_deliveries p
            WHERE p.listener = d.listener AND p.aggregate_type = d.aggregate_type
              AND p.aggregate_id = d.aggregate_id AND p.event_id < d.event_id AND p.status = 'pending')
        ORDER BY d.event_id
        LIMIT ${config.outbox.batchSize}
        FOR UPDATE OF d SKIP LOCKED`);
      for (const row of claimed.rows) await this.deliver(tx, deps, row);
      return claimed.rows.length;
    });
  }

  private async deliver(tx: Tx, deps: Deps, row: Claimed): Promise<void> {
    const { config, logger } = this.options;
    const listener = durableListener(row.listener);
    if (!listener) return;
    const event: StoredEvent = {
      id: row.event_id,
      name: row.name as EventName,
      payload: row.payload as EventCatalog[EventName],
      actorId: row.actor_id,
      at: new Date(row.created_at).toISOString(),
      aggregateType: row.aggregate_type,
      aggregateId: row.aggregate_id,
    };
    const key = sql`event_id = ${row.event_id}::bigint AND listener = ${row.listener}`;
    try {
      await tx.transaction((savepoint) => listener.handle({ tx: savepoint, event, deps }));
      await tx.execute(sql`
        UPDATE outbox_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = now(),
          last_error = NULL
        WHERE ${key}`);
    } catch (error) {
      const attempts = row.attempts + 1;
      const dead = attempts >= config.outbox.maxAttempts;
      const delayMs = Math.min(config.outbox.retryBaseMs * 2 ** (attempts - 1), config.outbox.retryMaxMs);
      const message = (error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, 2000);
      logger.warn(
        { err: error, event: event.name, eventId: event.id, listener: listener.name, attempts, dead },
        'event listener failed',
      );
      await tx.execute(sql`
        UPDATE outbox_deliveries SET attempts = ${attempts}, last_error = ${message},
          status = ${dead ? 'dead' : 'pending'},
          next_attempt_at = now() + ${delayMs} * interval '1 millisecond'
        WHERE ${key}`);
    }
  }

  /** Finishes the batch in progress (its transaction commits), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.unlisten?.();
    this.unlisten = undefined;
    await this.loop?.catch(() => {});
    await this.running.catch(() => {});
    this.loop = undefined;
  }
}
