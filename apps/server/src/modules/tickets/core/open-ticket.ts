import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { TicketStatus } from './tickets.lifecycle.js';

/**
 * The one definition of an open ticket (issue 11) and of its sibling notion, an unfinished one.
 * - open: work is still ours to do — received, classified, investigating. Queues (`open` filter),
 *   the next-reply promise, an agent's load and the partial indexes `tickets_open_idx` and
 *   `tickets_next_reply_idx` use it.
 * - unfinished: not yet closed or merged — the open ones plus resolved and feedback (waiting for the
 *   customer). What a handover moves to the successor.
 * The SQL lists the statuses as literals (not parameters) so that PostgreSQL matches a query's
 * predicate to the partial indexes, whose definition is this same text.
 */
export const OPEN_STATUSES = ['received', 'classified', 'investigating'] as const satisfies readonly TicketStatus[];
/** Statuses that end a ticket's life. */
export const FINAL_STATUSES = ['closed', 'merged'] as const satisfies readonly TicketStatus[];

const list = (statuses: readonly string[]) => sql.raw(statuses.map((s) => `'${s}'`).join(', '));

export function isOpen(status: TicketStatus): boolean {
  return (OPEN_STATUSES as readonly TicketStatus[]).includes(status);
}

export function isUnfinished(status: TicketStatus): boolean {
  return !(FINAL_STATUSES as readonly TicketStatus[]).includes(status);
}

/** `status` is open (pass the status column, or `sql.raw('t.status')` in hand-written SQL). */
export function openTicketSql(status: AnyColumn | SQL): SQL {
  return sql`${status} IN (${list(OPEN_STATUSES)})`;
}

/**
 * The one definition of an overdue ticket (issue 14): open, and either its promised next reply is
 * late (`next_reply_at < now()`) or a time limit is breached (`sla_state = 'breached'`). Pass the
 * columns, or `sql.raw('t.status')` etc. in hand-written SQL.
 */
export function overdueTicketSql(t: {
  status: AnyColumn | SQL;
  nextReplyAt: AnyColumn | SQL;
  slaState: AnyColumn | SQL;
}): SQL {
  return sql`(${openTicketSql(t.status)} AND (${t.nextReplyAt} < now() OR ${t.slaState} = 'breached'))`;
}

export function notOpenTicketSql(status: AnyColumn | SQL): SQL {
  return sql`${status} NOT IN (${list(OPEN_STATUSES)})`;
}

export function unfinishedTicketSql(status: AnyColumn | SQL): SQL {
  return sql`${status} NOT IN (${list(FINAL_STATUSES)})`;
}
