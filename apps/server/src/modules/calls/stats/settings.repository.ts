import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { callSettings } from '../calls.tables.js';

export type CallSettingsRow = typeof callSettings.$inferSelect;
export type CallSettingsValues = Partial<Omit<CallSettingsRow, 'id' | 'version' | 'updatedAt'>>;

/** The one settings row (id 1). */
export async function findSettings(db: DbOrTx, { forUpdate = false } = {}): Promise<CallSettingsRow | undefined> {
  const query = db.select().from(callSettings).where(eq(callSettings.id, 1)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** The settings, created with the defaults (seed 002's industry targets) on first read. */
export async function readSettings(db: DbOrTx): Promise<CallSettingsRow> {
  const row = await findSettings(db);
  if (row) return row;
  await db.insert(callSettings).values({ id: 1 }).onConflictDoNothing();
  const created = await findSettings(db);
  if (!created) throw new Error('call_settings row missing after creating it');
  return created;
}

/** Writes the row and bumps its version when it still has `version`; undefined when it did not. */
export async function updateSettings(db: DbOrTx, version: number, values: CallSettingsValues) {
  const [row] = await db
    .update(callSettings)
    .set({ ...values, version: sql`${callSettings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(callSettings.id, 1), eq(callSettings.version, version)))
    .returning();
  return row;
}
