import type { AnyColumn, SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { openTicketSql } from '../core/open-ticket.js';

type DueColumns = { status: AnyColumn; nextReplyAt: AnyColumn; slaDueAt: AnyColumn; slaState: AnyColumn };

/**
 * The expressions of the queue's default order, over the ticket table's columns: written once here
 * for the queries (ticket-due.ts) and the expression index `tickets_due_idx` (tickets.tables.ts),
 * which PostgreSQL uses only when a query's ORDER BY is the same expression.
 */
export function dueAtExpression(t: DueColumns): SQL {
  return sql`(CASE WHEN ${openTicketSql(t.status)} THEN LEAST(${t.nextReplyAt}, ${t.slaDueAt}) END)`;
}

/** 0 = open with a breached time limit, 1 = other open, 2 = not open. */
export function urgencyExpression(t: DueColumns): SQL {
  return sql`(CASE WHEN ${openTicketSql(t.status)} THEN (CASE WHEN ${t.slaState} = 'breached' THEN 0 ELSE 1 END) ELSE 2 END)`;
}
