import type { Locale } from '@kefu/shared';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { departmentTreeIds, scopedUserIds } from '../../../lib/data-scope.js';
import { departmentNameSql } from '../../departments/index.js';
import { ticketTypeNameSql } from '../../tickets/index.js';
import { userNameSql } from '../../users/index.js';
import { type SlaMetric, slaClocks, slaFirings, slaSettings } from '../sla.tables.js';
import type { SlaReportGroup, SlaTrendInterval } from './report.schemas.js';

/** The period [start, end) as instants: local midnights of `from` and of the day after `to`. */
export type ReportRange = { from: string; to: string; timeZone: string };

const startOf = (r: ReportRange) => sql`((${r.from}::date)::timestamp AT TIME ZONE ${r.timeZone})`;
const endOf = (r: ReportRange) => sql`((${r.to}::date + 1)::timestamp AT TIME ZONE ${r.timeZone})`;

/**
 * The clocks the actor may measure, by the clock's snapshot of who and which department it ran for
 * (the same rules as the ticket scope, without creators and watchers: a clock is measured against
 * whoever handled the ticket): scope `all` everything; otherwise clocks assigned to the people of
 * the scope, plus, for scope `team`, the unassigned clocks of the actor's department, and for
 * scope `department`, every clock of the actor's department tree.
 */
export function clockScope(actor: Actor): SQL {
  const ids = scopedUserIds(actor);
  if (!ids) return sql`TRUE`;
  const people = sql`${slaClocks.assigneeId} IN (${ids})`;
  if (actor.dataScope === 'team' && actor.departmentId) {
    return sql`(${people} OR (${slaClocks.assigneeId} IS NULL AND ${slaClocks.departmentId} = ${actor.departmentId}::uuid))`;
  }
  if (actor.dataScope === 'department' && actor.departmentId) {
    return sql`(${people} OR ${slaClocks.departmentId} IN (${departmentTreeIds(actor.departmentId)}))`;
  }
  return sql`(${people})`;
}

/**
 * When a clock counts: a met clock when it stopped, a breached one when it breached (whether it
 * stopped since or not; each clock is counted once), an open (running/paused) one when it started.
 */
const countedAt = sql`(CASE ${slaClocks.state}
    WHEN 'met' THEN ${slaClocks.stoppedAt}
    WHEN 'breached' THEN COALESCE(${slaClocks.breachedAt}, ${slaClocks.dueAt}, ${slaClocks.stoppedAt})
    ELSE ${slaClocks.startedAt} END)`;

/** What a group's key is, for a clock counted at `at`. */
function groupKey(groupBy: SlaReportGroup, at: SQL, timeZone: string): SQL {
  switch (groupBy) {
    case 'agent':
      return sql`${slaClocks.assigneeId}::text`;
    case 'team':
      return sql`${slaClocks.departmentId}::text`;
    case 'type':
      return sql`${slaClocks.typeKey}`;
    case 'priority':
      return sql`${slaClocks.priority}`;
    case 'month':
      return sql`to_char(${at} AT TIME ZONE ${timeZone}, 'YYYY-MM')`;
  }
}

/** The bucket of a trend: its first local day (date_trunc: a week starts on Monday). */
function bucketKey(interval: SlaTrendInterval, at: SQL, timeZone: string): SQL {
  return sql`to_char(date_trunc(${interval}, ${at} AT TIME ZONE ${timeZone}), 'YYYY-MM-DD')`;
}

export type ClockCountRow = {
  key: string | null;
  metric: SlaMetric;
  met: number;
  breached: number;
  open: number;
  paused: number;
};

/** Clocks in scope counted in the period (cancelled ones never), per group key × metric. */
async function countClocksBy(db: DbOrTx, actor: Actor, range: ReportRange, key: SQL): Promise<ClockCountRow[]> {
  const result = await db.execute<ClockCountRow>(sql`SELECT ${key} AS key, ${slaClocks.metric} AS metric,
      (count(*) FILTER (WHERE ${slaClocks.state} = 'met'))::int AS met,
      (count(*) FILTER (WHERE ${slaClocks.state} = 'breached'))::int AS breached,
      (count(*) FILTER (WHERE ${slaClocks.state} IN ('running', 'paused')))::int AS open,
      COALESCE(sum(${slaClocks.pausedMinutes}), 0)::int AS paused
    FROM ${slaClocks}
    WHERE ${slaClocks.state} <> 'cancelled'
      AND ${slaClocks.startedAt} < ${endOf(range)}
      AND ${countedAt} >= ${startOf(range)} AND ${countedAt} < ${endOf(range)}
      AND ${clockScope(actor)}
    GROUP BY 1, 2`);
  return result.rows;
}

export function countClocks(db: DbOrTx, actor: Actor, range: ReportRange, groupBy: SlaReportGroup) {
  return countClocksBy(db, actor, range, groupKey(groupBy, countedAt, range.timeZone));
}

export function countClocksByBucket(db: DbOrTx, actor: Actor, range: ReportRange, interval: SlaTrendInterval) {
  return countClocksBy(db, actor, range, bucketKey(interval, countedAt, range.timeZone));
}

export type FiringCountRow = {
  key: string | null;
  kind: 'warning' | 'escalation';
  step: number;
  n: number;
  late: number;
};

/** Warnings and escalations fired in the period on clocks in scope, per group key × kind × step. */
export async function countFirings(
  db: DbOrTx,
  actor: Actor,
  range: ReportRange,
  groupBy: SlaReportGroup,
): Promise<FiringCountRow[]> {
  const key = groupKey(groupBy, sql`${slaFirings.firedAt}`, range.timeZone);
  const result = await db.execute<FiringCountRow>(sql`SELECT ${key} AS key, ${slaFirings.kind} AS kind,
      ${slaFirings.step} AS step, count(*)::int AS n, (count(*) FILTER (WHERE ${slaFirings.late}))::int AS late
    FROM ${slaFirings} JOIN ${slaClocks} ON ${slaClocks.id} = ${slaFirings.clockId}
    WHERE ${slaFirings.firedAt} >= ${startOf(range)} AND ${slaFirings.firedAt} < ${endOf(range)}
      AND ${clockScope(actor)}
    GROUP BY 1, 2, 3`);
  return result.rows;
}

/**
 * Names of the group keys that are ids or keys of other modules' records (their exported
 * lookups): agents' display names, departments' names, ticket types' names in `locale`.
 */
export async function groupLabels(
  db: DbOrTx,
  groupBy: SlaReportGroup,
  keys: readonly string[],
  locale: Locale,
): Promise<Map<string, string>> {
  if (keys.length === 0 || (groupBy !== 'agent' && groupBy !== 'team' && groupBy !== 'type')) return new Map();
  const k = sql`k.key`;
  const name =
    groupBy === 'agent'
      ? userNameSql(sql`${k}::uuid`)
      : groupBy === 'team'
        ? departmentNameSql(sql`${k}::uuid`)
        : ticketTypeNameSql(k, locale);
  const list = sql.join(
    keys.map((key) => sql`${key}`),
    sql`, `,
  );
  const result = await db.execute<{ key: string; label: string | null }>(
    sql`SELECT k.key, ${name} AS label FROM unnest(ARRAY[${list}]::text[]) AS k(key)`,
  );
  return new Map(result.rows.filter((r) => r.label !== null).map((r) => [r.key, r.label as string]));
}

/** The weights of the SLA rate (sla_settings row 1; null when the row is missing). */
export async function findWeights(db: DbOrTx): Promise<Partial<Record<SlaMetric, number>> | null> {
  const [row] = await db.select({ weights: slaSettings.weights }).from(slaSettings).where(eq(slaSettings.id, 1));
  return row?.weights ?? null;
}
