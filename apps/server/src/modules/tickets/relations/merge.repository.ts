import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { improvementMeasures, ticketAttachments, ticketMessages, tickets } from '../tickets.tables.js';

/**
 * Moves the source's messages to the target. `moved_from_ticket_id` keeps where each message was
 * first written (a message moved twice keeps its original ticket). Returns how many moved.
 */
export async function moveMessages(db: DbOrTx, sourceId: string, targetId: string) {
  const moved = await db
    .update(ticketMessages)
    .set({
      ticketId: targetId,
      movedFromTicketId: sql`COALESCE(${ticketMessages.movedFromTicketId}, ${sourceId}::uuid)`,
    })
    .where(eq(ticketMessages.ticketId, sourceId))
    .returning({ id: ticketMessages.id });
  return moved.length;
}

export async function moveAttachments(db: DbOrTx, sourceId: string, targetId: string) {
  const moved = await db
    .update(ticketAttachments)
    .set({ ticketId: targetId })
    .where(eq(ticketAttachments.ticketId, sourceId))
    .returning({ id: ticketAttachments.id });
  return moved.length;
}

export async function moveMeasures(db: DbOrTx, sourceId: string, targetId: string) {
  const moved = await db
    .update(improvementMeasures)
    .set({ ticketId: targetId, updatedAt: sql`now()` })
    .where(eq(improvementMeasures.ticketId, sourceId))
    .returning({ id: improvementMeasures.id });
  return moved.length;
}

/**
 * The source's watchers also watch the target. They stay on the source too: the merged ticket and
 * its history remain readable to them.
 */
export async function copyWatchers(db: DbOrTx, sourceId: string, targetId: string) {
  const result = await db.execute<{ user_id: string }>(sql`INSERT INTO ticket_watchers (ticket_id, user_id)
    SELECT ${targetId}::uuid, user_id FROM ticket_watchers WHERE ticket_id = ${sourceId}::uuid
    ON CONFLICT DO NOTHING RETURNING user_id`);
  return result.rows.length;
}

/**
 * Re-points the source's links to the target (each pair stored once, smaller id first; who linked
 * them and when is kept); a link between source and target is dropped. Returns the ids of the
 * tickets the source was linked to (the target aside).
 */
export async function moveLinks(db: DbOrTx, sourceId: string, targetId: string) {
  const result = await db.execute<{ other_id: string }>(sql`WITH gone AS (
      DELETE FROM ticket_links WHERE ticket_id = ${sourceId}::uuid OR linked_id = ${sourceId}::uuid
      RETURNING CASE WHEN ticket_id = ${sourceId}::uuid THEN linked_id ELSE ticket_id END AS other_id, created_by, created_at
    ), moved AS (
      INSERT INTO ticket_links (ticket_id, linked_id, created_by, created_at)
      SELECT LEAST(other_id, ${targetId}::uuid), GREATEST(other_id, ${targetId}::uuid), created_by, created_at
      FROM gone WHERE other_id <> ${targetId}::uuid
      ON CONFLICT DO NOTHING
    )
    SELECT other_id FROM gone WHERE other_id <> ${targetId}::uuid`);
  return result.rows.map((r) => r.other_id);
}

export async function findTicketNumber(db: DbOrTx, id: string) {
  const [row] = await db.select({ number: tickets.number }).from(tickets).where(eq(tickets.id, id)).limit(1);
  return row?.number ?? null;
}

/** The tickets merged into `id`, oldest merge first (ids and numbers only: the caller scopes them). */
export async function listMergedInto(db: DbOrTx, id: string) {
  return db.select({ id: tickets.id }).from(tickets).where(eq(tickets.mergedIntoId, id)).orderBy(tickets.updatedAt);
}
