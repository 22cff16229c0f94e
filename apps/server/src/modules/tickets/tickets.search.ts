import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { toIndexText } from '../../lib/search/segment.js';
import * as repo from './tickets.repository.js';

/**
 * Rebuilds a ticket's search vector from its number and subject (weight A), description (B) and
 * messages — customer messages, replies and internal notes (C). Segmented by jieba in Node
 * (lib/search), stored as a `simple` tsvector, so it works the same on PGlite and PostgreSQL.
 */
export async function reindexTicket(db: DbOrTx, ticketId: string) {
  const { ticket, bodies } = await repo.searchableText(db, ticketId);
  if (!ticket) return;
  const vector = sql`setweight(to_tsvector('simple', ${toIndexText(ticket.number, ticket.subject)}), 'A')
    || setweight(to_tsvector('simple', ${toIndexText(ticket.description)}), 'B')
    || setweight(to_tsvector('simple', ${toIndexText(...bodies)}), 'C')`;
  await repo.setSearchVector(db, ticketId, vector);
}
