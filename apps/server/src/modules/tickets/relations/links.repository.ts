import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { Actor } from '../../../lib/actor.js';
import { userNameSql } from '../../users/index.js';
import { ticketScope } from '../core/tickets.repository.js';

export type TicketRelation = 'related' | 'merged_from' | 'merged_into';

type RelatedRow = {
  id: string;
  number: string;
  subject: string;
  status: string;
  type_key: string;
  is_complaint: boolean;
  priority: string;
  assignee_id: string | null;
  assignee_name: string | null;
  relation: TicketRelation;
  since: string;
};

const columns = (relation: TicketRelation, since: SQL) => sql`tickets.id, tickets.number, tickets.subject,
  tickets.status, tickets.type_key, tt.is_complaint, tickets.priority, tickets.assignee_id,
  ${userNameSql(sql`tickets.assignee_id`)} AS assignee_name,
  ${relation}::text AS relation, (${since})::text AS since`;

/**
 * The tickets related to `ticketId` that the actor may see (scope inside the query): linked ones,
 * ones merged into it, and the one it was merged into.
 */
export async function listRelated(db: DbOrTx, actor: Actor, ticketId: string) {
  const scope = ticketScope(actor);
  const result = await db.execute<RelatedRow>(sql`
    SELECT ${columns('related', sql`l.created_at`)}
    FROM ticket_links l
    JOIN tickets ON tickets.id = CASE WHEN l.ticket_id = ${ticketId}::uuid THEN l.linked_id ELSE l.ticket_id END
    JOIN ticket_types tt ON tt.key = tickets.type_key
    WHERE (l.ticket_id = ${ticketId}::uuid OR l.linked_id = ${ticketId}::uuid) AND ${scope}
    UNION ALL
    SELECT ${columns('merged_from', sql`tickets.updated_at`)}
    FROM tickets JOIN ticket_types tt ON tt.key = tickets.type_key
    WHERE tickets.merged_into_id = ${ticketId}::uuid AND ${scope}
    UNION ALL
    SELECT ${columns('merged_into', sql`tickets.updated_at`)}
    FROM tickets JOIN ticket_types tt ON tt.key = tickets.type_key
    WHERE tickets.id = (SELECT merged_into_id FROM tickets src WHERE src.id = ${ticketId}::uuid) AND ${scope}
    ORDER BY since, number`);
  return result.rows;
}

/** Stores the pair once (smaller id first); false when it was already there. */
export async function insertLink(db: DbOrTx, a: string, b: string, createdBy: string) {
  const result = await db.execute<{ ticket_id: string }>(sql`INSERT INTO ticket_links (ticket_id, linked_id, created_by)
    VALUES (LEAST(${a}::uuid, ${b}::uuid), GREATEST(${a}::uuid, ${b}::uuid), ${createdBy}::uuid)
    ON CONFLICT DO NOTHING RETURNING ticket_id`);
  return result.rows.length > 0;
}

export async function deleteLink(db: DbOrTx, a: string, b: string) {
  const result = await db.execute<{ ticket_id: string }>(sql`DELETE FROM ticket_links
    WHERE ticket_id = LEAST(${a}::uuid, ${b}::uuid) AND linked_id = GREATEST(${a}::uuid, ${b}::uuid)
    RETURNING ticket_id`);
  return result.rows.length > 0;
}
