import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { emailSettings } from './email.tables.js';

export type EmailSettingsRow = typeof emailSettings.$inferSelect;
export type EmailSettingsValues = Partial<Omit<EmailSettingsRow, 'id' | 'version' | 'updatedAt'>>;

/** The one settings row (id 1); created with the defaults on first read. */
export async function findSettings(db: DbOrTx, { forUpdate = false } = {}): Promise<EmailSettingsRow | undefined> {
  const query = db.select().from(emailSettings).where(eq(emailSettings.id, 1)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function readSettings(db: DbOrTx): Promise<EmailSettingsRow> {
  const row = await findSettings(db);
  if (row) return row;
  await db.insert(emailSettings).values({ id: 1 }).onConflictDoNothing();
  const created = await findSettings(db);
  if (!created) throw new Error('email_settings row missing after creating it');
  return created;
}

/** Writes the row and bumps its version when it still has `version`; undefined when it did not. */
export async function updateSettings(db: DbOrTx, version: number, values: EmailSettingsValues) {
  const [row] = await db
    .update(emailSettings)
    .set({ ...values, version: sql`${emailSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(emailSettings.id, 1), eq(emailSettings.version, version)))
    .returning();
  return row;
}

/** Poll bookkeeping (no version bump: not an administrator's edit). */
export async function recordPoll(
  db: DbOrTx,
  values: Pick<EmailSettingsValues, 'imapUidValidity' | 'imapLastUid' | 'lastPolledAt' | 'lastPollError'>,
) {
  await db.update(emailSettings).set(values).where(eq(emailSettings.id, 1));
}
