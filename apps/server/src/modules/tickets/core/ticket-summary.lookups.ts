import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { columnRef } from '../../../lib/sql-ref.js';
import { userNameSql } from '../../users/index.js';
import { tickets } from '../tickets.tables.js';
import { ticketScope } from './tickets.repository.js';

/**
 * What other modules (sla: the sweep, escalations, the at-risk queue) read of tickets, without
 * touching the tickets tables: a short summary by id, and the data scope as an expression over a
 * ticket id column of their own table.
 */
export type TicketSummary = {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  typeKey: string;
  assigneeId: string | null;
  assigneeName: string | null;
  departmentId: string | null;
  customerId: string | null;
};

const summary = {
  id: tickets.id,
  number: tickets.number,
  subject: tickets.subject,
  status: tickets.status,
  priority: tickets.priority,
  typeKey: tickets.typeKey,
  assigneeId: tickets.assigneeId,
  assigneeName: userNameSql(tickets.assigneeId),
  departmentId: tickets.departmentId,
  customerId: tickets.customerId,
};

/** The summaries of these tickets (whatever the scope: for system work such as the SLA sweep). */
export async function findTicketSummaries(db: DbOrTx, ids: string[]): Promise<TicketSummary[]> {
  if (ids.length === 0) return [];
  return db.select(summary).from(tickets).where(inArray(tickets.id, ids));
}

/** The ticket's summary if the actor may see it. */
export async function findTicketSummaryInScope(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select(summary)
    .from(tickets)
    .where(and(eq(tickets.id, id), ticketScope(actor)))
    .limit(1);
  return row as TicketSummary | undefined;
}

/** `ticketId` (a column of the caller's table) is a ticket the actor may see. */
export function ticketVisibleSql(ticketId: SQL | Parameters<typeof columnRef>[0], actor: Actor): SQL {
  return sql`EXISTS (SELECT 1 FROM ${tickets} WHERE ${tickets.id} = ${columnRef(ticketId)} AND ${ticketScope(actor)})`;
}
