import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { RecordAudience } from '../../../lib/data-scope.js';
import { improvementMeasures, ticketAttachments, tickets, ticketWatchers } from '../tickets.tables.js';

/**
 * Who a ticket concerns, by the rule of `ticketScope` (tickets.repository.ts): assignee and
 * recorder (user scope), its department (scope `department`; scope `team` while it is unassigned)
 * and its watchers (whatever their scope). Registered with lib/data-scope.ts for the audit log and
 * real-time events.
 */
export async function ticketAudiences(db: DbOrTx, ids: string[]): Promise<Map<string, RecordAudience>> {
  // One after the other: this may run inside the caller's transaction (one connection).
  const rows = await db
    .select({
      id: tickets.id,
      assigneeId: tickets.assigneeId,
      createdBy: tickets.createdBy,
      departmentId: tickets.departmentId,
    })
    .from(tickets)
    .where(inArray(tickets.id, ids));
  const watchers = await db
    .select({ ticketId: ticketWatchers.ticketId, userId: ticketWatchers.userId })
    .from(ticketWatchers)
    .where(inArray(ticketWatchers.ticketId, ids));
  const result = new Map<string, RecordAudience>();
  for (const row of rows) {
    const department = row.departmentId ? [row.departmentId] : [];
    result.set(row.id, {
      userIds: [...new Set([row.assigneeId, row.createdBy].filter((id): id is string => id !== null))],
      departmentIds: department,
      teamDepartmentIds: row.assigneeId === null ? department : [],
      viewerIds: [],
    });
  }
  for (const row of watchers) result.get(row.ticketId)?.viewerIds?.push(row.userId);
  return result;
}

/** Parts of a ticket (an attachment, an improvement measure) concern whom their ticket concerns. */
function partAudiences(table: typeof ticketAttachments | typeof improvementMeasures) {
  return async (db: DbOrTx, ids: string[]): Promise<Map<string, RecordAudience>> => {
    const parts = await db.select({ id: table.id, ticketId: table.ticketId }).from(table).where(inArray(table.id, ids));
    const byTicket = await ticketAudiences(db, [...new Set(parts.map((p) => p.ticketId))]);
    const result = new Map<string, RecordAudience>();
    for (const part of parts) {
      const audience = byTicket.get(part.ticketId);
      if (audience) result.set(part.id, audience);
    }
    return result;
  };
}

export const ticketAttachmentAudiences = partAudiences(ticketAttachments);
export const improvementMeasureAudiences = partAudiences(improvementMeasures);
