import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { inboundMessages, inboundSources } from '../webhooks.tables.js';

export type InboundSource = typeof inboundSources.$inferSelect;

export async function listSources(db: DbOrTx) {
  return db.select().from(inboundSources).orderBy(desc(inboundSources.createdAt));
}

export async function findSource(db: DbOrTx, id: string, { lock = false } = {}) {
  const query = db.select().from(inboundSources).where(eq(inboundSources.id, id)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertSource(db: DbOrTx, values: typeof inboundSources.$inferInsert) {
  const [row] = await db.insert(inboundSources).values(values).returning();
  return row as InboundSource;
}

export async function updateSource(db: DbOrTx, id: string, values: Partial<typeof inboundSources.$inferInsert>) {
  const [row] = await db
    .update(inboundSources)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(inboundSources.id, id))
    .returning();
  return row as InboundSource;
}

export async function deleteSource(db: DbOrTx, id: string) {
  await db.delete(inboundSources).where(eq(inboundSources.id, id));
}

/** Claims a message id for the source: false when it was already received (a replay). */
export async function claimMessage(db: DbOrTx, sourceId: string, messageId: string): Promise<boolean> {
  const result = await db.execute<{ message_id: string }>(sql`
    INSERT INTO inbound_messages (source_id, message_id) VALUES (${sourceId}::uuid, ${messageId})
    ON CONFLICT DO NOTHING RETURNING message_id`);
  return result.rows.length > 0;
}

export async function settleMessage(
  db: DbOrTx,
  sourceId: string,
  messageId: string,
  values: { ticketId: string; details: Record<string, unknown> },
) {
  await db
    .update(inboundMessages)
    .set(values)
    .where(sql`${inboundMessages.sourceId} = ${sourceId}::uuid AND ${inboundMessages.messageId} = ${messageId}`);
}
