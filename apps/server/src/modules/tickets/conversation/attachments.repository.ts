import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { userNameSql } from '../../users/index.js';
import { ticketAttachments, ticketMessages } from '../tickets.tables.js';

export type AttachmentRow = typeof ticketAttachments.$inferSelect;

const selection = { attachment: ticketAttachments, uploaderName: userNameSql(ticketAttachments.uploadedBy) };

export async function listAttachments(db: DbOrTx, ticketId: string) {
  return db
    .select(selection)
    .from(ticketAttachments)
    .where(eq(ticketAttachments.ticketId, ticketId))
    .orderBy(ticketAttachments.createdAt, ticketAttachments.id);
}

export async function findAttachment(db: DbOrTx, ticketId: string, id: string) {
  const [row] = await db
    .select(selection)
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.ticketId, ticketId), eq(ticketAttachments.id, id)))
    .limit(1);
  return row;
}

export async function insertAttachment(db: DbOrTx, values: typeof ticketAttachments.$inferInsert) {
  const [row] = await db.insert(ticketAttachments).values(values).returning();
  return row as AttachmentRow;
}

export async function deleteAttachment(db: DbOrTx, id: string) {
  const [row] = await db.delete(ticketAttachments).where(eq(ticketAttachments.id, id)).returning();
  return row;
}

export async function messageBelongsTo(db: DbOrTx, ticketId: string, messageId: string) {
  const [row] = await db
    .select({ id: ticketMessages.id })
    .from(ticketMessages)
    .where(and(eq(ticketMessages.id, messageId), eq(ticketMessages.ticketId, ticketId)))
    .limit(1);
  return Boolean(row);
}
