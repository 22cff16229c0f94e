import { and, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { calls } from '../calls.tables.js';
import { callVisibleSql } from '../records/call-scope.js';

/** One half hour of one past day: calls that entered, and the talk time of those answered with a known talk. */
export type HalfHourRow = { day: string; slot: number; calls: number; talkSum: number; talkCount: number };

/**
 * Inbound calls per local day and half hour (slot 0 = 00:00–00:30 in `timeZone`) within the given
 * day windows, in the reader's data scope (records/call-scope.ts), optionally of one queue.
 */
export async function callsByHalfHour(
  db: DbOrTx,
  actor: Actor,
  filter: { windows: readonly { from: Date; to: Date }[]; timeZone: string; queue?: string },
): Promise<HalfHourRow[]> {
  if (filter.windows.length === 0) return [];
  const local = sql`(${calls.enteredAt} AT TIME ZONE ${filter.timeZone})`;
  const result = await db.execute<HalfHourRow>(sql`
    SELECT to_char(${local}, 'YYYY-MM-DD') AS "day",
      (extract(hour FROM ${local}) * 2 + floor(extract(minute FROM ${local}) / 30))::int AS "slot",
      count(*)::int AS "calls",
      coalesce(sum(${calls.talkSeconds}) FILTER (WHERE ${calls.outcome} = 'answered'), 0)::float8 AS "talkSum",
      count(${calls.talkSeconds}) FILTER (WHERE ${calls.outcome} = 'answered')::int AS "talkCount"
    FROM ${calls}
    WHERE ${and(
      or(...filter.windows.map((w) => and(gte(calls.enteredAt, w.from), lt(calls.enteredAt, w.to)))),
      eq(calls.direction, 'inbound'),
      filter.queue ? eq(calls.queue, filter.queue) : undefined,
      callVisibleSql(actor),
    )}
    GROUP BY 1, 2`);
  return result.rows.map((r) => ({
    day: r.day,
    slot: Number(r.slot),
    calls: Number(r.calls),
    talkSum: Number(r.talkSum),
    talkCount: Number(r.talkCount),
  }));
}
