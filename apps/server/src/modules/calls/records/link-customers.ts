import { type Locale, t } from '@kefu/shared';
import { and, gte, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { chunks } from '../../../lib/chunks.js';
import { findCustomersByPhones, insertTimelineEntries, type TimelineInsert } from '../../customers/index.js';
import { userNameSql } from '../../users/index.js';
import { type CallOutcome, calls } from '../calls.tables.js';

/** Distinct caller numbers looked up per round (two customer queries each). */
const NUMBERS_PER_ROUND = 2_000;

const TITLE: Record<CallOutcome, string> = {
  answered: 'call.answered',
  abandoned: 'call.abandoned',
  timeout: 'call.missed',
  exit_key: 'call.missed',
  exit_empty: 'call.missed',
  unresolved: 'call.unresolved',
};

type Linked = {
  id: string;
  customer_id: string;
  entered_at: string | Date;
  direction: 'inbound' | 'outbound';
  queue: string;
  outcome: CallOutcome;
  wait_seconds: number | null;
  talk_seconds: number | null;
  agent: string | null;
  agent_name: string | null;
};

/** The customer-timeline entry of a linked call: title key + queue, the facts in `after`, a line in `locale`. */
function timelineEntry(row: Linked, locale: Locale): TimelineInsert {
  const agent = row.agent_name ?? row.agent;
  return {
    customerId: row.customer_id,
    at: new Date(row.entered_at),
    kind: 'pbx_call',
    channel: 'phone',
    direction: row.direction,
    title: `${TITLE[row.outcome]}:${row.queue}`,
    body: t(locale, 'call.timeline.body', { wait: row.wait_seconds, talk: row.talk_seconds, agent }).slice(0, 4000),
    after: {
      queue: row.queue,
      outcome: row.outcome,
      waitSeconds: row.wait_seconds,
      talkSeconds: row.talk_seconds,
      agent,
    },
    refType: 'call',
    refId: row.id,
  };
}

/**
 * Links calls not linked yet to the customer (or a customer's contact) whose phone matches the
 * caller's number, through customers' `findCustomersByPhones` (the customer's own number first,
 * then a contact's; the oldest customer wins), and adds each newly linked call to the customer's
 * timeline. Set-based: a round looks up 2,000 distinct numbers at once and links their calls in one
 * UPDATE. Scope: `callIds` (e.g. one import batch) or every call entered `since`; nothing given:
 * every unlinked call. Calls already linked are left as they are. Returns how many were linked.
 * Import calls it after each batch, in the batch's transaction.
 */
export async function linkCallsToCustomers(
  db: DbOrTx,
  options: { callIds?: readonly string[]; since?: Date; locale?: Locale } = {},
): Promise<number> {
  if (options.callIds && options.callIds.length === 0) return 0;
  const locale = options.locale ?? 'zh-CN';
  const scope = (): SQL | undefined =>
    and(
      isNull(calls.customerId),
      isNotNull(calls.callerNumber),
      options.callIds ? inArray(calls.id, [...options.callIds]) : undefined,
      options.since ? gte(calls.enteredAt, options.since) : undefined,
    );
  const numbers = await db.selectDistinct({ number: calls.callerNumber }).from(calls).where(scope());
  let linked = 0;
  for (const round of chunks(
    numbers.map((n) => n.number as string),
    NUMBERS_PER_ROUND,
  )) {
    const matches = await findCustomersByPhones(db, round);
    const pairs = round.flatMap((number) => {
      const digits = number.replace(/\D/g, '');
      const key = digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
      const match = matches.get(key);
      return match ? [{ number, ...match }] : [];
    });
    if (pairs.length === 0) continue;
    const values = sql.join(
      pairs.map((p) => sql`(${p.number}, ${p.customerId}::uuid, ${p.contactId}::uuid)`),
      sql`, `,
    );
    const result = await db.execute<Linked>(sql`
      UPDATE ${calls} SET customer_id = m.cid, contact_id = m.ctid, updated_at = now()
      FROM (VALUES ${values}) AS m(num, cid, ctid)
      WHERE ${calls.callerNumber} = m.num AND ${scope()}
      RETURNING ${calls.id} AS id, ${calls.customerId} AS customer_id, ${calls.enteredAt} AS entered_at,
        ${calls.direction} AS direction, ${calls.queue} AS queue, ${calls.outcome} AS outcome,
        ${calls.waitSeconds} AS wait_seconds, ${calls.talkSeconds} AS talk_seconds, ${calls.agent} AS agent,
        ${userNameSql(calls.agentUserId)} AS agent_name`);
    for (const part of chunks(result.rows, 1_000)) {
      await insertTimelineEntries(
        db,
        part.map((row) => timelineEntry(row, locale)),
      );
    }
    linked += result.rows.length;
  }
  return linked;
}
