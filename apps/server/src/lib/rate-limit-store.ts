import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { rateLimitHits } from '../db/schema/rate-limits.js';

/** Expired counters are deleted on every this many increments of an instance. */
const PURGE_EVERY = 200;

/**
 * A @fastify/rate-limit store in the database (`rate_limit_hits`), so that every instance counts
 * the same requests: fixed windows on the database's clock, one upsert per limited request (the
 * login route only, next to an argon2 hash). Its default store is a per-process LRU: with two
 * instances a limit of 20 a minute would be 40.
 */
export function databaseRateLimitStore(database: Database): FastifyRateLimitStoreCtor {
  let calls = 0;
  const t = rateLimitHits;

  function store(prefix: string): FastifyRateLimitStore {
    return {
      incr(key, callback, timeWindow) {
        const id = `${prefix}${key}`;
        const window = sql`make_interval(secs => ${timeWindow / 1000})`;
        database.db
          .execute<{ hits: number; ttl: number }>(sql`
            INSERT INTO ${t} (key, hits, reset_at) VALUES (${id}, 1, now() + ${window})
            ON CONFLICT (key) DO UPDATE SET
              hits = CASE WHEN ${t.resetAt} <= now() THEN 1 ELSE ${t.hits} + 1 END,
              reset_at = CASE WHEN ${t.resetAt} <= now() THEN excluded.reset_at ELSE ${t.resetAt} END
            RETURNING hits, greatest(0, ceil(extract(epoch FROM reset_at - now()) * 1000))::int AS ttl`)
          .then(async (result) => {
            const row = result.rows[0] as { hits: number; ttl: number };
            callback(null, { current: Number(row.hits), ttl: Number(row.ttl) });
            calls += 1;
            if (calls % PURGE_EVERY === 0) await database.db.execute(sql`DELETE FROM ${t} WHERE ${t.resetAt} < now()`);
          })
          .catch((error: Error) => callback(error));
      },
      child(routeOptions) {
        // As the plugin's Redis store: one counter per route (method and URL) and client key.
        const { routeInfo } = routeOptions as unknown as { routeInfo: { method: string; url: string } };
        return store(`${prefix}${routeInfo.method}${routeInfo.url}-`);
      },
    };
  }

  return class {
    constructor() {
      // biome-ignore lint/correctness/noConstructorReturn: the plugin instantiates the class it is given.
      return store('');
    }
  } as unknown as FastifyRateLimitStoreCtor;
}
