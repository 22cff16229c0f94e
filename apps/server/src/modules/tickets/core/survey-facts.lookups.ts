import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { columnRef } from '../../../lib/sql-ref.js';
import { userNameSql } from '../../users/index.js';
import { ticketMessages, tickets } from '../tickets.tables.js';
import { ticketScope } from './tickets.repository.js';

/** Tags that mark a ticket raised inside the company (no customer to survey). */
export const INTERNAL_TICKET_TAGS = ['internal', '内部'] as const;

/**
 * What the surveys module needs of a ticket to invite its customer (sending rules of issue 15):
 * the customer, the responsible department and agent (the assignee, else the author of the last
 * reply to the customer: the person the customer dealt with), and two skip facts — `agentReplied` (a reply
 * to the customer exists) and `internal` (no customer, or tagged internal / 内部).
 */
export type TicketSurveyFacts = {
  id: string;
  number: string;
  subject: string;
  typeKey: string;
  status: string;
  customerId: string | null;
  departmentId: string | null;
  agentId: string | null;
  agentName: string | null;
  agentReplied: boolean;
  internal: boolean;
};

/** The assignee, else the author of the last reply to the customer. */
const agentId = sql<string | null>`coalesce(${tickets.assigneeId}, (SELECT m.author_id FROM ${ticketMessages} m
  WHERE m.ticket_id = ${columnRef(tickets.id)} AND m.kind = 'reply' ORDER BY m.created_at DESC LIMIT 1))`;

const facts = {
  id: tickets.id,
  number: tickets.number,
  subject: tickets.subject,
  typeKey: tickets.typeKey,
  status: tickets.status,
  customerId: tickets.customerId,
  departmentId: tickets.departmentId,
  agentId,
  agentName: userNameSql(agentId),
  agentReplied: sql<boolean>`EXISTS (SELECT 1 FROM ${ticketMessages} m WHERE m.ticket_id = ${columnRef(tickets.id)} AND m.kind = 'reply')`,
  internal: sql<boolean>`(${tickets.customerId} IS NULL OR ${tickets.tags} && ARRAY[${sql.join(
    INTERNAL_TICKET_TAGS.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[])`,
};

/** The ticket's survey facts, whatever the scope (system work: the ticket-closed listener). */
export async function ticketSurveyFacts(db: DbOrTx, id: string): Promise<TicketSurveyFacts | undefined> {
  const [row] = await db.select(facts).from(tickets).where(eq(tickets.id, id)).limit(1);
  return row as TicketSurveyFacts | undefined;
}

/** The ticket's survey facts if the actor may see it. */
export async function ticketSurveyFactsInScope(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<TicketSurveyFacts | undefined> {
  const [row] = await db
    .select(facts)
    .from(tickets)
    .where(and(eq(tickets.id, id), ticketScope(actor)))
    .limit(1);
  return row as TicketSurveyFacts | undefined;
}
