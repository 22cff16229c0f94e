import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../src/db/client.js';
import type { EventName } from '../src/events/catalog.js';
import type { StoredEvent } from '../src/events/listener.js';

/**
 * The events recorded in the outbox (ADR 0007), oldest first: what a test reads to see which
 * events a use case recorded. `reset()` forgets those recorded so far.
 */
export class EventLog {
  private since = 0;

  constructor(private readonly db: DbOrTx) {}

  async reset(): Promise<void> {
    const result = await this.db.execute<{ id: string | null }>(sql`SELECT max(id)::text AS id FROM outbox_events`);
    this.since = Number(result.rows[0]?.id ?? 0);
  }

  async list<N extends EventName>(name?: N): Promise<StoredEvent<N>[]> {
    const result = await this.db.execute<{
      id: string;
      name: N;
      payload: StoredEvent<N>['payload'];
      actorId: string | null;
      at: string;
      aggregateType: string;
      aggregateId: string;
    }>(sql`
      SELECT id::text AS id, name, payload, actor_id AS "actorId", created_at AS at,
        aggregate_type AS "aggregateType", aggregate_id AS "aggregateId"
      FROM outbox_events
      WHERE id > ${this.since} AND (${name ?? null}::text IS NULL OR name = ${name ?? null})
      ORDER BY id`);
    return result.rows.map((row) => ({ ...row, at: new Date(row.at).toISOString() }));
  }
}
