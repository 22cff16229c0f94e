import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { addDays, dayIn } from '../../../lib/calendar-day.js';
import type { Deps } from '../../../lib/deps.js';
import { CN_WORKDAYS, type CompiledCalendar, compiledCalendar, seedCalendars } from '../../calendars/index.js';
import {
  callbackCustomerPreferences,
  callbackOwners,
  callbackPlanSteps,
  callbacks,
  type QuietWindow,
} from '../callbacks.tables.js';
import { anyCustomerQuietHours, placeForCustomers } from '../settings/customer-quiet.js';
import { readSettings } from '../settings/settings.repository.js';
import { assigneeSql, type Team } from './distribute.js';
import { deadlineDate, endOfLocalDay, firstAllowedMinutes, firstAllowedMoment } from './schedule.js';

/** How callbacks are placed (the settings row, the business calendar and "today" in the business time zone). */
export type Rules = {
  windows: QuietWindow[];
  capDays: number;
  deadlineWorkingDays: number;
  timeZone: string;
  calendar: CompiledCalendar;
  today: string;
};

/** A planned date further back than this is not made at all; a later one is due today. */
export const STALE_DAYS = 7;

export async function loadRules(db: DbOrTx, deps: Deps): Promise<Rules> {
  const settings = await readSettings(db);
  let calendar: CompiledCalendar;
  try {
    calendar = await compiledCalendar(db, CN_WORKDAYS);
  } catch {
    await seedCalendars(db);
    calendar = await compiledCalendar(db, CN_WORKDAYS);
  }
  const timeZone = deps.config.timezone;
  return {
    windows: settings.quietWindows,
    capDays: settings.capDays,
    deadlineWorkingDays: settings.deadlineWorkingDays,
    timeZone,
    calendar,
    today: dayIn(new Date(), timeZone),
  };
}

/**
 * The date a step asks for, or null when it is not to be made: past dates are moved to today
 * (a callback is still owed), except a greeting on a fixed date (it would be wrong on another
 * day) and anything planned more than STALE_DAYS ago.
 */
export function effectivePlannedDate(rules: Rules, planned: string, fixed: boolean): string | null {
  if (planned >= rules.today) return planned;
  if (fixed || planned < addDays(rules.today, -STALE_DAYS)) return null;
  return rules.today;
}

/** One callback to make: the columns a candidate source selects, in this order. */
export type Candidate = {
  customerId: string;
  planId: string;
  stepId: string;
  campaignId: string | null;
  sourceKind: string;
  sourceId: string;
  dedupeKey: string;
  anchorDate: string;
  plannedDate: string;
  channel: string;
  purpose: string;
  fixed: boolean;
};

export const CANDIDATE_COLUMNS = sql.raw(
  'customer_id, plan_id, step_id, campaign_id, source_kind, source_id, dedupe_key, anchor_date, planned_date, channel, purpose, fixed',
);

/** Candidates given one by one (a listener), as a subquery with the candidate columns. */
export function candidateValues(rows: readonly Candidate[]): SQL {
  const values = rows.map(
    (c) =>
      sql`(${c.customerId}::uuid, ${c.planId}::uuid, ${c.stepId}::uuid, ${c.campaignId}::uuid, ${c.sourceKind}::text,
        ${c.sourceId}::text, ${c.dedupeKey}::text, ${c.anchorDate}::date, ${c.plannedDate}::date, ${c.channel}::text,
        ${c.purpose}::text, ${c.fixed}::boolean)`,
  );
  return sql`(SELECT * FROM (VALUES ${sql.join(values, sql`, `)}) AS v(${CANDIDATE_COLUMNS}))`;
}

type DayFacts = { scheduled: string; deadline: string };
/** Per compiled calendar (a new one after any calendar change) and rules: each date's facts, computed once. */
const dayCache = new WeakMap<CompiledCalendar, Map<string, DayFacts>>();

function dayFacts(rules: Rules, date: string): DayFacts {
  let byKey = dayCache.get(rules.calendar);
  if (!byKey) {
    byKey = new Map();
    dayCache.set(rules.calendar, byKey);
  }
  const key = `${date}|${rules.timeZone}|${rules.deadlineWorkingDays}|${JSON.stringify(rules.windows)}`;
  let facts = byKey.get(key);
  if (!facts) {
    let deadline = '';
    try {
      deadline = endOfLocalDay(
        deadlineDate(rules.calendar, date, rules.deadlineWorkingDays),
        rules.timeZone,
      ).toISOString();
    } catch {
      deadline = '';
    }
    facts = { scheduled: firstAllowedMoment(date, rules.windows, rules.timeZone).toISOString(), deadline };
    if (byKey.size > 20_000) byKey.clear();
    byKey.set(key, facts);
  }
  return facts;
}

/** Scheduled moment and deadline of each of these dates, as a table to join. */
function dayTable(rules: Rules, dates: readonly string[]): SQL {
  const facts = dates.map((d) => dayFacts(rules, d));
  const arr = (xs: string[]) => `{${xs.map((x) => (x ? `"${x}"` : 'NULL')).join(',')}}`;
  return sql`(SELECT * FROM unnest(${arr([...dates])}::date[], ${arr(facts.map((f) => f.scheduled))}::timestamptz[],
    ${arr(facts.map((f) => f.deadline))}::timestamptz[]) AS d(day, scheduled_at, deadline_at))`;
}

/** A callback that counts for the per-customer cap (not cancelled, not a fixed-date greeting, not the candidate's own row). */
function countsForCap(x: string, c: string): SQL {
  return sql`${sql.raw(x)}.status <> 'cancelled' AND ${sql.raw(x)}.dedupe_key IS DISTINCT FROM ${sql.raw(c)}.dedupe_key
    AND NOT EXISTS (SELECT 1 FROM ${callbackPlanSteps} s WHERE s.id = ${sql.raw(x)}.step_id AND s.fixed_date)`;
}

/**
 * The per-customer cap, set-based: the first date on or after the planned one that is at least
 * `cap` days from every other callback of the customer that counts — the planned date itself, or
 * `cap` days after one of them. A fixed-date greeting keeps its date.
 */
function placedDueSql(cap: number): SQL {
  if (cap <= 0) return sql`c.planned_date`;
  return sql`CASE WHEN c.fixed THEN c.planned_date ELSE (
    SELECT min(o.d) FROM (
      SELECT c.planned_date AS d
      UNION ALL
      SELECT x.due_date + ${cap}::int FROM ${callbacks} x
      WHERE x.customer_id = c.customer_id AND ${countsForCap('x', 'c')} AND x.due_date > c.planned_date - ${cap}::int
    ) o
    WHERE NOT EXISTS (SELECT 1 FROM ${callbacks} y
      WHERE y.customer_id = c.customer_id AND ${countsForCap('y', 'c')}
        AND y.due_date > o.d - ${cap}::int AND y.due_date < o.d + ${cap}::int)) END`;
}

export type InsertOutcome = { assigneeId: string | null; inserted: number; moved: number };

/**
 * Makes (or, `mode: 'upsert'`, moves) the candidates' callbacks in one statement: the cap, the
 * first allowed moment outside quiet hours, the deadline, and the assignee (owner or substitute).
 * Idempotent on `dedupe_key`: a candidate made before is left alone (`ignore`), or moved when
 * its date changed and it is still pending, or made again after a cancellation (`upsert`).
 */
export async function insertCallbacks(
  db: DbOrTx,
  rules: Rules,
  team: Team,
  candidates: SQL,
  mode: 'ignore' | 'upsert',
): Promise<InsertOutcome[]> {
  // One transaction (a savepoint inside the caller's): the candidates placed by the cap are kept in
  // a temporary table, so the cap — the costly part — is computed once for both statements below.
  return db.transaction((tx) => insertPlaced(tx, rules, team, candidates, mode));
}

async function insertPlaced(
  db: DbOrTx,
  rules: Rules,
  team: Team,
  candidates: SQL,
  mode: 'ignore' | 'upsert',
): Promise<InsertOutcome[]> {
  const minutes = firstAllowedMinutes(rules.windows, rules.timeZone);
  await db.execute(sql`DROP TABLE IF EXISTS callbacks_placed`);
  await db.execute(sql`CREATE TEMPORARY TABLE callbacks_placed ON COMMIT DROP AS
    WITH c AS ${candidates} SELECT c.*, ${placedDueSql(rules.capDays)} AS due_date FROM c`);
  await db.execute(sql`ANALYZE callbacks_placed`);
  // The dates the callbacks land on (after the cap), first: their moments and deadlines come from the calendar.
  const placed = await db.execute<{ d: string }>(
    sql`SELECT DISTINCT due_date::text AS d FROM callbacks_placed WHERE due_date IS NOT NULL`,
  );
  const dates = placed.rows.map((r) => r.d).filter(Boolean);
  if (dates.length === 0) return [];
  const onConflict =
    mode === 'ignore'
      ? sql`ON CONFLICT (dedupe_key) DO NOTHING`
      : sql`ON CONFLICT (dedupe_key) DO UPDATE SET
          anchor_date = excluded.anchor_date, planned_date = excluded.planned_date, due_date = excluded.due_date,
          scheduled_at = excluded.scheduled_at, deadline_at = excluded.deadline_at, source_id = excluded.source_id,
          status = 'pending', cancelled_reason = NULL,
          assignee_id = coalesce(${callbacks}.assignee_id, excluded.assignee_id),
          assigned_at = coalesce(${callbacks}.assigned_at, excluded.assigned_at),
          updated_at = now(), version = ${callbacks}.version + 1
        WHERE ${callbacks}.status = 'cancelled' OR (${callbacks}.status = 'pending'
          AND (${callbacks}.due_date, ${callbacks}.anchor_date) IS DISTINCT FROM (excluded.due_date, excluded.anchor_date))`;
  // Customers with rest hours of their own: their callbacks are placed again after the INSERT.
  const ownHours = await anyCustomerQuietHours(db);
  // (Only when some customer has them: the plain statement stays as lean as before for the rest.)
  const ownHoursId = ownHours
    ? sql`, CASE WHEN EXISTS (SELECT 1 FROM ${callbackCustomerPreferences} q WHERE q.customer_id = ${callbacks}.customer_id) THEN id END AS own_hours_id`
    : sql``;
  const ownHoursAgg = ownHours
    ? sql`, array_agg(own_hours_id) FILTER (WHERE own_hours_id IS NOT NULL) AS own_hours`
    : sql``;
  const result = await db.execute<{
    assignee_id: string | null;
    inserted: string | number;
    moved: string | number;
    own_hours: string[] | null;
  }>(sql`
    WITH ins AS (
      INSERT INTO ${callbacks} (customer_id, plan_id, step_id, campaign_id, source_kind, source_id, dedupe_key,
        anchor_date, planned_date, due_date, scheduled_at, deadline_at, channel, purpose, assignee_id, assigned_at)
      SELECT p.customer_id, p.plan_id, p.step_id, p.campaign_id, p.source_kind, p.source_id, p.dedupe_key,
        p.anchor_date, p.planned_date, p.due_date,
        coalesce(d.scheduled_at, (p.due_date::timestamp + ${minutes}::int * interval '1 minute') AT TIME ZONE ${rules.timeZone}),
        d.deadline_at, p.channel, p.purpose, a.assignee, CASE WHEN a.assignee IS NULL THEN NULL ELSE now() END
      FROM callbacks_placed p
      LEFT JOIN ${dayTable(rules, dates)} d ON d.day = p.due_date
      LEFT JOIN ${callbackOwners} o ON o.customer_id = p.customer_id
      CROSS JOIN LATERAL (SELECT ${assigneeSql(team, sql`o.user_id`, sql`p.customer_id`, sql`p.due_date`, rules.today)} AS assignee) a
      WHERE true
      ${onConflict}
      RETURNING assignee_id, (xmax = 0) AS inserted${ownHoursId})
    SELECT assignee_id, count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS moved
      ${ownHoursAgg}
    FROM ins GROUP BY assignee_id`);
  await placeForCustomers(
    db,
    result.rows.flatMap((r) => r.own_hours ?? []),
    rules.timeZone,
  );
  return result.rows.map((r) => ({
    assigneeId: r.assignee_id,
    inserted: Number(r.inserted),
    moved: Number(r.moved),
  }));
}

/** Cancels pending callbacks matching `where` (over `callbacks`); returns how many. */
export async function cancelPending(db: DbOrTx, where: SQL, reason: string): Promise<number> {
  const result = await db.execute<{ n: string | number }>(sql`
    WITH cancelled AS (
      UPDATE ${callbacks} SET status = 'cancelled', cancelled_reason = ${reason}, updated_at = now(),
        version = ${callbacks}.version + 1
      WHERE ${callbacks}.status = 'pending' AND ${where}
      RETURNING 1)
    SELECT count(*) AS n FROM cancelled`);
  return Number(result.rows[0]?.n ?? 0);
}
