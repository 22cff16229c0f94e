import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { notificationTemplates } from '../notifications.tables.js';

export type TemplateRow = typeof notificationTemplates.$inferSelect;
type Key = { topic: string; channel: string; locale: string };

const byKey = (k: Key) =>
  and(
    eq(notificationTemplates.topic, k.topic),
    eq(notificationTemplates.channel, k.channel),
    eq(notificationTemplates.locale, k.locale),
  );

export async function findTemplate(db: DbOrTx, key: Key): Promise<TemplateRow | undefined> {
  const [row] = await db.select().from(notificationTemplates).where(byKey(key)).limit(1);
  return row;
}

export async function listTemplates(db: DbOrTx): Promise<TemplateRow[]> {
  return db
    .select()
    .from(notificationTemplates)
    .orderBy(asc(notificationTemplates.topic), asc(notificationTemplates.channel), asc(notificationTemplates.locale));
}

export async function upsertTemplate(
  db: DbOrTx,
  values: Key & { subject: string; body: string; providerTemplateId: string | null; updatedBy: string | null },
  at: Date,
): Promise<TemplateRow> {
  const [row] = await db
    .insert(notificationTemplates)
    .values({ ...values, updatedAt: at })
    .onConflictDoUpdate({
      target: [notificationTemplates.topic, notificationTemplates.channel, notificationTemplates.locale],
      set: {
        subject: values.subject,
        body: values.body,
        providerTemplateId: values.providerTemplateId,
        updatedBy: values.updatedBy,
        updatedAt: at,
      },
    })
    .returning();
  if (!row) throw new Error('template upsert returned nothing');
  return row;
}

export async function deleteTemplate(db: DbOrTx, key: Key): Promise<TemplateRow | undefined> {
  const [row] = await db.delete(notificationTemplates).where(byKey(key)).returning();
  return row;
}
