import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { CallSource } from '../calls.tables.js';
import type { CallRow } from './import.read.js';

/** A PostgreSQL array literal of texts (NULL for null), passed as one parameter. */
export function textArray(values: readonly (string | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (i > 0) out += ',';
    out += v === null || v === undefined ? 'NULL' : `"${v.replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

function numberArray(values: readonly (number | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : String(Math.trunc(v)))).join(',')}}`;
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** How settled a call is: a later record of the same stay replaces an earlier one only if more settled. */
function settledness(call: CallRow): number {
  if (call.outcome === 'unresolved') return 0;
  return call.outcome === 'answered' && call.endedAt === null ? 1 : 2;
}

/**
 * One record per natural key within a batch (a statement may not touch a row twice): the most
 * settled, the later one on a tie.
 */
export function distinctCalls(calls: readonly CallRow[]): CallRow[] {
  const byKey = new Map<string, CallRow>();
  for (const call of calls) {
    const key = `${call.externalId}\u0000${call.queue}\u0000${call.enteredAt.getTime()}`;
    const known = byKey.get(key);
    if (!known || settledness(call) >= settledness(known)) byKey.set(key, call);
  }
  return byKey.size === calls.length ? [...calls] : [...byKey.values()];
}

export type StoredBatch = { ids: string[]; inserted: number; updated: number };

/**
 * Stores a batch of calls in one statement (arrays unnested, one parameter per column): new stays
 * are inserted; a known one is changed only when this record settles it — an `unresolved` stay
 * that now has its end, or a stay answered without a COMPLETE line that now has it. Anything else
 * is left as it is, so re-importing a file or an overlapping tail changes nothing. `inserted` and
 * `updated` count the rows written (xmax = 0 ⇔ inserted); `ids` are theirs, for customer linking.
 * The PBX agent is mapped to its Kefu user through call_agent_links as rows are written.
 */
export async function upsertCalls(
  db: DbOrTx,
  source: CallSource,
  importId: string | null,
  batch: readonly CallRow[],
): Promise<StoredBatch> {
  if (batch.length === 0) return { ids: [], inserted: 0, updated: 0 };
  const calls = distinctCalls(batch);
  const result = await db.execute<{ id: string; inserted: boolean }>(sql`
    INSERT INTO calls (source, external_id, queue, direction, caller_number, agent, agent_user_id, entered_at,
      connected_at, ended_at, outcome, wait_seconds, talk_seconds, ring_no_answer_count, ring_no_answer_ms,
      transferred, import_id)
    SELECT ${source}, t.external_id, t.queue, t.direction, t.caller_number, t.agent, l.user_id, t.entered_at,
      t.connected_at, t.ended_at, t.outcome, t.wait_seconds, t.talk_seconds, t.rna_count, t.rna_ms,
      t.transferred, ${importId}::uuid
    FROM unnest(
      ${textArray(calls.map((c) => c.externalId))}::text[],
      ${textArray(calls.map((c) => c.queue))}::text[],
      ${textArray(calls.map((c) => c.direction ?? 'inbound'))}::text[],
      ${textArray(calls.map((c) => c.callerNumber))}::text[],
      ${textArray(calls.map((c) => c.agent))}::text[],
      ${textArray(calls.map((c) => c.enteredAt.toISOString()))}::timestamptz[],
      ${textArray(calls.map((c) => iso(c.connectedAt)))}::timestamptz[],
      ${textArray(calls.map((c) => iso(c.endedAt)))}::timestamptz[],
      ${textArray(calls.map((c) => c.outcome))}::text[],
      ${numberArray(calls.map((c) => c.waitSeconds))}::int[],
      ${numberArray(calls.map((c) => c.talkSeconds))}::int[],
      ${numberArray(calls.map((c) => c.ringNoAnswerCount))}::int[],
      ${numberArray(calls.map((c) => c.ringNoAnswerMs))}::int[],
      ${`{${calls.map((c) => (c.transferred ? 't' : 'f')).join(',')}}`}::boolean[]
    ) AS t(external_id, queue, direction, caller_number, agent, entered_at, connected_at, ended_at, outcome,
      wait_seconds, talk_seconds, rna_count, rna_ms, transferred)
    LEFT JOIN call_agent_links l ON l.agent = t.agent
    ON CONFLICT (source, external_id, queue, entered_at) DO UPDATE SET
      agent = EXCLUDED.agent, agent_user_id = EXCLUDED.agent_user_id, connected_at = EXCLUDED.connected_at,
      ended_at = EXCLUDED.ended_at, outcome = EXCLUDED.outcome, wait_seconds = EXCLUDED.wait_seconds,
      talk_seconds = EXCLUDED.talk_seconds, ring_no_answer_count = EXCLUDED.ring_no_answer_count,
      ring_no_answer_ms = EXCLUDED.ring_no_answer_ms, transferred = EXCLUDED.transferred,
      caller_number = COALESCE(calls.caller_number, EXCLUDED.caller_number), import_id = EXCLUDED.import_id,
      updated_at = now()
    WHERE (calls.outcome = 'unresolved' AND EXCLUDED.outcome <> 'unresolved')
      OR (calls.outcome = 'answered' AND calls.ended_at IS NULL AND EXCLUDED.outcome = 'answered'
        AND EXCLUDED.ended_at IS NOT NULL)
    RETURNING id, (xmax = 0) AS inserted`);
  let inserted = 0;
  const ids: string[] = [];
  for (const row of result.rows) {
    ids.push(row.id);
    if (row.inserted === true || (row.inserted as unknown) === 't') inserted += 1;
  }
  return { ids, inserted, updated: ids.length - inserted };
}
