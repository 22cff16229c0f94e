import { type SQL, sql } from 'drizzle-orm';
import { isOpen, openTicketSql, overdueTicketSql } from '../core/open-ticket.js';
import type { TicketStatus } from '../core/tickets.lifecycle.js';
import { tickets } from '../tickets.tables.js';
import { dueAtExpression, urgencyExpression } from './due-order.js';

/**
 * The due time of a ticket and what is overdue or due soon (issue 14; docs/ticket-queue.md):
 * - due time (`dueAt`): for an open ticket the earlier of the promised next reply and the nearest
 *   time-limit due time (either may be missing); none for a ticket that is not open.
 * - overdue: open, and the next reply is past OR a time limit is breached (`sla_state`).
 * - due today: open, not overdue, due before the end of today in the configured time zone.
 * - due within the hour: open, not overdue, due within the next hour.
 * The SQL below is written once here and used by the queue's filters, its order, its counts and
 * the expression index `tickets_due_idx` (migration), whose definition is the same text.
 */

const OPEN = openTicketSql(tickets.status);

/** `dueAt` of a ticket (null when it is not open or has neither time). */
export const dueAtSql: SQL = dueAtExpression(tickets);

/**
 * The default order's first key: 0 = open with a breached time limit (overdue whatever its due
 * time: a breached clock's due time may be its follow-up, still ahead), 1 = other open, 2 = not
 * open. Then `dueAt` ascending puts a passed next reply (due time in the past) before the rest.
 */
export const urgencySql: SQL = urgencyExpression(tickets);

/** Open, and the next reply is past or a time limit breached (never null). */
export const overdueSql: SQL = sql`(${overdueTicketSql(tickets)} IS TRUE)`;

/** Open and not overdue (never null). */
const openNotOverdue = sql`${OPEN} AND (${tickets.nextReplyAt} IS NULL OR ${tickets.nextReplyAt} >= now()) AND ${tickets.slaState} IS DISTINCT FROM 'breached'`;

/** The end of today (exclusive) in `timeZone`, as a timestamptz. */
export function endOfTodaySql(timeZone: string): SQL {
  return sql`((date_trunc('day', now() AT TIME ZONE ${timeZone}) + interval '1 day') AT TIME ZONE ${timeZone})`;
}

/** Open, not overdue, due before `until`. */
export function dueBeforeSql(until: SQL): SQL {
  return sql`(${openNotOverdue} AND LEAST(${tickets.nextReplyAt}, ${tickets.slaDueAt}) < ${until})`;
}

export function dueTodaySql(timeZone: string): SQL {
  return dueBeforeSql(endOfTodaySql(timeZone));
}

export const dueWithinHourSql: SQL = dueBeforeSql(sql`now() + interval '1 hour'`);

/** The two columns the list reads beside the ticket's own. */
export const dueColumns = {
  dueAt: sql<Date | null>`${dueAtSql}`.mapWith(tickets.nextReplyAt),
  overdue: sql<boolean>`${overdueSql}`.mapWith(Boolean),
};

/** The same definitions in TypeScript (a ticket read on its own). */
export function dueAtOf(row: {
  status: string;
  nextReplyAt: Date | string | null;
  slaDueAt: Date | string | null;
}): Date | null {
  if (!isOpen(row.status as TicketStatus)) return null;
  const times = [row.nextReplyAt, row.slaDueAt].filter((v) => v !== null).map((v) => new Date(v as Date | string));
  if (times.length === 0) return null;
  return new Date(Math.min(...times.map((d) => d.getTime())));
}

export function isTicketOverdue(
  row: { status: string; nextReplyAt: Date | string | null; slaState: string | null },
  now = new Date(),
): boolean {
  if (!isOpen(row.status as TicketStatus)) return false;
  return (
    row.slaState === 'breached' || (row.nextReplyAt !== null && new Date(row.nextReplyAt).getTime() < now.getTime())
  );
}
