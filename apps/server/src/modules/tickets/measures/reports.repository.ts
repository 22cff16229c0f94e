import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { departmentTreeIds } from '../../../lib/data-scope.js';
import { ticketScope } from '../core/tickets.repository.js';

/** Local midnight of `date` in `timeZone`, as a timestamptz. */
const startOf = (date: string, timeZone: string) => sql`((${date}::date)::timestamp AT TIME ZONE ${timeZone})`;

function departmentFilter(departmentId: string | undefined): SQL {
  if (!departmentId) return sql`TRUE`;
  return sql`tickets.department_id IN (${departmentTreeIds(departmentId)})`;
}

export type Periods = { from: string; to: string; previousFrom: string; nextDay: string };

/**
 * Closed complaints per root cause in the period [from, to] and in the period before
 * [previousFrom, from), by their closing time in the business time zone; scoped and filtered
 * inside the query. One row per root cause (null: none recorded) with its names.
 */
export async function countRootCauses(
  db: DbOrTx,
  actor: Actor,
  p: Periods,
  timeZone: string,
  departmentId: string | undefined,
) {
  const previousStart = startOf(p.previousFrom, timeZone);
  const start = startOf(p.from, timeZone);
  const end = startOf(p.nextDay, timeZone);
  const result = await db.execute<{
    root_cause_key: string | null;
    name: string | null;
    name_en: string | null;
    sort_order: number | null;
    count: number;
    previous_count: number;
  }>(sql`SELECT c.root_cause_key, rc.name, rc.name_en, rc.sort_order, c.count, c.previous_count
    FROM (
      SELECT tickets.root_cause_key,
        (count(*) FILTER (WHERE tickets.closed_at >= ${start}))::int AS count,
        (count(*) FILTER (WHERE tickets.closed_at < ${start}))::int AS previous_count
      FROM tickets JOIN ticket_types tt ON tt.key = tickets.type_key AND tt.is_complaint
      WHERE tickets.status = 'closed' AND tickets.closed_at >= ${previousStart} AND tickets.closed_at < ${end}
        AND ${ticketScope(actor)} AND ${departmentFilter(departmentId)}
      GROUP BY tickets.root_cause_key
    ) c LEFT JOIN ticket_root_causes rc ON rc.key = c.root_cause_key`);
  return result.rows;
}

/** Improvement measures due in [from, to] on tickets in scope, by how they ended up. */
export async function measureCompletion(
  db: DbOrTx,
  actor: Actor,
  p: Periods,
  timeZone: string,
  today: string,
  departmentId: string | undefined,
) {
  const doneDay = sql`(m.done_at AT TIME ZONE ${timeZone})::date`;
  const result = await db.execute<{
    total: number;
    done_on_time: number;
    done_late: number;
    open_overdue: number;
    open: number;
    cancelled: number;
  }>(sql`SELECT count(*)::int AS total,
      (count(*) FILTER (WHERE m.status = 'done' AND ${doneDay} <= m.due_date))::int AS done_on_time,
      (count(*) FILTER (WHERE m.status = 'done' AND ${doneDay} > m.due_date))::int AS done_late,
      (count(*) FILTER (WHERE m.status IN ('open', 'in_progress') AND m.due_date < ${today}::date))::int AS open_overdue,
      (count(*) FILTER (WHERE m.status IN ('open', 'in_progress') AND m.due_date >= ${today}::date))::int AS open,
      (count(*) FILTER (WHERE m.status = 'cancelled'))::int AS cancelled
    FROM improvement_measures m JOIN tickets ON tickets.id = m.ticket_id
    WHERE m.due_date BETWEEN ${p.from}::date AND ${p.to}::date
      AND ${ticketScope(actor)} AND ${departmentFilter(departmentId)}`);
  return result.rows[0];
}
