import type { Locale } from '@kefu/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { departmentNameSql } from '../../departments/index.js';
import { openTicketSql } from '../core/open-ticket.js';
import { ticketScope } from '../core/tickets.repository.js';
import { ticketTypeNameSql } from '../settings/settings.lookups.js';

/** The five intake figures of a set of complaints (docs/reports.md). */
export type IntakeTotals = { received: number; closed: number; open: number; overdue: number; major: number };
export type IntakeGroupBy = 'type' | 'channel' | 'department';
export type IntakeGranularity = 'day' | 'week' | 'month';

/** A period of whole days in the business time zone: `from` inclusive, `to` exclusive (YYYY-MM-DD). */
export type DayRange = { from: string; to: string };

/** Local midnight of `date` in `timeZone`, as a timestamptz. */
const startOf = (date: string, timeZone: string) => sql`((${date}::date)::timestamp AT TIME ZONE ${timeZone})`;

/**
 * Overdue now: open, and the promised next reply has passed or a time limit is breached (the
 * queue's `overdue`, as the ticket row holds it; docs/reports.md).
 */
const overdueNow = sql`(${openTicketSql(sql.raw('tickets.status'))} AND (tickets.next_reply_at < now() OR tickets.sla_state = 'breached'))`;

const GROUP_COLUMN: Record<IntakeGroupBy, SQL> = {
  type: sql.raw('tickets.type_key'),
  channel: sql.raw('tickets.channel'),
  department: sql.raw('tickets.department_id::text'),
};

type Row = IntakeTotals & { key: string | null; name: string | null };

/** The group's name in `locale` (types, departments; null for channels, named by the caller). */
function nameOf(groupBy: IntakeGroupBy | undefined, locale: Locale): SQL {
  if (groupBy === 'type') return ticketTypeNameSql(sql.raw('g.key'), locale);
  if (groupBy === 'department') return departmentNameSql(sql.raw('g.key::uuid'));
  return sql`NULL::text`;
}

/**
 * Complaints (types flagged is_complaint) in the actor's scope, counted over [from, to):
 * received (created in it), closed (closed in it), and of those received the ones still open,
 * overdue now and major. One row in all, or one per type, channel or department (null key: none).
 */
export async function countIntake(
  db: DbOrTx,
  actor: Actor,
  range: DayRange,
  timeZone: string,
  groupBy?: IntakeGroupBy,
  locale: Locale = 'zh-CN',
): Promise<Row[]> {
  const start = startOf(range.from, timeZone);
  const end = startOf(range.to, timeZone);
  const received = sql`(tickets.created_at >= ${start} AND tickets.created_at < ${end})`;
  const closed = sql`(tickets.status = 'closed' AND tickets.closed_at >= ${start} AND tickets.closed_at < ${end})`;
  const key = groupBy ? GROUP_COLUMN[groupBy] : sql`NULL::text`;
  const result = await db.execute<Row>(sql`SELECT g.*, ${nameOf(groupBy, locale)} AS name FROM (SELECT ${key} AS key,
      (count(*) FILTER (WHERE ${received}))::int AS received,
      (count(*) FILTER (WHERE ${closed}))::int AS closed,
      (count(*) FILTER (WHERE ${received} AND ${openTicketSql(sql.raw('tickets.status'))}))::int AS open,
      (count(*) FILTER (WHERE ${received} AND ${overdueNow}))::int AS overdue,
      (count(*) FILTER (WHERE ${received} AND tickets.is_major))::int AS major
    FROM tickets JOIN ticket_types tt ON tt.key = tickets.type_key AND tt.is_complaint
    WHERE (${received} OR ${closed}) AND ${ticketScope(actor)}
    ${groupBy ? sql`GROUP BY 1` : sql``}) g`);
  return result.rows.map((r) => ({
    key: r.key,
    name: r.name,
    received: Number(r.received),
    closed: Number(r.closed),
    open: Number(r.open),
    overdue: Number(r.overdue),
    major: Number(r.major),
  }));
}

/**
 * Complaints received and closed per day, week (ISO, from Monday) or month of [from, to), by
 * their local date; each bucket named by its first day (YYYY-MM-DD), buckets without any absent.
 */
export async function countIntakeTrend(
  db: DbOrTx,
  actor: Actor,
  range: DayRange,
  timeZone: string,
  granularity: IntakeGranularity,
): Promise<{ bucket: string; received: number; closed: number }[]> {
  const start = startOf(range.from, timeZone);
  const end = startOf(range.to, timeZone);
  const unit = sql.raw(`'${granularity}'`);
  const bucketOf = (column: string) =>
    sql`to_char(date_trunc(${unit}, ${sql.raw(column)} AT TIME ZONE ${timeZone}), 'YYYY-MM-DD')`;
  const result = await db.execute<{ bucket: string; received: number; closed: number }>(sql`SELECT bucket,
      sum(received)::int AS received, sum(closed)::int AS closed
    FROM (
      SELECT ${bucketOf('tickets.created_at')} AS bucket, 1 AS received, 0 AS closed
      FROM tickets JOIN ticket_types tt ON tt.key = tickets.type_key AND tt.is_complaint
      WHERE tickets.created_at >= ${start} AND tickets.created_at < ${end} AND ${ticketScope(actor)}
      UNION ALL
      SELECT ${bucketOf('tickets.closed_at')} AS bucket, 0 AS received, 1 AS closed
      FROM tickets JOIN ticket_types tt ON tt.key = tickets.type_key AND tt.is_complaint
      WHERE tickets.status = 'closed' AND tickets.closed_at >= ${start} AND tickets.closed_at < ${end}
        AND ${ticketScope(actor)}
    ) x GROUP BY bucket ORDER BY bucket`);
  return result.rows.map((r) => ({ bucket: r.bucket, received: Number(r.received), closed: Number(r.closed) }));
}
