import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { PageQuery } from '../../lib/pagination.js';
import { emailMessages } from './email.tables.js';

export type EmailMessageRow = typeof emailMessages.$inferSelect;
export type EmailMessageInsert = typeof emailMessages.$inferInsert;

/**
 * Claims a Message-ID: inserts its row, or answers undefined when it is already recorded (by this
 * or another instance — on PostgreSQL a concurrent claim waits for the first one's transaction).
 */
export async function claimMessage(db: DbOrTx, values: EmailMessageInsert) {
  const [row] = await db.insert(emailMessages).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findByMessageId(db: DbOrTx, messageId: string) {
  const [row] = await db.select().from(emailMessages).where(eq(emailMessages.messageId, messageId)).limit(1);
  return row;
}

/** The ticket of the newest known mail among `ids` (In-Reply-To first, then References newest first). */
export async function ticketOfMessages(db: DbOrTx, ids: string[]): Promise<string | null> {
  if (ids.length === 0) return null;
  const rows = await db
    .select({ messageId: emailMessages.messageId, ticketId: emailMessages.ticketId })
    .from(emailMessages)
    .where(and(inArray(emailMessages.messageId, ids), sql`${emailMessages.ticketId} IS NOT NULL`));
  const byId = new Map(rows.map((r) => [r.messageId, r.ticketId]));
  for (const id of ids) {
    const ticketId = byId.get(id);
    if (ticketId) return ticketId;
  }
  return null;
}

/** The customer's last mail on a ticket (what a reply answers). */
export async function lastInbound(db: DbOrTx, ticketId: string) {
  const [row] = await db
    .select()
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.ticketId, ticketId),
        eq(emailMessages.direction, 'in'),
        inArray(emailMessages.outcome, ['created', 'threaded']),
      ),
    )
    .orderBy(desc(emailMessages.at))
    .limit(1);
  return row;
}

/** A failed mail tried again: one more attempt, a new reason. */
export async function recordRetry(db: DbOrTx, messageId: string, reason: string) {
  const [row] = await db
    .update(emailMessages)
    .set({ attempts: sql`${emailMessages.attempts} + 1`, reason, at: sql`now()` })
    .where(and(eq(emailMessages.messageId, messageId), eq(emailMessages.outcome, 'failed')))
    .returning();
  return row;
}

export async function removeFailed(db: DbOrTx, messageId: string) {
  await db
    .delete(emailMessages)
    .where(and(eq(emailMessages.messageId, messageId), eq(emailMessages.outcome, 'failed')));
}

export type InboundFilter = { outcome?: EmailMessageRow['outcome']; direction?: EmailMessageRow['direction'] };

export async function listMessages(db: DbOrTx, filter: InboundFilter, page: PageQuery) {
  const conditions: SQL[] = [];
  if (filter.outcome) conditions.push(eq(emailMessages.outcome, filter.outcome));
  if (filter.direction) conditions.push(eq(emailMessages.direction, filter.direction));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const items = await db
    .select()
    .from(emailMessages)
    .where(where)
    .orderBy(desc(emailMessages.at), desc(emailMessages.id))
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(emailMessages).where(where);
  return { items, total: Number(count?.n ?? 0) };
}

/** Writes what became of a claimed mail. */
export async function settle(
  db: DbOrTx,
  messageId: string,
  values: Pick<EmailMessageInsert, 'outcome' | 'ticketId' | 'ticketMessageId' | 'attachments' | 'reason'>,
) {
  await db.update(emailMessages).set(values).where(eq(emailMessages.messageId, messageId));
}

/** Whether `address` wrote on the ticket before (a mail of it threaded or created there). */
export async function senderKnownOn(db: DbOrTx, ticketId: string, address: string) {
  const [row] = await db
    .select({ id: emailMessages.id })
    .from(emailMessages)
    .where(
      and(
        eq(emailMessages.ticketId, ticketId),
        eq(emailMessages.direction, 'in'),
        sql`lower(${emailMessages.fromAddress}) = ${address.toLowerCase()}`,
      ),
    )
    .limit(1);
  return Boolean(row);
}
