import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { smsSettings } from './sms.tables.js';

export type SmsSettingsRow = typeof smsSettings.$inferSelect;
export type SmsSettingsValues = Omit<SmsSettingsRow, 'id' | 'version' | 'updatedAt'>;

/** The one settings row (id 1), with the defaults when nobody has saved settings yet. */
export async function findSettings(db: DbOrTx, { forUpdate = false } = {}): Promise<SmsSettingsRow | undefined> {
  const query = db.select().from(smsSettings).where(eq(smsSettings.id, 1)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function ensureSettings(db: DbOrTx): Promise<void> {
  await db.insert(smsSettings).values({ id: 1 }).onConflictDoNothing();
}

/** Writes the row and bumps its version when it still has `version`; undefined when it did not. */
export async function updateSettings(
  db: DbOrTx,
  version: number,
  values: SmsSettingsValues,
): Promise<SmsSettingsRow | undefined> {
  const [row] = await db
    .update(smsSettings)
    .set({ ...values, version: sql`${smsSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(smsSettings.id, 1), eq(smsSettings.version, version)))
    .returning();
  return row;
}
