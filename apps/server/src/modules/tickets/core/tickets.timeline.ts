import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { gradeAt } from '../../customers/index.js';
import { ticketHistory, ticketMessages, tickets, ticketTypes } from '../tickets.tables.js';
import { unfinishedTicketSql } from './open-ticket.js';

/**
 * A ticket's life as the SLA clocks read it (the SLA module's `ClockFacts`): its current fields,
 * the customer's grade when it was created, and the timeline rebuilt from the history and the
 * messages — status changes, waits, customer messages and replies, promised reply times and the
 * departments it went through, in order.
 */
export type TicketTimelineEntry =
  | { at: Date; kind: 'status'; to: string }
  | { at: Date; kind: 'waiting'; waitingOn: 'customer' | 'third_party' | null }
  | { at: Date; kind: 'inbound' }
  | { at: Date; kind: 'reply' }
  | { at: Date; kind: 'promise'; promisedAt: Date | null }
  | { at: Date; kind: 'department'; departmentId: string | null };

export type TicketClockFacts = {
  ticket: {
    id: string;
    number: string;
    subject: string;
    typeKey: string;
    isComplaint: boolean;
    priority: string;
    status: string;
    departmentId: string | null;
    assigneeId: string | null;
    createdAt: Date;
    customerGrade: string | null;
    waitingOn: 'customer' | 'third_party' | null;
  };
  timeline: TicketTimelineEntry[];
};

type Snapshot = Record<string, unknown>;
const isSnapshot = (v: unknown): v is Snapshot => typeof v === 'object' && v !== null && !Array.isArray(v);
const dateOrNull = (v: unknown) => (typeof v === 'string' && v ? new Date(v) : null);

/** The timeline entries one history row stands for. */
function entriesOf(action: string, at: Date, after: unknown): TicketTimelineEntry[] {
  if (!isSnapshot(after)) return [];
  const out: TicketTimelineEntry[] = [];
  if (
    typeof after.status === 'string' &&
    (action === 'created' || action.startsWith('transition:') || action === 'merged_into')
  )
    out.push({ at, kind: 'status', to: after.status });
  if ('departmentId' in after && (action === 'created' || action === 'updated'))
    out.push({ at, kind: 'department', departmentId: (after.departmentId as string | null) ?? null });
  if ('waitingOn' in after)
    out.push({ at, kind: 'waiting', waitingOn: (after.waitingOn as 'customer' | 'third_party' | null) ?? null });
  if ('nextReplyAt' in after && (action !== 'created' || after.nextReplyAt))
    out.push({ at, kind: 'promise', promisedAt: dateOrNull(after.nextReplyAt) });
  return out;
}

/** Everything the SLA clocks of a ticket are computed from (undefined: no such ticket). */
export async function ticketClockFacts(db: DbOrTx, ticketId: string): Promise<TicketClockFacts | undefined> {
  const [row] = await db
    .select({ ticket: tickets, isComplaint: ticketTypes.isComplaint })
    .from(tickets)
    .innerJoin(ticketTypes, eq(ticketTypes.key, tickets.typeKey))
    .where(eq(tickets.id, ticketId));
  if (!row) return undefined;
  const t = row.ticket;
  const history = await db
    .select({ action: ticketHistory.action, at: ticketHistory.at, after: ticketHistory.after })
    .from(ticketHistory)
    .where(
      and(
        eq(ticketHistory.ticketId, ticketId),
        sql`(${ticketHistory.action} IN ('created', 'updated', 'waiting', 'next_reply_promised', 'merged_into')
          OR ${ticketHistory.action} LIKE 'transition:%')`,
      ),
    )
    .orderBy(asc(ticketHistory.id));
  // Messages moved in by a merge belong to the other ticket's life.
  const messages = await db
    .select({ kind: ticketMessages.kind, at: ticketMessages.createdAt })
    .from(ticketMessages)
    .where(
      and(
        eq(ticketMessages.ticketId, ticketId),
        inArray(ticketMessages.kind, ['inbound', 'reply']),
        isNull(ticketMessages.movedFromTicketId),
      ),
    )
    .orderBy(asc(ticketMessages.createdAt));
  const timeline: TicketTimelineEntry[] = [];
  if (!history.some((h) => h.action === 'created')) {
    // A ticket without its creation row (imported): it started received, in its department.
    timeline.push({ at: t.createdAt, kind: 'status', to: 'received' });
    timeline.push({ at: t.createdAt, kind: 'department', departmentId: t.departmentId });
  }
  for (const h of history) timeline.push(...entriesOf(h.action, h.at, h.after));
  for (const m of messages) timeline.push({ at: m.at, kind: m.kind === 'inbound' ? 'inbound' : 'reply' });
  const grade = t.customerId ? await gradeAt(db, t.customerId, t.createdAt) : undefined;
  return {
    ticket: {
      id: t.id,
      number: t.number,
      subject: t.subject,
      typeKey: t.typeKey,
      isComplaint: row.isComplaint,
      priority: t.priority,
      status: t.status,
      departmentId: t.departmentId,
      assigneeId: t.assigneeId,
      createdAt: t.createdAt,
      customerGrade: grade?.grade ?? null,
      waitingOn: t.waitingOn,
    },
    timeline,
  };
}

/** Ids of tickets not closed or merged, after `afterId` in id order (recomputing clocks in chunks). */
export async function unfinishedTicketIdsAfter(db: DbOrTx, afterId: string | null, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(unfinishedTicketSql(tickets.status), afterId ? gt(tickets.id, afterId) : undefined))
    .orderBy(asc(tickets.id))
    .limit(limit);
  return rows.map((r) => r.id);
}
