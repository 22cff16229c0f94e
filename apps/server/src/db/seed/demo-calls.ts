import { inArray, isNotNull, sql } from 'drizzle-orm';
import { addDays, dayIn } from '../../lib/calendar-day.js';
import { linkCallsToCustomers } from '../../modules/calls/index.js';
import type { DbOrTx } from '../client.js';
import { callAgentLinks, calls, customers, users } from '../schema/index.js';

/** The PBX extensions of the hotline team (热线组); PJSIP/8009 is a temp not mapped to anyone. */
const AGENTS: Record<string, string> = {
  'PJSIP/8001': 'wangfang',
  'PJSIP/8002': 'liuyang',
  'PJSIP/8003': 'chenchen',
  'PJSIP/8004': 'zhangwei',
};
const EXTENSIONS = [...Object.keys(AGENTS), 'PJSIP/8009'];
const DAYS = 28;

/**
 * Four weeks of inbound calls (until yesterday) in three queues — 售后热线 busy, 投诉专线 and
 * 大客户专线 quieter — between 08:00 and 20:00 with peaks at 9–11 and 14–16 and about a third of
 * the volume on Saturdays and Sundays. About 9 in 10 calls are answered, most within 20 s (waits
 * longer at the peaks: service level ≈ 75–85 % of answered calls), the rest abandoned (a third
 * of them within 5 s: short abandons), timed out or left; talk 2–7 minutes. About one call in 20
 * comes from a demo customer's number and is linked to it (customer timeline). One set-based
 * INSERT (random() seeded: the same figures on every demo start).
 */
export async function seedDemoCalls(db: DbOrTx, timeZone: string): Promise<void> {
  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, Object.values(AGENTS)));
  const byName = new Map(people.map((p) => [p.username, p.id]));
  const links = Object.entries(AGENTS).flatMap(([agent, username]) => {
    const userId = byName.get(username);
    return userId ? [{ agent, userId }] : [];
  });
  if (links.length > 0) await db.insert(callAgentLinks).values(links).onConflictDoNothing();
  const phones = (
    await db.select({ phone: customers.phoneNormalized }).from(customers).where(isNotNull(customers.phoneNormalized))
  ).map((c) => c.phone as string);
  const today = dayIn(new Date(), timeZone);
  const first = addDays(today, -DAYS);
  const last = addDays(today, -1);
  const phoneList = `{${phones.join(',')}}`;
  const agentList = `{${EXTENSIONS.join(',')}}`;
  await db.execute(sql`SELECT setseed(0.4242)`);
  await db.execute(sql`
    WITH slots AS (
      SELECT d::date AS day, h, q.queue, q.base,
        CASE WHEN h IN (9, 10, 14, 15) THEN 1.7 WHEN h IN (8, 12, 18, 19) THEN 0.5 ELSE 1 END
          * CASE WHEN extract(isodow FROM d) >= 6 THEN 0.35 ELSE 1 END AS weight,
        h IN (9, 10, 14, 15) AS peak
      FROM generate_series(${first}::date, ${last}::date, interval '1 day') AS d,
        generate_series(8, 19) AS h,
        (VALUES ('售后热线', 9), ('投诉专线', 4), ('大客户专线', 2)) AS q(queue, base)
    ),
    one AS (
      SELECT s.*, g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6
      FROM slots s, generate_series(1, greatest(0, round(s.base * s.weight * (0.75 + random() * 0.5)))::int) AS g
    ),
    shaped AS (
      SELECT o.*,
        ((o.day + make_interval(hours => o.h) + o.r5 * interval '1 hour')::timestamp AT TIME ZONE ${timeZone}) AS entered,
        CASE WHEN o.r1 < 0.9 THEN 'answered' WHEN o.r1 < 0.975 THEN 'abandoned' WHEN o.r1 < 0.985 THEN 'timeout'
             WHEN o.r1 < 0.995 THEN 'exit_key' ELSE 'exit_empty' END AS outcome
      FROM one o
    ),
    timed AS (
      SELECT s.*,
        CASE s.outcome
          WHEN 'answered' THEN floor(-ln(1 - s.r2 * 0.999) * CASE WHEN s.peak THEN 15 ELSE 9 END)::int
          WHEN 'abandoned' THEN CASE WHEN s.r2 < 0.33 THEN floor(s.r3 * 6)::int ELSE 6 + floor(s.r3 * 90)::int END
          WHEN 'timeout' THEN 180 WHEN 'exit_key' THEN 15 + floor(s.r3 * 40)::int ELSE 0 END AS wait,
        CASE WHEN s.outcome = 'answered' THEN 120 + floor(s.r3 * 300)::int END AS talk
      FROM shaped s
    )
    INSERT INTO ${calls} (source, external_id, queue, direction, caller_number, agent, entered_at, connected_at,
      ended_at, outcome, wait_seconds, talk_seconds, ring_no_answer_count, ring_no_answer_ms, transferred)
    SELECT 'asterisk-queue-log', floor(extract(epoch FROM t.entered))::bigint || '.' || row_number() OVER (), t.queue,
      'inbound',
      CASE WHEN t.r6 < 0.05 AND cardinality(${phoneList}::text[]) > 0
        THEN (${phoneList}::text[])[1 + floor(t.r4 * cardinality(${phoneList}::text[]))::int]
        ELSE '1' || (35 + floor(t.r6 * 55)::int) || lpad(floor(random() * 100000000)::text, 8, '0') END,
      CASE WHEN t.outcome = 'answered' THEN (${agentList}::text[])[1 + floor(t.r4 * ${EXTENSIONS.length})::int] END,
      t.entered,
      CASE WHEN t.outcome = 'answered' THEN t.entered + make_interval(secs => t.wait) END,
      t.entered + make_interval(secs => t.wait + coalesce(t.talk, 0)),
      t.outcome, t.wait, t.talk,
      CASE WHEN t.outcome = 'answered' AND t.r5 < 0.2 THEN 1 WHEN t.outcome = 'answered' AND t.r5 < 0.25 THEN 2 ELSE 0 END,
      CASE WHEN t.outcome = 'answered' AND t.r5 < 0.2 THEN 15000 WHEN t.outcome = 'answered' AND t.r5 < 0.25 THEN 30000 ELSE 0 END,
      t.outcome = 'answered' AND t.r2 > 0.97
    FROM timed t
    ON CONFLICT DO NOTHING`);
  await db.execute(sql`UPDATE ${calls} AS c SET agent_user_id = l.user_id
    FROM ${callAgentLinks} AS l WHERE c.agent = l.agent AND c.agent_user_id IS NULL`);
  await linkCallsToCustomers(db, { since: new Date(`${first}T00:00:00Z`) });
}
