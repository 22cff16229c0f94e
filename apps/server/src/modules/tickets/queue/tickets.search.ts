import type { DbOrTx } from '../../../db/client.js';
import { toWeightedVector } from '../../../lib/search/index.js';
import * as repo from '../core/tickets.repository.js';

/**
 * Rebuilds a ticket's search vector from its number and subject (weight A), description (B) and
 * messages — customer messages, replies and internal notes (C). Segmented by jieba in Node
 * (lib/search), stored as a `simple` tsvector, so it works the same on PGlite and PostgreSQL.
 */
export async function reindexTicket(db: DbOrTx, ticketId: string) {
  const { ticket, bodies } = await repo.searchableText(db, ticketId);
  if (!ticket) return;
  await repo.setSearchVector(db, ticketId, ticketVector(ticket, bodies));
}

/** The vector of a ticket's text (also written by createTicket in its INSERT, not by a second UPDATE). */
export function ticketVector(ticket: { number: string; subject: string; description: string }, bodies: string[]) {
  return toWeightedVector(
    { weight: 'A', text: [ticket.number, ticket.subject] },
    { weight: 'B', text: ticket.description },
    { weight: 'C', text: bodies },
  );
}
